import { createId } from '@karvon/contract';
import { generateApiKey } from '../accounts/api-key-format';
import { hashApiKey } from '../accounts/api-key-hash';
import { ROLE_SCOPES, type Role } from '../accounts/scopes';
import type { AccountRecord, KeyMode, Repository } from '../storage/repository';

export const DEMO_ACCOUNT_NAME = 'demo';
/** 1,000,000.00 so'm in tiyin: about 13,000 one-segment messages at the demo price. */
export const DEMO_BALANCE = 100_000_000;
export const DEMO_SENDER = 'Karvon';

export interface CreatedKey {
  id: string;
  key: string;
  mode: KeyMode;
}

/** Creates an API key and stores only its hash; the returned `key` is shown once. */
export async function createApiKey(
  repository: Repository,
  input: {
    accountId: string;
    mode: KeyMode;
    role?: Role;
    /** Explicit scopes; override the role's. */
    scopes?: readonly string[];
    name?: string;
    ipAllowlist?: string[];
    now?: number;
  },
): Promise<CreatedKey> {
  const now = input.now ?? Date.now();
  const generated = generateApiKey(input.mode);
  const id = createId('apiKey', { now });
  await repository.apiKeys.insert({
    id,
    accountId: input.accountId,
    name: input.name ?? null,
    prefix: `kv_${input.mode}_…${generated.last4}`,
    hash: hashApiKey(generated.key),
    mode: input.mode,
    scopes: [...(input.scopes ?? ROLE_SCOPES[input.role ?? 'admin'])],
    ipAllowlist: input.ipAllowlist ?? [],
    createdAt: now,
    expiresAt: null,
  });
  return { id, key: generated.key, mode: input.mode };
}

/**
 * The demo account of `npm start`: found by name, or created with a balance
 * and an approved default sender for Uzbekistan. Keys are shown once and only
 * hashes are stored, so every start makes a fresh live/test pair.
 */
export async function ensureDemoAccount(
  repository: Repository,
  now = Date.now(),
): Promise<{ account: AccountRecord; created: boolean; live: CreatedKey; test: CreatedKey }> {
  let account = await repository.accounts.findByName(DEMO_ACCOUNT_NAME);
  const created = account === undefined;
  if (!account) {
    account = await repository.accounts.create({
      id: createId('account', { now }),
      name: DEMO_ACCOUNT_NAME,
      currency: 'UZS',
      balance: DEMO_BALANCE,
      defaultSender: DEMO_SENDER,
      createdAt: now,
    });
    // Approved for every Uzbek operator (operator null), the simulator's routes included.
    await repository.senders.create({
      id: createId('sender', { now }),
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
  }
  const live = await createApiKey(repository, { accountId: account.id, mode: 'live', name: 'demo live', now });
  const test = await createApiKey(repository, { accountId: account.id, mode: 'test', name: 'demo test', now });
  return { account, created, live, test };
}
