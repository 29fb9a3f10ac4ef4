import { randomBytes, randomUUID } from 'node:crypto';
import { createId, LATEST_API_VERSION } from '@karvon/contract';
import type {
  ConsentChange,
  ConsentLedgerRepository,
  InboundRecord,
  InboundRepository,
  OptOutLinkRepository,
} from '../consent-repository';
import { emitEvents } from './sql-events';
import { num, numOrNull, type Row, str, strOrNull } from './sql-rows';
import type { SqlDriver, SqlSession } from './sql-session';

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 8 characters of base62 from a CSPRNG: 47 bits, not guessable across a gateway's links. */
function newCode(): string {
  const bytes = randomBytes(8);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte % 62];
  return code;
}

function envelope(type: string, at: number, data: Record<string, unknown>): { id: string; payload: string } {
  const id = createId('event', { now: at });
  const timestamp = new Date(at).toISOString();
  return { id, payload: JSON.stringify({ id, type, timestamp, apiVersion: LATEST_API_VERSION, data }) };
}

async function applyConsent(s: SqlSession, change: ConsentChange): Promise<boolean> {
  let changed: boolean;
  if (change.accountId === null) {
    changed =
      change.action === 'opt_out'
        ? (await s.run(
            `INSERT INTO global_opt_outs (phone_number, keyword, source, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (phone_number) DO NOTHING`,
            [change.phoneNumber, change.keyword, change.source, change.at],
          )) === 1
        : (await s.run('DELETE FROM global_opt_outs WHERE phone_number = $1', [change.phoneNumber])) === 1;
  } else if (change.action === 'opt_out') {
    const before = await s.get<Row>('SELECT scope FROM opt_outs WHERE account_id = $1 AND phone_number = $2', [
      change.accountId,
      change.phoneNumber,
    ]);
    changed = before?.scope !== change.scope;
    if (changed) {
      await s.run(
        `INSERT INTO opt_outs (account_id, phone_number, keyword, scope, source, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (account_id, phone_number) DO UPDATE SET scope = $4, keyword = $3, source = $5`,
        [change.accountId, change.phoneNumber, change.keyword, change.scope, change.source, change.at],
      );
    }
  } else {
    changed =
      (await s.run('DELETE FROM opt_outs WHERE account_id = $1 AND phone_number = $2', [
        change.accountId,
        change.phoneNumber,
      ])) > 0;
  }
  await s.run(
    `INSERT INTO consent_ledger (id, account_id, phone_number, action, scope, source, keyword, changed, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      randomUUID(),
      change.accountId,
      change.phoneNumber,
      change.action,
      change.scope,
      change.source,
      change.keyword,
      changed ? 1 : 0,
      change.at,
    ],
  );
  if (changed && change.accountId !== null) {
    const event = envelope('opt_out.changed', change.at, {
      phoneNumber: change.phoneNumber,
      optedOut: change.action === 'opt_out',
      ...(change.keyword !== null ? { keyword: change.keyword } : {}),
      source: change.source,
      scope: change.scope,
      changedAt: new Date(change.at).toISOString(),
    });
    await emitEvents(s, [
      {
        ...event,
        accountId: change.accountId,
        type: 'opt_out.changed',
        messageId: null,
        messageSeq: null,
        occurredAt: change.at,
        callbackUrl: null,
      },
    ]);
  }
  return changed;
}

export function consentChange(r: Row): ConsentChange & { changed: boolean } {
  return {
    accountId: strOrNull(r.account_id),
    phoneNumber: str(r.phone_number),
    action: str(r.action) as ConsentChange['action'],
    scope: str(r.scope) as ConsentChange['scope'],
    source: str(r.source),
    keyword: strOrNull(r.keyword),
    at: num(r.at),
    changed: num(r.changed) === 1,
  };
}

export function inboundRecord(r: Row): InboundRecord {
  return {
    id: str(r.id),
    accountId: strOrNull(r.account_id),
    from: str(r.from_number),
    to: str(r.to_number),
    body: str(r.body),
    carrier: strOrNull(r.carrier),
    keyword: strOrNull(r.keyword),
    action: strOrNull(r.action),
    receivedAt: num(r.received_at),
  };
}

export function createSqlConsent(driver: SqlDriver): {
  consentLedger: ConsentLedgerRepository;
  optOutLinks: OptOutLinkRepository;
  inbound: InboundRepository;
} {
  const { read, write } = driver;
  return {
    consentLedger: {
      record: (change) => write((s) => applyConsent(s, change)),
      globallyOptedOut: (phoneNumber) =>
        read(
          async (s) =>
            (await s.get<Row>('SELECT 1 AS x FROM global_opt_outs WHERE phone_number = $1', [phoneNumber])) !==
            undefined,
        ),
      history: (accountId, phoneNumber) =>
        read(async (s) => {
          const rows = await s.all<Row>(
            'SELECT * FROM consent_ledger WHERE account_id = $1 AND phone_number = $2 ORDER BY at, id',
            [accountId, phoneNumber],
          );
          return rows.map(consentChange);
        }),
    },

    optOutLinks: {
      codeFor: ({ accountId, phoneNumber, now }) =>
        write(async (s) => {
          const existing = await s.get<Row>(
            'SELECT code FROM opt_out_links WHERE account_id = $1 AND phone_number = $2',
            [accountId, phoneNumber],
          );
          if (existing) return str(existing.code);
          for (;;) {
            const code = newCode();
            const inserted = await s.run(
              `INSERT INTO opt_out_links (code, account_id, phone_number, created_at) VALUES ($1, $2, $3, $4)
               ON CONFLICT DO NOTHING`,
              [code, accountId, phoneNumber, now],
            );
            if (inserted === 1) return code;
            const raced = await s.get<Row>(
              'SELECT code FROM opt_out_links WHERE account_id = $1 AND phone_number = $2',
              [accountId, phoneNumber],
            );
            if (raced) return str(raced.code);
          }
        }),
      resolve: (code) =>
        read(async (s) => {
          const row = await s.get<Row>(
            `SELECT l.account_id, l.phone_number, l.used_at, a.name FROM opt_out_links l
             JOIN accounts a ON a.id = l.account_id WHERE l.code = $1`,
            [code],
          );
          return row
            ? {
                accountId: str(row.account_id),
                phoneNumber: str(row.phone_number),
                accountName: str(row.name),
                usedAt: numOrNull(row.used_at),
              }
            : undefined;
        }),
    },

    inbound: {
      addPart: (part) =>
        write(async (s) => {
          await s.run(
            `INSERT INTO inbound_parts (carrier, source, destination, reference, total, seq, text, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
            [
              part.carrier,
              part.source,
              part.destination,
              part.reference,
              part.total,
              part.seq,
              part.text,
              part.receivedAt,
            ],
          );
          const key = [part.carrier, part.source, part.destination, part.reference];
          const parts = await s.all<Row>(
            `SELECT seq, text FROM inbound_parts WHERE carrier = $1 AND source = $2 AND destination = $3 AND reference = $4
             ORDER BY seq`,
            key,
          );
          if (parts.length < part.total) return undefined;
          await s.run(
            'DELETE FROM inbound_parts WHERE carrier = $1 AND source = $2 AND destination = $3 AND reference = $4',
            key,
          );
          return parts.map((p) => str(p.text)).join('');
        }),
      record: (m) =>
        write(async (s) => {
          await s.run(
            `INSERT INTO inbound_messages (id, account_id, from_number, to_number, body, carrier, keyword, action, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [m.id, m.accountId, m.from, m.to, m.body, m.carrier, m.keyword, m.action, m.receivedAt],
          );
          if (m.accountId === null) return;
          const event = envelope('message.inbound', m.receivedAt, {
            id: m.id,
            from: m.from,
            to: m.to,
            body: m.body,
            receivedAt: new Date(m.receivedAt).toISOString(),
            ...(m.carrier !== null ? { carrier: m.carrier } : {}),
            ...(m.keyword !== null ? { keyword: m.keyword, action: m.action } : {}),
          });
          await emitEvents(s, [
            {
              ...event,
              accountId: m.accountId,
              type: 'message.inbound',
              messageId: m.id,
              messageSeq: null,
              occurredAt: m.receivedAt,
              callbackUrl: null,
            },
          ]);
        }),
      ownersOf: (number) =>
        read(async (s) => {
          const rows = await s.all<Row>(
            `SELECT DISTINCT account_id FROM senders WHERE sender = $1 AND status = 'approved' ORDER BY account_id`,
            [number],
          );
          return rows.map((r) => str(r.account_id));
        }),
      lastSender: ({ to, via, since }) =>
        read(async (s) => {
          const row = await s.get<Row>(
            `SELECT account_id FROM messages WHERE to_number = $1 AND from_sender = $2 AND created_at >= $3 AND mode = 'live'
             ORDER BY created_at DESC LIMIT 1`,
            [to, via, since],
          );
          return row ? str(row.account_id) : undefined;
        }),
      list: (accountId, { limit, before }) =>
        read(async (s) => {
          const rows = await s.all<Row>(
            `SELECT * FROM inbound_messages WHERE account_id = $1 AND received_at < $2 ORDER BY received_at DESC, id DESC LIMIT $3`,
            [accountId, before ?? Number.MAX_SAFE_INTEGER, limit],
          );
          return rows.map(inboundRecord);
        }),
    },
  };
}
