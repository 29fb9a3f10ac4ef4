import { checkPhoneNumber } from '@karvon/sdk/phone';
import type { OrderPayload } from './order-payload';

export type OrderRecipient =
  | {
      phone: string;
      firstName: string | null;
      lastName: string | null;
      source: 'shipping' | 'billing' | 'customer' | 'order';
    }
  | { phone: null; reason: string };

/**
 * Who gets a transactional SMS for an order: the shipping address's phone, then billing, then the
 * customer's, then the order's own, normalised to E.164 with the SDK. Shopify leaves the phone
 * out (redacts it) when the app has no protected-customer-data access or the data was erased;
 * that is a skip with a reason the merchant reads in the message log, never a silent drop.
 */
export function orderRecipient(order: OrderPayload, defaultCountry?: string): OrderRecipient {
  const candidates = [
    { source: 'shipping', phone: order.shipping_address?.phone, address: order.shipping_address },
    { source: 'billing', phone: order.billing_address?.phone, address: order.billing_address },
    { source: 'customer', phone: order.customer?.phone, address: order.customer },
    { source: 'order', phone: order.phone, address: order.customer },
  ] as const;
  let invalid = 0;
  for (const candidate of candidates) {
    if (!candidate.phone) continue;
    const checked = checkPhoneNumber(candidate.phone, defaultCountry ? { defaultCountry } : {});
    if (!checked.valid) {
      invalid += 1;
      continue;
    }
    return {
      phone: checked.e164,
      firstName: candidate.address?.first_name ?? order.customer?.first_name ?? null,
      lastName: candidate.address?.last_name ?? order.customer?.last_name ?? null,
      source: candidate.source,
    };
  }
  return {
    phone: null,
    reason:
      invalid > 0
        ? 'The order has a phone number, but it is not a valid mobile number.'
        : 'The order has no phone number (none given, or withheld by Shopify as protected customer data).',
  };
}
