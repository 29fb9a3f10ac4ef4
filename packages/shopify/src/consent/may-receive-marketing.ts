import type { ShopifyStore } from '../storage/shopify-store';

/**
 * Whether a marketing SMS may go to this customer: only when their SMS marketing consent, as last
 * seen from Shopify or Karvon, is `subscribed`. Unknown customers may not. Order and shipping
 * notifications are transactional and do not ask this.
 */
export async function mayReceiveMarketing(
  store: Pick<ShopifyStore, 'consent'>,
  shop: string,
  customerId: string,
): Promise<boolean> {
  const record = await store.consent.get(shop, customerId);
  return record?.state === 'subscribed';
}
