import { createId } from '@karvon/contract';
import { DEMO_SENDER } from '../../src/cli/demo-account';
import type { AccountRecord, Repository } from '../../src/storage/repository';

/** An account with money and an approved default alphanumeric sender (`DEMO_SENDER`) for UZ. */
export async function seedAccount(
  repository: Repository,
  input: { name?: string; balance?: number; rateLimitPerSecond?: number; rateLimitBurst?: number } = {},
): Promise<AccountRecord> {
  const now = Date.now();
  const account = await repository.accounts.create({
    id: createId('account'),
    name: input.name ?? `test-${Math.random().toString(36).slice(2)}`,
    currency: 'UZS',
    balance: input.balance ?? 1_000_000,
    defaultSender: DEMO_SENDER,
    ...(input.rateLimitPerSecond !== undefined ? { rateLimitPerSecond: input.rateLimitPerSecond } : {}),
    ...(input.rateLimitBurst !== undefined ? { rateLimitBurst: input.rateLimitBurst } : {}),
    createdAt: now,
  });
  await repository.senders.create({
    id: createId('sender'),
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
  return account;
}
