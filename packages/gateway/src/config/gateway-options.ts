import type { DestinationStream } from 'pino';
import type { DeliveryOptions } from '../dispatch/start-delivery';
import type { RetentionSettings } from '../jobs/retention';
import type { LogLevel } from '../logging/logger';
import type { PriceTable } from '../money/pricing';
import type { Repository } from '../storage/repository';
import type { WebhookSenderOptions } from '../webhooks/webhook-sender';

/** Options of createGateway. Every field has a default fit for local development. */
export interface GatewayOptions {
  /** Use this repository (tests); otherwise one is opened from databaseUrl or dataDir. */
  repository?: Repository;
  /** PostgreSQL when set; SQLite under dataDir otherwise. */
  databaseUrl?: string | undefined;
  /** For SQLite: the directory of karvon.db. Default ./data. */
  dataDir?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  logLevel?: LogLevel;
  /** Default 1 MiB. */
  bodyLimit?: number;
  priceTable?: PriceTable;
  defaultCountry?: string;
  /** Default 7 days. */
  idempotencyTtlMs?: number;
  /** Per-key token bucket defaults; false disables rate limiting. */
  rateLimit?: { perSecond: number; burst: number } | false;
  trustProxy?: boolean | string;
  /** Webhook URLs may be http and private/loopback (local development). Default false. */
  allowPrivateWebhookUrls?: boolean;
  now?: () => number;
  /** Where pino writes (tests capture it); default stdout. */
  logDestination?: DestinationStream;
  /** How often the sandbox job moves test-mode messages (and expires overdue ones). Default 1000 ms; 0 = off. */
  sandboxIntervalMs?: number;
  /** How often the retention job runs. Default 1 hour; 0 = off. */
  retentionIntervalMs?: number;
  /** Default 30 days for bodies, 365 for records. */
  retention?: RetentionSettings;
  /** Where recipients reach the gateway's public pages (opt-out links); default the listening URL. */
  publicUrl?: string;
  /** Bearer token of the operator API (`/operator/...`); absent = not served. SECRET: never logged. */
  operatorToken?: string | undefined;
  /** Outgoing webhooks from the outbox; false = not sent by this process. Default on. */
  webhooks?: WebhookSenderOptions | false;
  /** Carriers to deliver live messages through; without them live messages wait `queued`. */
  delivery?: DeliveryOptions;
}
