import { APIError, type Karvon } from '@karvon/sdk';
import type { ConsentRecord } from '../storage/shopify-store';

export type GatewayConsentSync =
  | { action: 'consented' }
  | { action: 'opted_out' }
  | { action: 'none'; why: 'no_phone' | 'no_change' | 'not_a_choice' };

/**
 * The other half of consent sync: Shopify → gateway. A customer who subscribes to SMS marketing in
 * Shopify (checkout, customer account, admin) gets a consent record at the gateway, and any earlier
 * opt-out there is lifted: an explicit opt-in is newer than the STOP it replaces. An unsubscribe
 * becomes a gateway opt-out. Either change makes the gateway send `opt_out.changed` back to the
 * app, which finds Shopify already in that state and writes nothing: the loop ends there.
 */
export async function syncConsentToGateway(
  karvon: Karvon,
  record: Pick<ConsentRecord, 'phone' | 'state'>,
  previousState: ConsentRecord['state'] | null,
  consentedAt?: string,
): Promise<GatewayConsentSync> {
  if (!record.phone) return { action: 'none', why: 'no_phone' };
  if (record.state === previousState) return { action: 'none', why: 'no_change' };
  if (record.state === 'subscribed') {
    try {
      await karvon.optOuts.delete(record.phone);
    } catch (error) {
      // Not opted out at the gateway: nothing to lift.
      if (!(error instanceof APIError && error.status === 404)) throw error;
    }
    await karvon.consents.create({
      phoneNumber: record.phone,
      source: 'shopify',
      ...(consentedAt ? { consentedAt } : {}),
    });
    return { action: 'consented' };
  }
  if (record.state === 'unsubscribed') {
    await karvon.optOuts.create({ phoneNumber: record.phone, source: 'api' });
    return { action: 'opted_out' };
  }
  // not_subscribed, pending (double opt-in not confirmed yet), redacted: no choice to mirror.
  return { action: 'none', why: 'not_a_choice' };
}
