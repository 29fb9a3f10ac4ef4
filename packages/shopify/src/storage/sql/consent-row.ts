import type { ConsentRecord, MarketingConsentState } from '../shopify-store';
import { num, type Row, str, strOrNull } from './sql-values';

export function consentFromRow(r: Row): ConsentRecord {
  return {
    shop: str(r.shop),
    customerId: str(r.customer_id),
    phone: strOrNull(r.phone),
    state: str(r.state) as MarketingConsentState,
    source: r.source === 'karvon' ? 'karvon' : 'shopify',
    updatedAt: num(r.updated_at),
  };
}
