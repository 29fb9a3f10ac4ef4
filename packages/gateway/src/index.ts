import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { GatewayOptions } from './config/gateway-options';
import type { GatewayContext } from './http/gateway-context';
import { buildServer } from './http/server';
import { createLogger } from './logging/logger';
import { DEMO_PRICE_TABLE } from './money/pricing';
import { openPostgresRepository } from './storage/postgres/postgres-repository';
import type { Repository } from './storage/repository';
import { openSqliteRepository } from './storage/sqlite/sqlite-repository';

export type { GatewayOptions } from './config/gateway-options';
export { buildOpenApi } from './openapi/build-openapi';
export { openPostgresRepository } from './storage/postgres/postgres-repository';
export type { Repository } from './storage/repository';
export { openSqliteRepository } from './storage/sqlite/sqlite-repository';

export interface Gateway {
  app: FastifyInstance;
  repository: Repository;
  /** The base URL it listens on, e.g. http://127.0.0.1:8080 */
  url: string;
  /** Stops accepting, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
}

/** Opens the repository named by the options (PostgreSQL when databaseUrl is set, SQLite otherwise). */
export async function openRepository(options: Pick<GatewayOptions, 'databaseUrl' | 'dataDir'>): Promise<Repository> {
  if (options.databaseUrl) return openPostgresRepository({ connectionString: options.databaseUrl });
  return openSqliteRepository({ file: join(resolve(options.dataDir ?? './data'), 'karvon.db') });
}

/** Starts the gateway: storage (migrated), HTTP server, listening. */
export async function createGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const repository = options.repository ?? (await openRepository(options));
  const ownsRepository = options.repository === undefined;
  const ctx: GatewayContext = {
    repository,
    priceTable: options.priceTable ?? DEMO_PRICE_TABLE,
    defaultCountry: options.defaultCountry ?? 'UZ',
    idempotencyTtlMs: options.idempotencyTtlMs ?? 7 * 24 * 3_600_000,
    rateLimit: options.rateLimit ?? { perSecond: 200, burst: 400 },
    now: options.now ?? Date.now,
  };
  const app = buildServer(ctx, {
    logger: createLogger(options.logLevel ?? 'info'),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    allowPrivateWebhookUrls: options.allowPrivateWebhookUrls ?? false,
  });
  try {
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
  } catch (error) {
    if (ownsRepository) await repository.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    app,
    repository,
    url,
    close: () => {
      closing ??= (async () => {
        await app.close();
        if (ownsRepository) await repository.close();
      })();
      return closing;
    },
  };
}
