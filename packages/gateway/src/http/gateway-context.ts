import type { PriceTable } from '../money/pricing';
import type { Repository } from '../storage/repository';

/** What every route handler may use; built once by createGateway. */
export interface GatewayContext {
  readonly repository: Repository;
  readonly priceTable: PriceTable;
  /** Country assumed for previews and numbers without one. */
  readonly defaultCountry: string;
  readonly idempotencyTtlMs: number;
  readonly rateLimit: { perSecond: number; burst: number } | false;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now: () => number;
}
