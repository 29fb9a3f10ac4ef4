/**
 * The one storage interface of the gateway. Operations are coarse-grained
 * domain operations, all async, each atomic on its own: the HTTP layer never
 * opens a transaction, so SQLite (group commit) and PostgreSQL (one
 * transaction per operation) can implement them as suits each.
 *
 * Every operation that names a resource by id takes the account id too: a
 * resource of another account is "not found", never a leak.
 *
 * Times are integer milliseconds since the epoch; money is integer minor units.
 */

import type {
  ConsentChange,
  ConsentLedgerRepository,
  InboundRecord,
  InboundRepository,
  OptOutLinkRepository,
} from './consent-repository';
import type { CarrierLeaseRepository, DispatchRepository, ReceiptRepository } from './dispatch-repository';
import type { WebhookRepository } from './webhook-repository';

export type Dialect = 'sqlite' | 'postgres';
export type KeyMode = 'live' | 'test';

export interface AccountRecord {
  id: string;
  name: string;
  currency: string;
  balance: number;
  defaultSender: string | null;
  /** Token bucket settings; null = the gateway's defaults. */
  rateLimitPerSecond: number | null;
  rateLimitBurst: number | null;
  createdAt: number;
}

export interface NewAccount {
  id: string;
  name: string;
  currency: string;
  balance: number;
  defaultSender?: string | null;
  rateLimitPerSecond?: number | null;
  rateLimitBurst?: number | null;
  createdAt: number;
}

/** What a stored message and a message being accepted have in common. */
interface MessageFields {
  id: string;
  to: string;
  from: string;
  type: string;
  encoding: string;
  segments: number;
  /** Price of the whole message (segments × per-segment price), minor units. */
  price: number;
  currency: string;
  status: string;
  priority: number;
  /** Earliest dispatch time (the schedule, or a quiet-hours shift). */
  notBefore: number | null;
  scheduledAt: string | null;
  expiresAt: number | null;
  operator: string | null;
  operatorSource: string | null;
  mode: KeyMode;
  country: string | null;
  templateId: string | null;
  templateVersion: number | null;
  clientReference: string | null;
  metadata: Record<string, string> | null;
  callbackUrl: string | null;
  createdAt: number;
}

export interface NewMessage extends MessageFields {
  body: string;
  /** `queued` or `scheduled`. */
  status: string;
  /** One ledger row id per message (the debit). */
  ledgerEntryId: string;
}

export interface StatusHistoryRecord {
  status: string;
  at: number;
  carrier: string | null;
  errorCode: string | null;
  reason: string | null;
}

export interface MessagePartRecord {
  id: string;
  seq: number;
  carrier: string | null;
  carrierMessageId: string | null;
  status: string;
  errorCode: string | null;
  submittedAt: number | null;
  updatedAt: number;
}

export interface MessageRecord extends MessageFields {
  accountId: string;
  /** null once redacted by retention. */
  body: string | null;
  updatedAt: number;
}

export interface MessageWithHistory extends MessageRecord {
  history: StatusHistoryRecord[];
  parts: MessagePartRecord[];
}

export interface MessageFilters {
  status?: string;
  to?: string;
  type?: string;
  clientReference?: string;
  createdAfter?: number;
  createdBefore?: number;
}

export interface OptOutFilters {
  /** E.164: at most one row. */
  phoneNumber?: string;
  /** Only opt-outs recorded at or after this instant (ms). */
  createdAfter?: number;
}

export interface ListOptions {
  /** Opaque, from a previous page's `nextCursor`. */
  cursor?: string | null;
  limit: number;
}

export interface PageResult<T> {
  data: T[];
  nextCursor: string | null;
}

export type AcceptResult =
  | { ok: true; balance: number; total: number }
  | { ok: false; reason: 'insufficient_balance' | 'account_not_found'; balance: number; total: number };

/**
 * A compare-and-set move of one message from one status to another, with its
 * history row (and a refund when no carrier accepted it). Background jobs in
 * several processes race on it safely: exactly one wins each move.
 */
export interface MessageTransition {
  accountId: string;
  id: string;
  from: string;
  to: string;
  at: number;
  carrier: string | null;
  errorCode: string | null;
  reason: string | null;
  /** The new `not_before` (when the next step is due); undefined leaves it as is. */
  notBefore?: number | null;
  /** Give the whole price back with a `message_refund` ledger row. */
  refund?: { ledgerEntryId: string };
}

export interface DueMessagesQuery {
  /** Only messages of this mode (the sandbox job reads `test`). */
  mode?: KeyMode;
  /** Only scheduled or queued messages whose validity ran out (the expiry sweep of live messages). */
  expiredOnly?: boolean;
  now: number;
  limit: number;
}

export type CancelResult =
  | { ok: true; message: MessageWithHistory; refunded: number }
  | { ok: false; reason: 'not_found' | 'not_cancelable'; status?: string };

export interface LedgerRecord {
  id: string;
  accountId: string;
  amount: number;
  currency: string;
  reason: string;
  messageId: string | null;
  /** Segments the entry pays for (message charges and refunds). */
  parts: number | null;
  balanceAfter: number;
  createdAt: number;
}

export interface TemplateRecord {
  id: string;
  accountId: string;
  name: string;
  version: number;
  body: string;
  type: string | null;
  variables: string[];
  createdAt: number;
  updatedAt: number;
}

export interface TemplateUpsert {
  /** When given, a new version of that template (404 if it is not this account's). */
  id?: string;
  /** Used for a new template; an existing template of that name gets a new version. */
  newId: string;
  name: string;
  body: string;
  type: string | null;
  variables: string[];
  now: number;
}

export type TemplateUpsertResult =
  | { ok: true; template: TemplateRecord; created: boolean }
  | { ok: false; reason: 'not_found' | 'name_taken' };

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  name: string | null;
  /** The first characters of the key, for display (`kv_live_AB12…`). */
  prefix: string;
  hash: string;
  mode: KeyMode;
  scopes: string[];
  /** CIDR list; empty = any address. */
  ipAllowlist: string[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  expiresAt: number | null;
}

export type NewApiKey = Omit<ApiKeyRecord, 'lastUsedAt' | 'revokedAt'>;

export interface SenderRecord {
  id: string;
  accountId: string;
  sender: string;
  kind: string;
  country: string | null;
  operator: string | null;
  route: string | null;
  status: string;
  isDefault: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface OptOutRecord {
  accountId: string;
  phoneNumber: string;
  keyword: string | null;
  /** `all` (STOP: nothing more) or `marketing` (only marketing refused). */
  scope: string;
  source: string;
  createdAt: number;
}

export interface ConsentRecord {
  accountId: string;
  phoneNumber: string;
  source: string;
  proof: string | null;
  /** When consent was given (may predate the record). */
  consentedAt: number;
  createdAt: number;
}

export interface WebhookEndpointRecord {
  id: string;
  accountId: string;
  url: string;
  /** Empty = every event type. */
  events: string[];
  /** The whsec_ signing secret. SECRET: stored because signing needs it; never logged, never listed. */
  secret: string;
  createdAt: number;
}

/** Idempotency keys belong to an account and a key mode: a test key never replays a live key's response. */
export interface IdempotencyScope {
  accountId: string;
  mode: KeyMode;
  key: string;
}

/** The scope plus the token of the request holding the key; only the holder may complete or release it. */
export interface IdempotencyLock extends IdempotencyScope {
  lockToken: string;
}

export interface IdempotencyResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface IdempotencyRecord extends IdempotencyScope {
  fingerprint: string;
  state: 'in_progress' | 'completed';
  /** The holder's token while in progress; null once completed. */
  lockToken: string | null;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  createdAt: number;
  expiresAt: number;
}

export interface IdempotencyBeginInput extends IdempotencyLock {
  fingerprint: string;
  createdAt: number;
  expiresAt: number;
  /**
   * An in-progress record created before this is taken to belong to a request
   * that died (a crashed process): the new request takes the key over. The
   * lock token fences the old holder out.
   */
  staleBefore: number;
}

export type IdempotencyBegin = { outcome: 'started' } | { outcome: 'existing'; record: IdempotencyRecord };

/** Written in the same transaction as the acceptance it answers (decision 0009). */
export interface IdempotencyCompletion {
  lock: IdempotencyLock;
  response: IdempotencyResponse;
}

/** Thrown inside `messages.accept` when the key's lock was lost: the acceptance rolls back. */
export class IdempotencyLockLostError extends Error {
  override readonly name = 'IdempotencyLockLostError';
  constructor() {
    super('The idempotency key is no longer held by this request; nothing was accepted.');
  }
}

export interface TokenBucketResult {
  allowed: boolean;
  /** Tokens left after this request (floored). */
  remaining: number;
  /** Tokens left after this request, exactly (fractions refill continuously). */
  tokens: number;
  /** When not allowed: milliseconds until one token is back. */
  retryAfterMs: number;
}

export interface PrivacyExport {
  phoneNumber: string;
  messages: MessageRecord[];
  optOuts: OptOutRecord[];
  consents: ConsentRecord[];
  inbound: InboundRecord[];
  consentHistory: (ConsentChange & { changed: boolean })[];
}

export interface PrivacyErasure {
  messagesRedacted: number;
  optOutsKept: number;
  consentsDeleted: number;
}

export interface RetentionResult {
  bodiesRedacted: number;
  messagesPurged: number;
  idempotencyPurged: number;
}

export interface Repository {
  readonly dialect: Dialect;
  /** Reachability, for GET /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;

  accounts: {
    create(account: NewAccount): Promise<AccountRecord>;
    get(id: string): Promise<AccountRecord | undefined>;
    findByName(name: string): Promise<AccountRecord | undefined>;
    /** The account's token bucket (requests per second, burst); null for either = the gateway's default. */
    setRateLimit(
      accountId: string,
      limit: { perSecond: number | null; burst: number | null },
    ): Promise<AccountRecord | undefined>;
    /** Adds to the balance with a ledger row (`top_up`, `adjustment`). */
    credit(input: {
      accountId: string;
      amount: number;
      reason: string;
      ledgerEntryId: string;
      now: number;
    }): Promise<number>;
  };

  messages: {
    /**
     * ONE atomic operation: debit the total if the balance covers it, insert
     * every message with its first history row and one ledger row each.
     * Insufficient balance writes nothing.
     */
    accept(
      accountId: string,
      messages: readonly NewMessage[],
      options?: {
        /**
         * Completes this idempotency key with this response in the SAME
         * transaction, when (and only when) the messages are accepted; if the
         * lock was lost, throws IdempotencyLockLostError and nothing is written.
         */
        idempotency?: IdempotencyCompletion;
      },
    ): Promise<AcceptResult>;
    get(accountId: string, id: string): Promise<MessageWithHistory | undefined>;
    /** Newest first, by (created_at, id). */
    list(accountId: string, filters: MessageFilters, page: ListOptions): Promise<PageResult<MessageRecord>>;
    /**
     * Messages with a step due at `now`: scheduled, queued or sent with
     * `not_before` passed (or unset), and scheduled or queued ones whose
     * validity ran out. Oldest due first.
     */
    findDue(query: DueMessagesQuery): Promise<MessageRecord[]>;
    /** Applies the move only if the message is still in `from`; false when another process moved it first. */
    transition(move: MessageTransition): Promise<boolean>;
    /** scheduled|queued only; refunds the price with a ledger row. */
    cancel(accountId: string, id: string, input: { now: number; ledgerEntryId: string }): Promise<CancelResult>;
  };

  ledger: {
    list(accountId: string, page: ListOptions): Promise<PageResult<LedgerRecord>>;
  };

  templates: {
    upsert(accountId: string, input: TemplateUpsert): Promise<TemplateUpsertResult>;
    /** By id (`tpl_…`) or by name; latest version. */
    get(accountId: string, idOrName: string): Promise<TemplateRecord | undefined>;
    list(accountId: string, page: ListOptions): Promise<PageResult<TemplateRecord>>;
    /** Soft delete: versions stay for messages that reference them. */
    delete(accountId: string, id: string, now: number): Promise<boolean>;
  };

  apiKeys: {
    insert(key: NewApiKey): Promise<void>;
    /** Active keys only (not revoked, not expired at `now`). */
    findByHash(hash: string, now: number): Promise<ApiKeyRecord | undefined>;
    /** Newest first, by (created_at, id); revoked keys included (GET /keys shows them). */
    list(accountId: string, page: ListOptions): Promise<PageResult<ApiKeyRecord>>;
    revoke(accountId: string, id: string, now: number): Promise<boolean>;
    /** Best effort; may be batched or skipped under load. */
    touch(id: string, now: number): Promise<void>;
  };

  accessTokens: {
    insert(token: {
      hash: string;
      keyId: string;
      scopes: string[];
      createdAt: number;
      expiresAt: number;
    }): Promise<void>;
    /** The token's key (still active) and the token's scopes; undefined when unknown, expired or its key revoked. */
    find(hash: string, now: number): Promise<{ key: ApiKeyRecord; scopes: string[] } | undefined>;
  };

  senders: {
    create(sender: SenderRecord): Promise<SenderRecord>;
    get(accountId: string, id: string): Promise<SenderRecord | undefined>;
    findBySender(accountId: string, sender: string): Promise<SenderRecord[]>;
    getDefault(accountId: string): Promise<SenderRecord | undefined>;
    /** Newest first, by (created_at, id). */
    list(accountId: string, page: ListOptions): Promise<PageResult<SenderRecord>>;
    delete(accountId: string, id: string): Promise<boolean>;
  };

  optOuts: {
    add(record: OptOutRecord): Promise<OptOutRecord>;
    remove(accountId: string, phoneNumber: string): Promise<boolean>;
    get(accountId: string, phoneNumber: string): Promise<OptOutRecord | undefined>;
    /** The opt-outs of several numbers in one query (a batch send), by phone number. */
    getMany(accountId: string, phoneNumbers: readonly string[]): Promise<Map<string, OptOutRecord>>;
    /** Newest first, by (created_at, phone_number); the filters apply in SQL, so every page but the last is full. */
    list(accountId: string, filters: OptOutFilters, page: ListOptions): Promise<PageResult<OptOutRecord>>;
  };

  consents: {
    add(record: ConsentRecord): Promise<ConsentRecord>;
    remove(accountId: string, phoneNumber: string): Promise<boolean>;
    get(accountId: string, phoneNumber: string): Promise<ConsentRecord | undefined>;
    /** The consents of several numbers in one query (a batch send), by phone number. */
    getMany(accountId: string, phoneNumbers: readonly string[]): Promise<Map<string, ConsentRecord>>;
    list(accountId: string, page: ListOptions): Promise<PageResult<ConsentRecord>>;
  };

  webhookEndpoints: {
    create(endpoint: WebhookEndpointRecord): Promise<WebhookEndpointRecord>;
    get(accountId: string, id: string): Promise<WebhookEndpointRecord | undefined>;
    /** Newest first, by (created_at, id). */
    list(accountId: string, page: ListOptions): Promise<PageResult<WebhookEndpointRecord>>;
    delete(accountId: string, id: string): Promise<boolean>;
  };

  idempotency: {
    /**
     * Inserts an in-progress record unless a live one exists (an expired or
     * stale one is replaced); exactly one concurrent caller gets `started`.
     */
    begin(input: IdempotencyBeginInput): Promise<IdempotencyBegin>;
    /** Stores the response; false when the lock was lost (the record is not this request's any more). */
    complete(lock: IdempotencyLock, response: IdempotencyResponse): Promise<boolean>;
    /** After a 5xx, 429 or auth failure: the key may be used again. Only an in-progress record held by `lock` goes. */
    release(lock: IdempotencyLock): Promise<void>;
    find(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined>;
  };

  rateLimits: {
    /** Takes one token from the bucket, atomically, refilling by elapsed time. */
    take(bucket: string, rule: { capacity: number; refillPerSecond: number }, now: number): Promise<TokenBucketResult>;
  };

  privacy: {
    export(accountId: string, phoneNumber: string): Promise<PrivacyExport>;
    /** Redacts message bodies and recipients, deletes consents; opt-outs stay (honouring them needs the number). */
    erase(accountId: string, phoneNumber: string, now: number): Promise<PrivacyErasure>;
  };

  retention: {
    run(input: { redactBodiesBefore: number; purgeBefore: number; now: number }): Promise<RetentionResult>;
  };

  dispatch: DispatchRepository;
  receipts: ReceiptRepository;
  carrierLeases: CarrierLeaseRepository;
  /** Events and their webhook deliveries (the outbox). */
  outbox: WebhookRepository;
  consentLedger: ConsentLedgerRepository;
  optOutLinks: OptOutLinkRepository;
  inbound: InboundRepository;
}
