import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { GatewayOptions } from './config/gateway-options';
import { type Delivery, startDelivery } from './dispatch/start-delivery';
import type { GatewayContext } from './http/gateway-context';
import { buildServer } from './http/server';
import { startIntervalJob } from './jobs/interval-job';
import { DEFAULT_RETENTION, runRetention } from './jobs/retention';
import { runSandboxOutcomes } from './jobs/sandbox-outcomes';
import { createLogger } from './logging/logger';
import { DEMO_PRICE_TABLE } from './money/pricing';
import { openPostgresRepository } from './storage/postgres/postgres-repository';
import type { Repository } from './storage/repository';
import { openSqliteRepository } from './storage/sqlite/sqlite-repository';
import { WebhookSender } from './webhooks/webhook-sender';

export { type CarrierConfig, loadCarrierConfig, parseCarrierConfig } from './carriers/profiles/load-carrier-profiles';
// For embedders and adapter test suites: an account with a balance, a sender and fresh keys.
export { type CreatedKey, createApiKey, DEMO_SENDER, ensureDemoAccount } from './cli/demo-account';
export type { GatewayOptions } from './config/gateway-options';
export type { Delivery, DeliveryOptions } from './dispatch/start-delivery';
export { buildOpenApi } from './openapi/build-openapi';
export { openPostgresRepository } from './storage/postgres/postgres-repository';
export type { Repository } from './storage/repository';
export { openSqliteRepository } from './storage/sqlite/sqlite-repository';

export interface Gateway {
  app: FastifyInstance;
  repository: Repository;
  /** Present when the gateway was started with carriers. */
  delivery: Delivery | undefined;
  /** Present unless webhooks are off in this process. */
  webhookSender: WebhookSender | undefined;
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
  const ctx: { -readonly [K in keyof GatewayContext]: GatewayContext[K] } = {
    repository,
    priceTable: options.priceTable ?? DEMO_PRICE_TABLE,
    defaultCountry: options.defaultCountry ?? 'UZ',
    idempotencyTtlMs: options.idempotencyTtlMs ?? 7 * 24 * 3_600_000,
    rateLimit: options.rateLimit ?? { perSecond: 200, burst: 400 },
    now: options.now ?? Date.now,
    publicUrl: options.publicUrl ?? '',
  };
  const app = buildServer(ctx, {
    logger: createLogger(options.logLevel ?? 'info', options.logDestination),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    allowPrivateWebhookUrls: options.allowPrivateWebhookUrls ?? false,
    operatorToken: options.operatorToken,
  });
  try {
    // Fastify logs its own JSON "Server listening" line; the CLI prints a
    // banner with the URL instead, so the line is held back.
    const level = app.log.level;
    app.log.level = level === 'silent' ? level : 'warn';
    try {
      await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
    } finally {
      app.log.level = level;
    }
  } catch (error) {
    if (ownsRepository) await repository.close();
    throw error;
  }
  let webhookSender: WebhookSender | undefined;
  if (options.webhooks !== false) {
    webhookSender = new WebhookSender({
      outbox: repository.outbox,
      now: ctx.now,
      log: app.log,
      owner: `${process.pid}:${randomUUID().slice(0, 8)}`,
      options: { allowPrivate: options.allowPrivateWebhookUrls ?? false, ...(options.webhooks ?? {}) },
    });
    webhookSender.start();
  }
  let delivery: Delivery | undefined;
  if (options.delivery) {
    try {
      delivery = await startDelivery({ repository, now: ctx.now, log: app.log, options: options.delivery });
    } catch (error) {
      await app.close();
      if (ownsRepository) await repository.close();
      throw error;
    }
    const { dispatcher } = delivery;
    ctx.delivery = delivery;
    ctx.onAccepted = () => dispatcher.wake();
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  ctx.publicUrl = options.publicUrl ?? url;
  // Background jobs: each reads its work from the database, so any number of
  // processes sharing one PostgreSQL may run them side by side.
  const onError = (job: string) => (error: unknown) => app.log.error({ err: error, job }, 'background job failed');
  const jobs = [
    {
      intervalMs: options.sandboxIntervalMs ?? 1_000,
      run: () => runSandboxOutcomes({ repository, now: ctx.now(), log: app.log }),
      name: 'sandbox',
    },
    {
      intervalMs: options.retentionIntervalMs ?? 3_600_000,
      run: () => runRetention({ repository, now: ctx.now(), settings: options.retention ?? DEFAULT_RETENTION }),
      name: 'retention',
    },
  ]
    .filter((job) => job.intervalMs > 0)
    .map((job) => startIntervalJob({ intervalMs: job.intervalMs, run: job.run, onError: onError(job.name) }));
  let closing: Promise<void> | undefined;
  return {
    app,
    repository,
    delivery,
    webhookSender,
    url,
    close: () => {
      closing ??= (async () => {
        await Promise.all(jobs.map((job) => job.stop()));
        await app.close();
        await delivery?.close();
        await webhookSender?.stop();
        if (ownsRepository) await repository.close();
      })();
      return closing;
    },
  };
}
