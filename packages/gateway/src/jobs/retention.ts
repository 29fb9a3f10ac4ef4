import type { Repository, RetentionResult } from '../storage/repository';

const DAY_MS = 86_400_000;

/** Defaults of KARVON_BODY_RETENTION_DAYS and KARVON_RECORD_RETENTION_DAYS. */
export const DEFAULT_RETENTION = { bodyDays: 30, recordDays: 365 } as const;

export interface RetentionSettings {
  /** Message bodies older than this are set to null (the record stays). */
  bodyDays: number;
  /** Messages older than this are deleted with their history; ledger rows stay. */
  recordDays: number;
}

/**
 * One retention pass: redact old bodies, purge old records, drop expired
 * idempotency keys. Idempotent, so every process may run it on its own timer
 * (or `karvon-gateway retention --once` from cron).
 */
export function runRetention(input: {
  repository: Repository;
  now: number;
  settings?: RetentionSettings;
}): Promise<RetentionResult> {
  const { bodyDays, recordDays } = input.settings ?? DEFAULT_RETENTION;
  return input.repository.retention.run({
    redactBodiesBefore: input.now - bodyDays * DAY_MS,
    purgeBefore: input.now - recordDays * DAY_MS,
    now: input.now,
  });
}
