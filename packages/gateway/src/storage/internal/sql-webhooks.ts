import type { WebhookAttemptInput, WebhookRepository } from '../webhook-repository';
import { json, num, numOrNull, type Row, str, strOrNull } from './sql-rows';
import type { SqlDriver, SqlSession, SqlValue } from './sql-session';

/**
 * An endpoint's health after an attempt: failing since the first failure, cleared by a success,
 * disabled (its pending deliveries stopped, the events kept for replay) when failing too long.
 */
async function updateEndpointHealth(
  s: SqlSession,
  endpointId: string | null,
  input: WebhookAttemptInput,
): Promise<void> {
  if (endpointId === null || input.target.startsWith('callback:')) return;
  if (input.outcome === 'delivered') {
    await s.run('UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1', [endpointId]);
    return;
  }
  await s.run('UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $1) WHERE id = $2', [
    input.at,
    endpointId,
  ]);
  // Failing for too long: disabled. Its pending deliveries stop; the events stay for replay.
  const disabled = await s.run(
    `UPDATE webhook_endpoints SET disabled_at = $1
       WHERE id = $2 AND disabled_at IS NULL AND failing_since < $3`,
    [input.at, endpointId, input.disableIfFailingSince],
  );
  if (disabled === 1) {
    await s.run(
      `UPDATE webhook_deliveries SET state = 'failed', last_error = 'endpoint disabled'
         WHERE endpoint_id = $1 AND target = $1 AND state = 'pending'`,
      [endpointId],
    );
  }
}

export function createSqlWebhooks(driver: SqlDriver): WebhookRepository {
  const { read, write } = driver;
  const skipLocked = driver.dialect === 'postgres' ? ' FOR UPDATE OF d SKIP LOCKED' : '';

  return {
    claim: ({ owner, now, limit, leaseMs, active, perTarget }) =>
      write(async (s) => {
        const busy = [...active].filter(([, n]) => n >= perTarget).map(([target]) => target);
        // More candidates than the limit: some may belong to a target that fills up on the way.
        // Candidates are read from the deliveries alone (the due index gives them in order), the
        // event and the secrets only for those taken: most candidates of a busy endpoint are left,
        // and joining every one's event cost more than the rest of the claim.
        const params: SqlValue[] = [now, limit * 4];
        const notBusy =
          busy.length > 0 ? ` AND d.target NOT IN (${busy.map((b) => `$${params.push(b)}`).join(', ')})` : '';
        const rows = await s.all<Row>(
          `SELECT d.event_id, d.target, d.account_id, d.endpoint_id, d.url, d.event_seq, d.attempts
           FROM webhook_deliveries d
           WHERE d.state = 'pending' AND d.next_attempt_at <= $1
             AND (d.lease_until IS NULL OR d.lease_until < $1)${notBusy}
           ORDER BY d.next_attempt_at, d.event_seq LIMIT $2${skipLocked}`,
          params,
        );
        const out = [];
        const taken = new Map(active);
        const endpoints = new Map<string, Row | undefined>();
        for (const r of rows) {
          if (out.length >= limit) break;
          const target = str(r.target);
          if ((taken.get(target) ?? 0) >= perTarget) continue;
          const event = await s.get<Row>('SELECT type, payload FROM events WHERE id = $1', [str(r.event_id)]);
          if (!event) continue;
          taken.set(target, (taken.get(target) ?? 0) + 1);
          const leased = await s.run(
            `UPDATE webhook_deliveries SET lease_owner = $1, lease_until = $2
             WHERE event_id = $3 AND target = $4 AND state = 'pending'`,
            [owner, now + leaseMs, str(r.event_id), target],
          );
          if (leased !== 1) continue;
          const endpointId = strOrNull(r.endpoint_id);
          if (endpointId !== null && !endpoints.has(endpointId)) {
            endpoints.set(
              endpointId,
              await s.get<Row>(
                'SELECT secret, previous_secret, previous_secret_expires_at FROM webhook_endpoints WHERE id = $1',
                [endpointId],
              ),
            );
          }
          const w = endpointId === null ? undefined : endpoints.get(endpointId);
          if (w?.secret === null || w?.secret === undefined) continue;
          const previous =
            w.previous_secret !== null && numOrNull(w.previous_secret_expires_at) !== null
              ? num(w.previous_secret_expires_at) > now
                ? [str(w.previous_secret)]
                : []
              : [];
          out.push({
            eventId: str(r.event_id),
            target,
            accountId: str(r.account_id),
            endpointId,
            url: str(r.url),
            eventSeq: num(r.event_seq),
            type: str(event.type),
            payload: str(event.payload),
            attempts: num(r.attempts),
            secrets: [str(w.secret), ...previous],
          });
        }
        return out;
      }),

    recordAttempt: (input) =>
      write(async (s) => {
        const row = await s.get<Row>(
          `SELECT attempts, account_id, endpoint_id FROM webhook_deliveries WHERE event_id = $1 AND target = $2`,
          [input.eventId, input.target],
        );
        if (!row) return;
        const attempt = num(row.attempts) + 1;
        await s.run(
          `INSERT INTO webhook_attempts (event_id, target, attempt, endpoint_id, account_id, at, duration_ms, status_code, error)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id, target, attempt) DO NOTHING`,
          [
            input.eventId,
            input.target,
            attempt,
            strOrNull(row.endpoint_id),
            str(row.account_id),
            input.at,
            input.durationMs,
            input.statusCode,
            input.error,
          ],
        );
        // Endpoint first, then the delivery: the order replay takes them in, so the two never deadlock.
        await updateEndpointHealth(s, strOrNull(row.endpoint_id), input);
        const state = input.outcome === 'delivered' ? 'delivered' : input.outcome === 'failed' ? 'failed' : 'pending';
        // The attempt counts either way; the delivery moves on only while the lease is still ours:
        // a replay (or another process after the lease ran out) made it pending again meanwhile,
        // and this older attempt must not undo that.
        await s.run(
          `UPDATE webhook_deliveries SET attempts = $1, last_status = $4, last_error = $5,
             state = CASE WHEN lease_owner = $9 THEN $2 ELSE state END,
             next_attempt_at = CASE WHEN lease_owner = $9 THEN $3 ELSE next_attempt_at END,
             delivered_at = CASE WHEN lease_owner = $9 THEN $6 ELSE delivered_at END,
             lease_until = CASE WHEN lease_owner = $9 THEN NULL ELSE lease_until END,
             lease_owner = CASE WHEN lease_owner = $9 THEN NULL ELSE lease_owner END
           WHERE event_id = $7 AND target = $8`,
          [
            attempt,
            state,
            input.nextAttemptAt ?? input.at,
            input.statusCode,
            input.error,
            input.outcome === 'delivered' ? input.at : null,
            input.eventId,
            input.target,
            input.owner,
          ],
        );
      }),

    attempts: (accountId, endpointId, { limit, eventId }) =>
      read(async (s) => {
        const params: SqlValue[] = [accountId, endpointId, limit];
        const byEvent = eventId !== undefined ? ` AND event_id = $${params.push(eventId)}` : '';
        const rows = await s.all<Row>(
          `SELECT * FROM webhook_attempts WHERE account_id = $1 AND endpoint_id = $2${byEvent}
           ORDER BY at DESC, attempt DESC LIMIT $3`,
          params,
        );
        return rows.map((r) => ({
          eventId: str(r.event_id),
          target: str(r.target),
          attempt: num(r.attempt),
          at: num(r.at),
          durationMs: num(r.duration_ms),
          statusCode: numOrNull(r.status_code),
          error: strOrNull(r.error),
        }));
      }),

    replay: (input) =>
      write(async (s) => {
        const endpoint = await s.get<Row>('SELECT * FROM webhook_endpoints WHERE id = $1 AND account_id = $2', [
          input.endpointId,
          input.accountId,
        ]);
        if (!endpoint) return undefined;
        await s.run('UPDATE webhook_endpoints SET disabled_at = NULL, failing_since = NULL WHERE id = $1', [
          input.endpointId,
        ]);
        const params: SqlValue[] = [input.accountId];
        let where = 'account_id = $1';
        if (input.eventId !== undefined) where += ` AND id = $${params.push(input.eventId)}`;
        if (input.since !== undefined) where += ` AND occurred_at >= $${params.push(input.since)}`;
        if (input.until !== undefined) where += ` AND occurred_at < $${params.push(input.until)}`;
        const types = json<string[]>(endpoint.events, []);
        const events = (
          await s.all<Row>(`SELECT id, seq, type FROM events WHERE ${where} ORDER BY seq`, params)
        ).filter((e) => types.length === 0 || types.includes(str(e.type)));
        for (const e of events) {
          await s.run(
            `INSERT INTO webhook_deliveries (event_id, target, account_id, endpoint_id, url, event_seq, state, attempts, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $2, $4, $5, 'pending', 0, $6, $6)
             ON CONFLICT (event_id, target) DO UPDATE SET state = 'pending', next_attempt_at = $6, url = $4,
               lease_owner = NULL, lease_until = NULL`,
            [str(e.id), input.endpointId, input.accountId, str(endpoint.url), num(e.seq), input.now],
          );
        }
        return events.length;
      }),

    rotateSecret: (input) =>
      write(async (s) => {
        const changed = await s.run(
          `UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires_at = $1, secret = $2
           WHERE id = $3 AND account_id = $4`,
          [input.graceUntil, input.secret, input.endpointId, input.accountId],
        );
        return changed === 1;
      }),

    health: (accountId, endpointId) =>
      read(async (s) => {
        const row = await s.get<Row>(
          'SELECT disabled_at, failing_since FROM webhook_endpoints WHERE id = $1 AND account_id = $2',
          [endpointId, accountId],
        );
        return row ? { disabledAt: numOrNull(row.disabled_at), failingSince: numOrNull(row.failing_since) } : undefined;
      }),

    eventsAfter: ({ accountId, afterSeq, types, limit }) =>
      read(async (s) => {
        const params: SqlValue[] = [accountId, afterSeq, limit];
        const byType =
          types && types.length > 0 ? ` AND type IN (${types.map((t) => `$${params.push(t)}`).join(', ')})` : '';
        const rows = await s.all<Row>(
          `SELECT * FROM events WHERE account_id = $1 AND seq > $2${byType} ORDER BY seq LIMIT $3`,
          params,
        );
        return rows.map((r) => ({
          seq: num(r.seq),
          id: str(r.id),
          accountId: str(r.account_id),
          type: str(r.type),
          messageId: strOrNull(r.message_id),
          occurredAt: num(r.occurred_at),
          payload: str(r.payload),
        }));
      }),

    latestSeq: (accountId) =>
      read(async (s) => {
        const row = await s.get<Row>('SELECT MAX(seq) AS seq FROM events WHERE account_id = $1', [accountId]);
        return row?.seq === null || row?.seq === undefined ? 0 : num(row.seq);
      }),

    eventSeq: (accountId, eventId) =>
      read(async (s) => {
        const row = await s.get<Row>('SELECT seq FROM events WHERE id = $1 AND account_id = $2', [eventId, accountId]);
        return row ? num(row.seq) : undefined;
      }),
  };
}
