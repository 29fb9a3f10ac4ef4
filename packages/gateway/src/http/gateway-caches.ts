import type { ApiKeyRecord, SenderRecord } from '../storage/repository';
import { TtlCache } from '../storage/ttl-cache';
import type { GatewayContext } from './gateway-context';

/**
 * How long a cached API key or sender registration may be served after a
 * change made outside this process (another gateway on the same PostgreSQL,
 * the CLI). Changes made through this process's own routes (DELETE /keys,
 * POST and DELETE /senders) clear the cache at once.
 */
export const READ_CACHE_TTL_MS = 1_000;

export interface GatewayCaches {
  /** Unrevoked API keys by hash (misses are not cached: a new key works at once). */
  readonly apiKeys: TtlCache<ApiKeyRecord | undefined>;
  /** `findBySender` by account + sender, and `getDefault` by account. */
  readonly senders: TtlCache<SenderRecord[] | SenderRecord | undefined>;
}

const byContext = new WeakMap<GatewayContext, GatewayCaches>();

/** The read caches of one gateway (one per context, so two gateways in one process never share one). */
export function cachesOf(ctx: GatewayContext): GatewayCaches {
  let caches = byContext.get(ctx);
  if (!caches) {
    caches = { apiKeys: new TtlCache(READ_CACHE_TTL_MS), senders: new TtlCache(READ_CACHE_TTL_MS) };
    byContext.set(ctx, caches);
  }
  return caches;
}
