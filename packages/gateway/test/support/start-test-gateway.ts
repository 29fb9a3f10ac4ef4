import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Karvon } from '@karvon/sdk';
import type { Role } from '../../src/accounts/scopes';
import { createApiKey } from '../../src/cli/demo-account';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/index';
import { openPostgresRepository } from '../../src/storage/postgres/postgres-repository';
import { dropSchema, postgresTestUrl } from '../../src/storage/postgres/postgres-test-database';
import type { Repository } from '../../src/storage/repository';
import { openSqliteRepository } from '../../src/storage/sqlite/sqlite-repository';
import { seedAccount } from './seed-account';

export type Backend = 'sqlite' | 'postgres';

export interface TestGateway {
  gateway: Gateway;
  url: string;
  repository: Repository;
  /** A new account with an approved default sender and an admin live key. */
  newAccount(input?: { balance?: number; role?: Role; ipAllowlist?: string[] }): Promise<TestAccount>;
  close(): Promise<void>;
}

export interface TestAccount {
  accountId: string;
  key: string;
  client: Karvon;
  /** Another key of the same account. */
  keyWith(input: { role?: Role; ipAllowlist?: string[]; mode?: 'live' | 'test' }): Promise<string>;
}

export function clientFor(url: string, key: string): Karvon {
  return new Karvon({ apiKey: key, baseUrl: url, maxRetries: 0 });
}

/** Starts the real gateway on 127.0.0.1:0 over a fresh database of the given kind. */
export async function startTestGateway(
  backend: Backend,
  options: {
    rateLimit?: { perSecond: number; burst: number } | false;
    gateway?: Partial<GatewayOptions>;
    /** Wraps the repository the server uses (tests inject failures and stalls); `repository` stays the real one. */
    wrapRepository?: (repository: Repository) => Repository;
  } = {},
): Promise<TestGateway> {
  let repository: Repository;
  let cleanup: () => Promise<void>;
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'karvon-gw-'));
    repository = openSqliteRepository({ file: join(dir, 'karvon.db') });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = postgresTestUrl();
    const schema = `gw_${Math.random().toString(36).slice(2, 10)}`;
    repository = await openPostgresRepository({ connectionString: url, schema });
    cleanup = () => dropSchema(url, schema);
  }
  const gateway = await createGateway({
    repository: options.wrapRepository ? options.wrapRepository(repository) : repository,
    port: 0,
    logLevel: 'silent',
    rateLimit: options.rateLimit ?? false,
    bodyLimit: 256 * 1024,
    sandboxIntervalMs: 0,
    retentionIntervalMs: 0,
    ...options.gateway,
  });
  return {
    gateway,
    url: gateway.url,
    repository,
    async newAccount(input = {}) {
      const account = await seedAccount(repository, { balance: input.balance ?? 1_000_000 });
      const keyWith = async (k: { role?: Role; ipAllowlist?: string[]; mode?: 'live' | 'test' }) =>
        (
          await createApiKey(repository, {
            accountId: account.id,
            mode: k.mode ?? 'live',
            ...(k.role ? { role: k.role } : {}),
            ...(k.ipAllowlist ? { ipAllowlist: k.ipAllowlist } : {}),
          })
        ).key;
      const key = await keyWith({
        ...(input.role ? { role: input.role } : {}),
        ...(input.ipAllowlist ? { ipAllowlist: input.ipAllowlist } : {}),
      });
      return { accountId: account.id, key, client: clientFor(gateway.url, key), keyWith };
    },
    async close() {
      await gateway.close();
      await repository.close();
      await cleanup();
    },
  };
}
