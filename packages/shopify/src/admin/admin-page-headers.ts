const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * Headers for the admin page. Shopify requires embedded apps to allow framing only by the shop's
 * admin: `frame-ancestors https://{shop} https://admin.shopify.com`. Without a valid shop (a
 * request that did not come through the admin) nothing may frame the page.
 */
export function adminPageHeaders(shop?: string | null): Record<string, string> {
  const ancestors = shop && SHOP_DOMAIN.test(shop) ? `https://${shop} https://admin.shopify.com` : "'none'";
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `frame-ancestors ${ancestors};`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}
