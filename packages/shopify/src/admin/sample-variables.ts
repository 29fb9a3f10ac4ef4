import type { TemplateVariable } from '../notifications/default-templates';

/**
 * Values a preview renders with: an order of realistic length, so the segment count and price
 * the merchant sees are close to what a real order costs.
 */
export function sampleVariables(shopName: string): Record<TemplateVariable, string> {
  return {
    first_name: 'Dilnoza',
    last_name: 'Karimova',
    order_name: '#1024',
    total: 'UZS 489,000.00',
    shop_name: shopName,
    tracking_url: 'https://t.example.com/UZ7712345',
    tracking_number: 'UZ7712345',
    carrier: 'UzPost',
    checkout_url: 'https://shop.example.com/checkouts/c/7d3f9a/recover',
  };
}
