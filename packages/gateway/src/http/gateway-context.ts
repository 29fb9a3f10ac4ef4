import type { Delivery } from '../dispatch/start-delivery';
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
  /** The base URL recipients reach the gateway's public pages on (opt-out links). */
  publicUrl: string;
  /** Called after live messages were committed (wakes the dispatcher). */
  onAccepted?: () => void;
  /** The carriers side, when this gateway delivers (operator routes read it). */
  delivery?: Delivery;
}
