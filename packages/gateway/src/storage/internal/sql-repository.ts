import { decodeCursor, encodeCursor, type PageCursor } from '../page-cursor';
import type {
  AcceptResult,
  AccountRecord,
  ApiKeyRecord,
  CancelResult,
  ConsentRecord,
  IdempotencyLock,
  IdempotencyRecord,
  IdempotencyResponse,
  LedgerRecord,
  ListOptions,
  MessageFilters,
  MessageWithHistory,
  NewMessage,
  OptOutRecord,
  PageResult,
  Repository,
  SenderRecord,
  TemplateRecord,
  WebhookEndpointRecord,
} from '../repository';
import { IdempotencyLockLostError } from '../repository';
import { consentChange, createSqlConsent, inboundRecord } from './sql-consent';
import { createSqlDispatch } from './sql-dispatch';
import { acceptedMessageEvents, emitEvents } from './sql-events';
import { json, LEDGER_COLUMNS, loadMessage, message, num, numOrNull, type Row, str, strOrNull } from './sql-rows';
import type { SqlDriver, SqlSession, SqlValue } from './sql-session';
import { appendHistory, applyTransition } from './sql-transitions';
import { createSqlWebhooks } from './sql-webhooks';

// Plain SQL shared by both dialects (decision 0006): the statements below are
// the subset SQLite ≥ 3.35 and PostgreSQL ≥ 12 both accept (RETURNING,
// ON CONFLICT, partial indexes), so there is one repository and two drivers.

/** Builds `WHERE … ORDER BY t DESC, id DESC LIMIT n+1` paging on a (time, id) key. */
function pageClause(page: ListOptions, timeColumn: string, idColumn: string, params: SqlValue[]): string {
  const cursor = decodeCursor(page.cursor);
  let where = '';
  if (cursor) {
    params.push(cursor.t, cursor.id);
    const t = `$${params.length - 1}`;
    const id = `$${params.length}`;
    where = ` AND (${timeColumn} < ${t} OR (${timeColumn} = ${t} AND ${idColumn} < ${id}))`;
  }
  params.push(page.limit + 1);
  return `${where} ORDER BY ${timeColumn} DESC, ${idColumn} DESC LIMIT $${params.length}`;
}

function toPage<T>(rows: T[], limit: number, key: (row: T) => PageCursor): PageResult<T> {
  if (rows.length <= limit) return { data: rows, nextCursor: null };
  const data = rows.slice(0, limit);
  const last = key(data[data.length - 1] as T);
  return { data, nextCursor: encodeCursor(last.t, last.id) };
}

/** One page of a per-account table keyed by (created_at, id), newest first. */
function listByCreation<T extends { id: string; createdAt: number }>(
  read: SqlDriver['read'],
  table: 'api_keys' | 'senders' | 'webhook_endpoints',
  accountId: string,
  page: ListOptions,
  map: (row: Row) => T,
): Promise<PageResult<T>> {
  return read(async (s) => {
    const params: SqlValue[] = [accountId];
    const tail = pageClause(page, 'created_at', 'id', params);
    const rows = await s.all<Row>(`SELECT * FROM ${table} WHERE account_id = $1${tail}`, params);
    return toPage(rows.map(map), page.limit, (r) => ({ t: r.createdAt, id: r.id }));
  });
}

// --- row mappers ----------------------------------------------------------------

function account(r: Row): AccountRecord {
  return {
    id: str(r.id),
    name: str(r.name),
    currency: str(r.currency),
    balance: num(r.balance),
    defaultSender: strOrNull(r.default_sender),
    rateLimitPerSecond: numOrNull(r.rate_limit_per_second),
    rateLimitBurst: numOrNull(r.rate_limit_burst),
    createdAt: num(r.created_at),
  };
}

function ledger(r: Row): LedgerRecord {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    amount: num(r.amount),
    currency: str(r.currency),
    reason: str(r.reason),
    messageId: strOrNull(r.message_id),
    parts: numOrNull(r.parts),
    balanceAfter: num(r.balance_after),
    createdAt: num(r.created_at),
  };
}

function template(r: Row): TemplateRecord {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    name: str(r.name),
    version: num(r.current_version),
    body: str(r.body),
    type: strOrNull(r.type),
    variables: json<string[]>(r.variables, []),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

function apiKey(r: Row): ApiKeyRecord {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    name: strOrNull(r.name),
    prefix: str(r.prefix),
    hash: str(r.hash),
    mode: r.mode === 'test' ? 'test' : 'live',
    scopes: json<string[]>(r.scopes, []),
    ipAllowlist: json<string[]>(r.ip_allowlist, []),
    createdAt: num(r.created_at),
    lastUsedAt: numOrNull(r.last_used_at),
    revokedAt: numOrNull(r.revoked_at),
    expiresAt: numOrNull(r.expires_at),
  };
}

function sender(r: Row): SenderRecord {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    sender: str(r.sender),
    kind: str(r.kind),
    country: strOrNull(r.country),
    operator: strOrNull(r.operator),
    route: strOrNull(r.route),
    status: str(r.status),
    isDefault: num(r.is_default) === 1,
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

function optOut(r: Row): OptOutRecord {
  return {
    accountId: str(r.account_id),
    phoneNumber: str(r.phone_number),
    keyword: strOrNull(r.keyword),
    scope: str(r.scope),
    source: str(r.source),
    createdAt: num(r.created_at),
  };
}

function consent(r: Row): ConsentRecord {
  return {
    accountId: str(r.account_id),
    phoneNumber: str(r.phone_number),
    source: str(r.source),
    proof: strOrNull(r.proof),
    consentedAt: num(r.consented_at),
    createdAt: num(r.created_at),
  };
}

function webhookEndpoint(r: Row): WebhookEndpointRecord {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    url: str(r.url),
    events: json<string[]>(r.events, []),
    secret: str(r.secret),
    createdAt: num(r.created_at),
  };
}

function idempotency(r: Row): IdempotencyRecord {
  return {
    accountId: str(r.account_id),
    mode: r.key_mode === 'test' ? 'test' : 'live',
    key: str(r.idempotency_key),
    fingerprint: str(r.fingerprint),
    state: r.state === 'completed' ? 'completed' : 'in_progress',
    lockToken: strOrNull(r.lock_token),
    responseStatus: numOrNull(r.response_status),
    responseHeaders: json<Record<string, string> | null>(r.response_headers, null),
    responseBody: strOrNull(r.response_body),
    createdAt: num(r.created_at),
    expiresAt: num(r.expires_at),
  };
}

// --- statements -------------------------------------------------------------------

const MESSAGE_COLUMNS = [
  'id',
  'account_id',
  'to_number',
  'from_sender',
  'body',
  'type',
  'encoding',
  'segments',
  'price',
  'currency',
  'status',
  'priority',
  'not_before',
  'scheduled_at',
  'expires_at',
  'operator',
  'operator_source',
  'mode',
  'country',
  'template_id',
  'template_version',
  'client_reference',
  'metadata',
  'callback_url',
  'created_at',
  'updated_at',
] as const;

const HISTORY_COLUMNS = ['message_id', 'seq', 'status', 'at', 'carrier', 'error_code', 'reason'] as const;

const TEMPLATE_SELECT = `SELECT t.id, t.account_id, t.name, t.current_version, t.type, t.created_at, t.updated_at,
  v.body, v.variables FROM templates t JOIN template_versions v ON v.template_id = t.id AND v.version = t.current_version`;

function messageRow(accountId: string, m: NewMessage): SqlValue[] {
  return [
    m.id,
    accountId,
    m.to,
    m.from,
    m.body,
    m.type,
    m.encoding,
    m.segments,
    m.price,
    m.currency,
    m.status,
    m.priority,
    m.notBefore,
    m.scheduledAt,
    m.expiresAt,
    m.operator,
    m.operatorSource,
    m.mode,
    m.country,
    m.templateId,
    m.templateVersion,
    m.clientReference,
    m.metadata ? JSON.stringify(m.metadata) : null,
    m.callbackUrl,
    m.createdAt,
    m.createdAt,
  ];
}

/**
 * `SELECT * FROM <table> WHERE account_id = $1 AND phone_number IN (…)` for
 * distinct numbers, in chunks of at most 512, each padded (by repeating its
 * last number) to a power of two so only ten SQL texts exist to prepare.
 */
function phoneLookups(
  table: 'opt_outs' | 'consents',
  accountId: string,
  phones: readonly string[],
): { sql: string; params: SqlValue[] }[] {
  const distinct = [...new Set(phones)];
  const lookups: { sql: string; params: SqlValue[] }[] = [];
  for (let i = 0; i < distinct.length; i += 512) {
    const chunk = distinct.slice(i, i + 512);
    let size = 1;
    while (size < chunk.length) size *= 2;
    const last = chunk[chunk.length - 1] as string;
    while (chunk.length < size) chunk.push(last);
    const list = chunk.map((_, n) => `$${n + 2}`).join(', ');
    lookups.push({
      sql: `SELECT * FROM ${table} WHERE account_id = $1 AND phone_number IN (${list})`,
      params: [accountId, ...chunk],
    });
  }
  return lookups;
}

/** The repository over any SqlDriver. */
/** Completes an in-progress key held by `lock`; false when another request holds it now (or none does). */
async function completeInProgressKey(
  s: SqlSession,
  lock: IdempotencyLock,
  response: IdempotencyResponse,
): Promise<boolean> {
  const changed = await s.run(
    `UPDATE idempotency_keys SET state = 'completed', lock_token = NULL,
       response_status = $1, response_headers = $2, response_body = $3
     WHERE account_id = $4 AND key_mode = $5 AND idempotency_key = $6 AND state = 'in_progress' AND lock_token = $7`,
    [
      response.status,
      JSON.stringify(response.headers),
      response.body,
      lock.accountId,
      lock.mode,
      lock.key,
      lock.lockToken,
    ],
  );
  return changed > 0;
}

/**
 * Opt-outs and consents are both one row per (account, phone number): the reads and the delete
 * are the same for both tables.
 */
function phoneKeyedRows<T extends { phoneNumber: string }>(
  driver: SqlDriver,
  table: 'opt_outs' | 'consents',
  map: (row: Row) => T,
) {
  const selectOne = async (s: SqlSession, accountId: string, phone: string): Promise<T | undefined> => {
    const row = await s.get<Row>(`SELECT * FROM ${table} WHERE account_id = $1 AND phone_number = $2`, [
      accountId,
      phone,
    ]);
    return row && map(row);
  };
  return {
    selectOne,
    remove: (accountId: string, phone: string): Promise<boolean> =>
      driver.write(
        async (s) =>
          (await s.run(`DELETE FROM ${table} WHERE account_id = $1 AND phone_number = $2`, [accountId, phone])) > 0,
      ),
    get: (accountId: string, phone: string): Promise<T | undefined> =>
      driver.read((s) => selectOne(s, accountId, phone)),
    getMany: (accountId: string, phones: readonly string[]): Promise<Map<string, T>> =>
      driver.read(async (s) => {
        const found = new Map<string, T>();
        for (const { sql, params } of phoneLookups(table, accountId, phones)) {
          for (const row of await s.all<Row>(sql, params)) {
            const record = map(row);
            found.set(record.phoneNumber, record);
          }
        }
        return found;
      }),
  };
}

/** Thrown inside `messages.accept` when the balance does not cover it: the acceptance rolls back. */
class BalanceShortfall extends Error {}

export function createSqlRepository(driver: SqlDriver): Repository {
  const { read, write } = driver;
  const optOutRows = phoneKeyedRows(driver, 'opt_outs', optOut);
  const consentRows = phoneKeyedRows(driver, 'consents', consent);
  const completeIdempotency = driver.completeIdempotency?.bind(driver) ?? completeInProgressKey;
  return {
    dialect: driver.dialect,
    ping: () => driver.ping(),
    close: () => driver.close(),

    accounts: {
      create: (a) =>
        write(async (s) => {
          await s.run(
            `INSERT INTO accounts (id, name, currency, balance, default_sender, rate_limit_per_second, rate_limit_burst, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              a.id,
              a.name,
              a.currency,
              a.balance,
              a.defaultSender ?? null,
              a.rateLimitPerSecond ?? null,
              a.rateLimitBurst ?? null,
              a.createdAt,
            ],
          );
          return account((await s.get<Row>('SELECT * FROM accounts WHERE id = $1', [a.id])) as Row);
        }),
      get: (id) =>
        read(async (s) => {
          const row = await s.get<Row>('SELECT * FROM accounts WHERE id = $1', [id]);
          return row && account(row);
        }),
      findByName: (name) =>
        read(async (s) => {
          const row = await s.get<Row>('SELECT * FROM accounts WHERE name = $1 ORDER BY created_at LIMIT 1', [name]);
          return row && account(row);
        }),
      setRateLimit: (accountId, limit) =>
        write(async (s) => {
          const row = await s.get<Row>(
            'UPDATE accounts SET rate_limit_per_second = $1, rate_limit_burst = $2 WHERE id = $3 RETURNING *',
            [limit.perSecond, limit.burst, accountId],
          );
          return row && account(row);
        }),
      credit: (c) =>
        write(async (s) => {
          const row = await s.get<Row>(
            'UPDATE accounts SET balance = balance + $1 WHERE id = $2 RETURNING balance, currency',
            [c.amount, c.accountId],
          );
          if (!row) throw new Error('account not found');
          const balance = num(row.balance);
          await s.insertMany('ledger_entries', LEDGER_COLUMNS, [
            [c.ledgerEntryId, c.accountId, c.amount, str(row.currency), c.reason, null, null, balance, c.now],
          ]);
          return balance;
        }),
    },

    messages: {
      accept: async (accountId, messages, options) => {
        const total = messages.reduce((sum, m) => sum + m.price, 0);
        try {
          return await write(async (s): Promise<AcceptResult> => {
            // The key's completion commits with the acceptance or not at all
            // (decision 0009): a crash leaves either both or neither.
            if (options?.idempotency) {
              const { lock, response } = options.idempotency;
              if (!(await completeIdempotency(s, lock, response))) throw new IdempotencyLockLostError();
            }
            if (messages.length > 0) {
              await s.insertMany(
                'messages',
                MESSAGE_COLUMNS,
                messages.map((m) => messageRow(accountId, m)),
              );
              await s.insertMany(
                'status_history',
                HISTORY_COLUMNS,
                messages.map((m) => [m.id, 0, m.status, m.createdAt, null, null, null]),
              );
              await emitEvents(
                s,
                acceptedMessageEvents(
                  accountId,
                  messages.map((m) => ({ ...m, carrier: null })),
                ),
              );
            }
            // The guard and the debit in one statement, and last: on PostgreSQL the account row
            // stays locked from here to COMMIT, so concurrent sends of one account wait on each
            // other only for this statement and the ledger rows, not the whole acceptance. A
            // balance that does not cover it throws, and the rows above roll back with it.
            const debited = await s.get<Row>(
              'UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND balance >= $1 RETURNING balance',
              [total, accountId],
            );
            if (!debited) throw new BalanceShortfall();
            const balance = num(debited.balance);
            let after = balance + total;
            await s.insertMany(
              'ledger_entries',
              LEDGER_COLUMNS,
              messages.map((m) => {
                after -= m.price;
                return [
                  m.ledgerEntryId,
                  accountId,
                  -m.price,
                  m.currency,
                  'message_charge',
                  m.id,
                  m.segments,
                  after,
                  m.createdAt,
                ];
              }),
            );
            return { ok: true, balance, total };
          });
        } catch (error) {
          if (!(error instanceof BalanceShortfall)) throw error;
          const row = await read((s) => s.get<Row>('SELECT balance FROM accounts WHERE id = $1', [accountId]));
          return {
            ok: false,
            reason: row ? 'insufficient_balance' : 'account_not_found',
            balance: row ? num(row.balance) : 0,
            total,
          };
        }
      },
      get: (accountId, id) => read((s) => loadMessage(s, accountId, id)),
      list: (accountId, filters: MessageFilters, page) =>
        read(async (s) => {
          const params: SqlValue[] = [accountId];
          let where = 'account_id = $1';
          const add = (clause: string, value: SqlValue) => {
            params.push(value);
            where += ` AND ${clause.replace('?', `$${params.length}`)}`;
          };
          if (filters.status !== undefined) add('status = ?', filters.status);
          if (filters.to !== undefined) add('to_number = ?', filters.to);
          if (filters.type !== undefined) add('type = ?', filters.type);
          if (filters.clientReference !== undefined) add('client_reference = ?', filters.clientReference);
          if (filters.createdAfter !== undefined) add('created_at > ?', filters.createdAfter);
          if (filters.createdBefore !== undefined) add('created_at < ?', filters.createdBefore);
          const tail = pageClause(page, 'created_at', 'id', params);
          const rows = await s.all<Row>(`SELECT * FROM messages WHERE ${where}${tail}`, params);
          return toPage(rows.map(message), page.limit, (m) => ({ t: m.createdAt, id: m.id }));
        }),
      findDue: (query) =>
        read(async (s) => {
          const params: SqlValue[] = [query.now, query.limit];
          const mode = query.mode !== undefined ? ` AND mode = $${params.push(query.mode)}` : '';
          const steps = query.expiredOnly
            ? ''
            : `(status IN ('scheduled', 'queued', 'sent') AND (not_before IS NULL OR not_before <= $1)) OR `;
          const rows = await s.all<Row>(
            `SELECT * FROM messages
             WHERE (${steps}(status IN ('scheduled', 'queued') AND expires_at <= $1 AND dispatch_state IS NULL))${mode}
             ORDER BY COALESCE(not_before, created_at), id LIMIT $2`,
            params,
          );
          return rows.map(message);
        }),
      transition: (move) => write((s) => applyTransition(s, move)),
      cancel: (accountId, id, input) =>
        write(async (s): Promise<CancelResult> => {
          const row = await s.get<Row>(
            `UPDATE messages SET status = 'canceled', updated_at = $3
             WHERE id = $1 AND account_id = $2 AND status IN ('scheduled', 'queued')
               AND dispatch_state IS NULL RETURNING *`,
            [id, accountId, input.now],
          );
          if (!row) {
            const current = await s.get<Row>('SELECT status FROM messages WHERE id = $1 AND account_id = $2', [
              id,
              accountId,
            ]);
            return current
              ? { ok: false, reason: 'not_cancelable', status: str(current.status) }
              : { ok: false, reason: 'not_found' };
          }
          const price = num(row.price);
          await appendHistory(
            s,
            id,
            { status: 'canceled', at: input.now, carrier: null, errorCode: null, reason: 'canceled_by_client' },
            row,
          );
          // No carrier saw it: the whole quote goes back.
          const bal = await s.get<Row>('UPDATE accounts SET balance = balance + $1 WHERE id = $2 RETURNING balance', [
            price,
            accountId,
          ]);
          await s.insertMany('ledger_entries', LEDGER_COLUMNS, [
            [
              input.ledgerEntryId,
              accountId,
              price,
              str(row.currency),
              'message_refund',
              id,
              num(row.segments),
              num(bal?.balance),
              input.now,
            ],
          ]);
          return { ok: true, message: (await loadMessage(s, accountId, id)) as MessageWithHistory, refunded: price };
        }),
    },

    ledger: {
      list: (accountId, page) =>
        read(async (s) => {
          const params: SqlValue[] = [accountId];
          const tail = pageClause(page, 'created_at', 'id', params);
          const rows = await s.all<Row>(`SELECT * FROM ledger_entries WHERE account_id = $1${tail}`, params);
          return toPage(rows.map(ledger), page.limit, (l) => ({ t: l.createdAt, id: l.id }));
        }),
    },

    templates: {
      upsert: (accountId, input) =>
        write(async (s) => {
          const existing = input.id
            ? await s.get<Row>('SELECT * FROM templates WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL', [
                input.id,
                accountId,
              ])
            : await s.get<Row>('SELECT * FROM templates WHERE name = $1 AND account_id = $2 AND deleted_at IS NULL', [
                input.name,
                accountId,
              ]);
          if (input.id && !existing) return { ok: false as const, reason: 'not_found' as const };
          const variables = JSON.stringify(input.variables);
          if (!existing) {
            await s.run(
              `INSERT INTO templates (id, account_id, name, current_version, type, created_at, updated_at)
               VALUES ($1, $2, $3, 1, $4, $5, $5)`,
              [input.newId, accountId, input.name, input.type, input.now],
            );
            await s.run(
              'INSERT INTO template_versions (template_id, version, body, variables, created_at) VALUES ($1, 1, $2, $3, $4)',
              [input.newId, input.body, variables, input.now],
            );
          } else {
            const id = str(existing.id);
            if (input.name !== str(existing.name)) {
              const clash = await s.get<Row>(
                'SELECT id FROM templates WHERE name = $1 AND account_id = $2 AND deleted_at IS NULL AND id <> $3',
                [input.name, accountId, id],
              );
              if (clash) return { ok: false as const, reason: 'name_taken' as const };
            }
            const current = await s.get<Row>(
              'SELECT body FROM template_versions WHERE template_id = $1 AND version = $2',
              [id, num(existing.current_version)],
            );
            // A new version only when the body changes; renaming or retyping keeps the version.
            const bump = current === undefined || str(current.body) !== input.body;
            const version = num(existing.current_version) + (bump ? 1 : 0);
            if (bump) {
              await s.run(
                'INSERT INTO template_versions (template_id, version, body, variables, created_at) VALUES ($1, $2, $3, $4, $5)',
                [id, version, input.body, variables, input.now],
              );
            }
            await s.run(
              'UPDATE templates SET name = $1, type = $2, current_version = $3, updated_at = $4 WHERE id = $5',
              [input.name, input.type, version, input.now, id],
            );
          }
          const id = existing ? str(existing.id) : input.newId;
          const row = (await s.get<Row>(`${TEMPLATE_SELECT} WHERE t.id = $1`, [id])) as Row;
          return { ok: true as const, template: template(row), created: !existing };
        }),
      get: (accountId, idOrName) =>
        read(async (s) => {
          const row = await s.get<Row>(
            `${TEMPLATE_SELECT} WHERE t.account_id = $1 AND t.deleted_at IS NULL AND (t.id = $2 OR t.name = $2)
             ORDER BY CASE WHEN t.id = $2 THEN 0 ELSE 1 END LIMIT 1`,
            [accountId, idOrName],
          );
          return row && template(row);
        }),
      list: (accountId, page) =>
        read(async (s) => {
          const params: SqlValue[] = [accountId];
          const tail = pageClause(page, 't.created_at', 't.id', params);
          const rows = await s.all<Row>(
            `${TEMPLATE_SELECT} WHERE t.account_id = $1 AND t.deleted_at IS NULL${tail}`,
            params,
          );
          return toPage(rows.map(template), page.limit, (t) => ({ t: t.createdAt, id: t.id }));
        }),
      delete: (accountId, id, now) =>
        write(
          async (s) =>
            (await s.run(
              'UPDATE templates SET deleted_at = $1 WHERE id = $2 AND account_id = $3 AND deleted_at IS NULL',
              [now, id, accountId],
            )) > 0,
        ),
    },

    apiKeys: {
      insert: (k) =>
        write(async (s) => {
          await s.run(
            `INSERT INTO api_keys (id, account_id, name, prefix, hash, mode, scopes, ip_allowlist, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              k.id,
              k.accountId,
              k.name,
              k.prefix,
              k.hash,
              k.mode,
              JSON.stringify(k.scopes),
              JSON.stringify(k.ipAllowlist),
              k.createdAt,
              k.expiresAt,
            ],
          );
        }),
      findByHash: (hash, now) =>
        read(async (s) => {
          const row = await s.get<Row>(
            'SELECT * FROM api_keys WHERE hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)',
            [hash, now],
          );
          return row && apiKey(row);
        }),
      list: (accountId, page) => listByCreation(read, 'api_keys', accountId, page, apiKey),
      revoke: (accountId, id, now) =>
        write(
          async (s) =>
            (await s.run(
              'UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL',
              [now, id, accountId],
            )) > 0,
        ),
      touch: (id, now) =>
        write(async (s) => {
          await s.run('UPDATE api_keys SET last_used_at = $1 WHERE id = $2', [now, id]);
        }),
    },

    accessTokens: {
      insert: (t) =>
        write(async (s) => {
          await s.run('DELETE FROM access_tokens WHERE expires_at <= $1', [t.createdAt]);
          await s.run(
            'INSERT INTO access_tokens (hash, key_id, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
            [t.hash, t.keyId, JSON.stringify(t.scopes), t.createdAt, t.expiresAt],
          );
        }),
      find: (hash, now) =>
        read(async (s) => {
          const row = await s.get<Row>(
            `SELECT k.*, t.scopes AS token_scopes FROM access_tokens t JOIN api_keys k ON k.id = t.key_id
             WHERE t.hash = $1 AND t.expires_at > $2 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2)`,
            [hash, now],
          );
          return row && { key: apiKey(row), scopes: json<string[]>(row.token_scopes, []) };
        }),
    },

    senders: {
      create: (x) =>
        write(async (s) => {
          if (x.isDefault) await s.run('UPDATE senders SET is_default = 0 WHERE account_id = $1', [x.accountId]);
          await s.run(
            `INSERT INTO senders (id, account_id, sender, kind, country, operator, route, status, is_default, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [
              x.id,
              x.accountId,
              x.sender,
              x.kind,
              x.country,
              x.operator,
              x.route,
              x.status,
              x.isDefault ? 1 : 0,
              x.createdAt,
              x.updatedAt,
            ],
          );
          return x;
        }),
      get: (accountId, id) =>
        read(async (s) => {
          const row = await s.get<Row>('SELECT * FROM senders WHERE id = $1 AND account_id = $2', [id, accountId]);
          return row && sender(row);
        }),
      findBySender: (accountId, value) =>
        read(async (s) =>
          (
            await s.all<Row>('SELECT * FROM senders WHERE account_id = $1 AND sender = $2 ORDER BY created_at', [
              accountId,
              value,
            ])
          ).map(sender),
        ),
      getDefault: (accountId) =>
        read(async (s) => {
          const row = await s.get<Row>(
            `SELECT * FROM senders WHERE account_id = $1 AND status = 'approved' ORDER BY is_default DESC, created_at LIMIT 1`,
            [accountId],
          );
          return row && sender(row);
        }),
      list: (accountId, page) => listByCreation(read, 'senders', accountId, page, sender),
      delete: (accountId, id) =>
        write(async (s) => (await s.run('DELETE FROM senders WHERE id = $1 AND account_id = $2', [id, accountId])) > 0),
    },

    optOuts: {
      add: (o) =>
        write(async (s) => {
          await s.run(
            `INSERT INTO opt_outs (account_id, phone_number, keyword, scope, source, created_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (account_id, phone_number) DO UPDATE SET scope = $4, keyword = $3`,
            [o.accountId, o.phoneNumber, o.keyword, o.scope, o.source, o.createdAt],
          );
          return optOutRows.selectOne(s, o.accountId, o.phoneNumber) as Promise<OptOutRecord>;
        }),
      remove: optOutRows.remove,
      get: optOutRows.get,
      getMany: optOutRows.getMany,
      list: (accountId, filters, page) =>
        read(async (s) => {
          const params: SqlValue[] = [accountId];
          // Filtered in SQL, before the LIMIT: a page is short only when it is the last.
          let where = 'account_id = $1';
          if (filters.phoneNumber !== undefined) where += ` AND phone_number = $${params.push(filters.phoneNumber)}`;
          if (filters.createdAfter !== undefined) where += ` AND created_at >= $${params.push(filters.createdAfter)}`;
          const tail = pageClause(page, 'created_at', 'phone_number', params);
          const rows = await s.all<Row>(`SELECT * FROM opt_outs WHERE ${where}${tail}`, params);
          return toPage(rows.map(optOut), page.limit, (o) => ({ t: o.createdAt, id: o.phoneNumber }));
        }),
    },

    consents: {
      add: (c) =>
        write(async (s) => {
          await s.run(
            `INSERT INTO consents (account_id, phone_number, source, proof, consented_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (account_id, phone_number) DO UPDATE SET source = $3, proof = $4, consented_at = $5`,
            [c.accountId, c.phoneNumber, c.source, c.proof, c.consentedAt, c.createdAt],
          );
          return consentRows.selectOne(s, c.accountId, c.phoneNumber) as Promise<ConsentRecord>;
        }),
      remove: consentRows.remove,
      get: consentRows.get,
      getMany: consentRows.getMany,
      list: (accountId, page) =>
        read(async (s) => {
          const params: SqlValue[] = [accountId];
          const tail = pageClause(page, 'created_at', 'phone_number', params);
          const rows = await s.all<Row>(`SELECT * FROM consents WHERE account_id = $1${tail}`, params);
          return toPage(rows.map(consent), page.limit, (c) => ({ t: c.createdAt, id: c.phoneNumber }));
        }),
    },

    webhookEndpoints: {
      create: (w) =>
        write(async (s) => {
          await s.run(
            'INSERT INTO webhook_endpoints (id, account_id, url, events, secret, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
            [w.id, w.accountId, w.url, JSON.stringify(w.events), w.secret, w.createdAt],
          );
          return w;
        }),
      get: (accountId, id) =>
        read(async (s) => {
          const row = await s.get<Row>('SELECT * FROM webhook_endpoints WHERE id = $1 AND account_id = $2', [
            id,
            accountId,
          ]);
          return row && webhookEndpoint(row);
        }),
      list: (accountId, page) => listByCreation(read, 'webhook_endpoints', accountId, page, webhookEndpoint),
      delete: (accountId, id) =>
        write(
          async (s) =>
            (await s.run('DELETE FROM webhook_endpoints WHERE id = $1 AND account_id = $2', [id, accountId])) > 0,
        ),
    },

    idempotency: {
      begin: (r) =>
        write(async (s) => {
          const scope = [r.accountId, r.mode, r.key];
          // An expired record is gone for good, and an in-progress one older
          // than the lock timeout belongs to a request that died: either way
          // the key starts over (the old holder's token no longer matches).
          await s.run(
            `DELETE FROM idempotency_keys WHERE account_id = $1 AND key_mode = $2 AND idempotency_key = $3
             AND (expires_at <= $4 OR (state = 'in_progress' AND created_at < $5))`,
            [...scope, r.createdAt, r.staleBefore],
          );
          const inserted = await s.run(
            `INSERT INTO idempotency_keys (account_id, key_mode, idempotency_key, fingerprint, state, lock_token, created_at, expires_at)
             VALUES ($1, $2, $3, $4, 'in_progress', $5, $6, $7) ON CONFLICT (account_id, key_mode, idempotency_key) DO NOTHING`,
            [...scope, r.fingerprint, r.lockToken, r.createdAt, r.expiresAt],
          );
          if (inserted > 0) return { outcome: 'started' as const };
          const row = await s.get<Row>(
            'SELECT * FROM idempotency_keys WHERE account_id = $1 AND key_mode = $2 AND idempotency_key = $3',
            scope,
          );
          return { outcome: 'existing' as const, record: idempotency(row as Row) };
        }),
      complete: (lock, response) => write((s) => completeIdempotency(s, lock, response)),
      release: (lock) =>
        write(async (s) => {
          await s.run(
            `DELETE FROM idempotency_keys WHERE account_id = $1 AND key_mode = $2 AND idempotency_key = $3
             AND state = 'in_progress' AND lock_token = $4`,
            [lock.accountId, lock.mode, lock.key, lock.lockToken],
          );
        }),
      find: (scope) =>
        read(async (s) => {
          const row = await s.get<Row>(
            'SELECT * FROM idempotency_keys WHERE account_id = $1 AND key_mode = $2 AND idempotency_key = $3',
            [scope.accountId, scope.mode, scope.key],
          );
          return row && idempotency(row);
        }),
    },

    rateLimits: {
      take: (bucket, rule, now) => driver.takeToken(bucket, rule, now),
    },

    privacy: {
      export: (accountId, phoneNumber) =>
        read(async (s) => {
          const [m, o, c, inbound, history] = await Promise.all([
            s.all<Row>('SELECT * FROM messages WHERE account_id = $1 AND to_number = $2 ORDER BY created_at, id', [
              accountId,
              phoneNumber,
            ]),
            s.all<Row>('SELECT * FROM opt_outs WHERE account_id = $1 AND phone_number = $2', [accountId, phoneNumber]),
            s.all<Row>('SELECT * FROM consents WHERE account_id = $1 AND phone_number = $2', [accountId, phoneNumber]),
            s.all<Row>(
              'SELECT * FROM inbound_messages WHERE account_id = $1 AND from_number = $2 ORDER BY received_at, id',
              [accountId, phoneNumber],
            ),
            s.all<Row>('SELECT * FROM consent_ledger WHERE account_id = $1 AND phone_number = $2 ORDER BY at, id', [
              accountId,
              phoneNumber,
            ]),
          ]);
          return {
            phoneNumber,
            messages: m.map(message),
            optOuts: o.map(optOut),
            consents: c.map(consent),
            inbound: inbound.map(inboundRecord),
            consentHistory: history.map(consentChange),
          };
        }),
      erase: (accountId, phoneNumber, now) =>
        write(async (s) => {
          // Events carry the number in their stored bodies: the events of the number's messages, its
          // opt-out changes and its replies go, with their pending deliveries and attempts.
          const events = await s.all<Row>(
            `SELECT id FROM events WHERE account_id = $1 AND (
               message_id IN (SELECT id FROM messages WHERE account_id = $1 AND to_number = $2)
               OR message_id IN (SELECT id FROM inbound_messages WHERE account_id = $1 AND from_number = $2)
               OR (type = 'opt_out.changed' AND payload LIKE $3))`,
            [accountId, phoneNumber, `%"phoneNumber":"${phoneNumber}"%`],
          );
          for (const event of events) {
            await s.run('DELETE FROM webhook_attempts WHERE event_id = $1', [str(event.id)]);
            await s.run('DELETE FROM webhook_deliveries WHERE event_id = $1', [str(event.id)]);
            await s.run('DELETE FROM events WHERE id = $1', [str(event.id)]);
          }
          await s.run('DELETE FROM inbound_messages WHERE account_id = $1 AND from_number = $2', [
            accountId,
            phoneNumber,
          ]);
          await s.run('DELETE FROM opt_out_links WHERE account_id = $1 AND phone_number = $2', [
            accountId,
            phoneNumber,
          ]);
          // The number itself is replaced by a tombstone so the rows (and the
          // ledger that points at them) stay, but nothing leads back to a person.
          const messagesRedacted = await s.run(
            `UPDATE messages SET body = NULL, metadata = NULL, client_reference = NULL, to_number = $1, updated_at = $2
             WHERE account_id = $3 AND to_number = $4`,
            ['erased', now, accountId, phoneNumber],
          );
          const consentsDeleted = await s.run('DELETE FROM consents WHERE account_id = $1 AND phone_number = $2', [
            accountId,
            phoneNumber,
          ]);
          const kept = await s.get<Row>(
            'SELECT COUNT(*) AS n FROM opt_outs WHERE account_id = $1 AND phone_number = $2',
            [accountId, phoneNumber],
          );
          return { messagesRedacted, consentsDeleted, optOutsKept: num(kept?.n ?? 0) };
        }),
    },

    ...createSqlDispatch(driver),
    outbox: createSqlWebhooks(driver),
    ...createSqlConsent(driver),

    retention: {
      run: (input) =>
        write(async (s) => {
          const bodiesRedacted = await s.run(
            'UPDATE messages SET body = NULL WHERE created_at < $1 AND body IS NOT NULL',
            [input.redactBodiesBefore],
          );
          // Ledger rows stay (they are the money trail); their message_id is a plain column, not a foreign key.
          const messagesPurged = await s.run('DELETE FROM messages WHERE created_at < $1', [input.purgeBefore]);
          const idempotencyPurged = await s.run('DELETE FROM idempotency_keys WHERE expires_at <= $1', [input.now]);
          // Receipts are the carrier's side of messages: they go with them.
          await s.run('DELETE FROM carrier_receipts WHERE received_at < $1', [input.purgeBefore]);
          // Events and their deliveries go with the records they describe; replies lose their text with bodies.
          await s.run('DELETE FROM webhook_attempts WHERE at < $1', [input.purgeBefore]);
          await s.run('DELETE FROM webhook_deliveries WHERE created_at < $1', [input.purgeBefore]);
          await s.run('DELETE FROM events WHERE occurred_at < $1', [input.purgeBefore]);
          await s.run('DELETE FROM inbound_messages WHERE received_at < $1', [input.purgeBefore]);
          await s.run(`UPDATE inbound_messages SET body = '' WHERE received_at < $1 AND body <> ''`, [
            input.redactBodiesBefore,
          ]);
          // PostgreSQL keeps token buckets in a table (SQLite in memory): a bucket idle for a day is full
          // again anyway, so its row can go.
          if (driver.dialect === 'postgres') {
            await s.run('DELETE FROM rate_limit_buckets WHERE updated_at < $1', [input.now - 86_400_000]);
          }
          return { bodiesRedacted, messagesPurged, idempotencyPurged };
        }),
    },
  };
}
