import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CarrierSimulator, startCarrierSimulator } from '@karvon/carrier-simulator';
import {
  createApiKey,
  createGateway,
  DEMO_SENDER,
  openSqliteRepository,
  parseCarrierConfig,
  type Repository,
} from '@karvon/gateway';

/**
 * A real Karvon gateway on 127.0.0.1:0 over a fresh SQLite file, with accounts seeded straight
 * into its repository (the gateway has no public sign-up) and keys made by the gateway's own
 * `createApiKey` (stored hashed). Private webhook URLs are allowed: the app under test listens on
 * loopback. With `withCarrier`, a carrier simulator takes the messages over real SMPP and sends
 * delivery receipts; with `webhooks`, the gateway delivers its signed events.
 */
export interface KarvonTestGateway {
  url: string;
  repository: Repository;
  sim: CarrierSimulator | undefined;
  /** An account with money and an approved default sender, and a key of the `adapter` role. */
  newAccount(input?: {
    balance?: number;
    scopes?: readonly string[];
    mode?: 'live' | 'test';
  }): Promise<TestKarvonAccount>;
  close(): Promise<void>;
}

export interface TestKarvonAccount {
  accountId: string;
  apiKey: string;
  sender: string;
}

/** The gateway's `adapter` role (accounts/scopes.ts): what a platform app's restricted key holds. */
export const ADAPTER_SCOPES = [
  'messages:send',
  'messages:read',
  'templates:read',
  'templates:write',
  'balance:read',
  'opt_outs:read',
  'opt_outs:write',
  'webhooks:write',
] as const;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** An id in the gateway's shape: prefix, underscore, 26 Crockford base32 characters. */
const newId = (prefix: string) => `${prefix}_${[...randomBytes(26)].map((byte) => CROCKFORD[byte % 32]).join('')}`;

export async function startKarvonTestGateway(
  options: { withCarrier?: boolean; webhooks?: boolean } = {},
): Promise<KarvonTestGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'karvon-shopify-gw-'));
  const repository = openSqliteRepository({ file: join(dir, 'karvon.db') });
  const sim = options.withCarrier
    ? await startCarrierSimulator({ accounts: [{ systemId: 'shopsim', password: 'secret', maxBinds: 2 }] })
    : undefined;
  const gateway = await createGateway({
    repository,
    port: 0,
    logLevel: 'silent',
    rateLimit: false,
    sandboxIntervalMs: 0,
    retentionIntervalMs: 0,
    allowPrivateWebhookUrls: true,
    ...(options.webhooks ? {} : { webhooks: false as const }),
    ...(sim
      ? {
          delivery: {
            config: parseCarrierConfig({
              carriers: [
                {
                  id: 'shopsim',
                  host: sim.host,
                  port: sim.port,
                  systemId: 'shopsim',
                  password: 'secret',
                  tps: 200,
                  windowSize: 10,
                },
              ],
            }),
            housekeepingMs: 50,
            dispatcher: { idlePollMs: 20, retryBaseMs: 50, retryMaxMs: 500, leaseMs: 5_000 },
          },
        }
      : {}),
  });
  return {
    url: gateway.url,
    repository,
    sim,
    async newAccount(input = {}) {
      const now = Date.now();
      const account = await repository.accounts.create({
        id: newId('acct'),
        name: `shopify-${newId('test')}`,
        currency: 'UZS',
        balance: input.balance ?? 1_000_000,
        defaultSender: DEMO_SENDER,
        createdAt: now,
      });
      await repository.senders.create({
        id: newId('snd'),
        accountId: account.id,
        sender: DEMO_SENDER,
        kind: 'alphanumeric',
        country: 'UZ',
        operator: null,
        route: null,
        status: 'approved',
        isDefault: true,
        createdAt: now,
        updatedAt: now,
      });
      const key = await createApiKey(repository, {
        accountId: account.id,
        mode: input.mode ?? 'test',
        scopes: input.scopes ?? ADAPTER_SCOPES,
        name: 'shopify app',
        now,
      });
      return { accountId: account.id, apiKey: key.key, sender: DEMO_SENDER };
    },
    async close() {
      await gateway.close();
      await sim?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
