// The floor: bare node:http that makes each POST /send durable in SQLite
// before answering. Requests whose bodies complete in the same event-loop
// turn share one BEGIN IMMEDIATE…COMMIT (group commit); each answer is sent
// only after the COMMIT of its group returned. WAL + synchronous=FULL, so the
// COMMIT fsyncs the WAL. `--phone` adds the mobile-number check the gateway
// does (libphonenumber-js/max through @karvon/sdk/phone).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parsePhoneNumber } from '@karvon/sdk/phone';
import { announceListening } from '../lib/announce-listening.mjs';
import { readBody } from '../lib/read-body.mjs';
import {
  acceptedMessage,
  BODY_LIMIT_BYTES,
  findSendRequestProblem,
  invalidRequest,
  SEND_PATH,
} from '../lib/send-request.mjs';

const checkPhone = process.argv.includes('--phone');

const directory = mkdtempSync(join(tmpdir(), 'karvon-floor-'));
const database = new DatabaseSync(join(directory, 'floor.sqlite'));
database.exec(`
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    to_number TEXT NOT NULL,
    sender TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
`);
const settings = {
  journalMode: database.prepare('PRAGMA journal_mode').get().journal_mode,
  synchronous: database.prepare('PRAGMA synchronous').get().synchronous,
};
if (settings.journalMode !== 'wal' || settings.synchronous !== 2) {
  throw new Error(`SQLite is not WAL + synchronous=FULL: ${JSON.stringify(settings)}`);
}
const insert = database.prepare(
  'INSERT INTO messages (id, to_number, sender, body, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
);

function answer(response, status, value, type = 'application/json') {
  const text = JSON.stringify(value);
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

// Requests waiting for the next commit: { message, body, response }.
let pending = [];
let scheduled = false;
const stats = { commits: 0, rows: 0, largestGroup: 0 };

// setImmediate runs after the poll phase, so every body that finished
// arriving in this turn is in `pending`. While COMMIT fsyncs (blocking), the
// next requests queue in the kernel and form the next group.
function commitPending() {
  scheduled = false;
  const group = pending;
  pending = [];
  try {
    database.exec('BEGIN IMMEDIATE');
    for (const { message, body } of group) {
      insert.run(message.id, message.to, message.from, body, message.status, message.createdAt);
    }
    database.exec('COMMIT');
  } catch (error) {
    if (database.isTransaction) database.exec('ROLLBACK');
    for (const { response } of group) answer(response, 503, { code: 'storage_unavailable' });
    console.error(error);
    return;
  }
  stats.commits += 1;
  stats.rows += group.length;
  if (group.length > stats.largestGroup) stats.largestGroup = group.length;
  for (const { message, response } of group) answer(response, 200, message);
}

const server = createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url !== SEND_PATH) {
    answer(response, 404, { code: 'not_found' });
    return;
  }
  const text = await readBody(request, BODY_LIMIT_BYTES);
  if (text === undefined) {
    answer(response, 413, { code: 'payload_too_large' });
    return;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    answer(response, 400, { code: 'malformed_json' });
    return;
  }
  const problem = findSendRequestProblem(value);
  if (problem) {
    answer(response, 400, invalidRequest(problem), 'application/problem+json');
    return;
  }
  let to = value.to;
  if (checkPhone) {
    const phone = parsePhoneNumber(value.to, { defaultCountry: 'UZ', requireMobile: true });
    if (!phone.valid) {
      const problem = { pointer: '/to', detail: phone.message };
      answer(response, 422, invalidRequest(problem, 422, phone.reason), 'application/problem+json');
      return;
    }
    to = phone.e164;
  }
  pending.push({ message: acceptedMessage(value, to, `msg_${randomUUID()}`), body: value.body, response });
  if (!scheduled) {
    scheduled = true;
    setImmediate(commitPending);
  }
});

server.listen(0, '127.0.0.1', () =>
  announceListening(server, {
    getStats: () => {
      const rows = database.prepare('SELECT count(*) AS n FROM messages').get().n;
      return { ...stats, rowsInTable: rows, ...settings };
    },
    onClose: () => {
      database.close();
      rmSync(directory, { recursive: true, force: true });
    },
  }),
);
