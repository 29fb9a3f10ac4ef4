import { describe, expect, it } from 'vitest';
import { isLocalDateTime, isRfc3339WithOffset, rfc3339Schema } from './rfc3339';

describe('isRfc3339WithOffset', () => {
  it.each([
    '2026-11-01T09:30:00+05:00',
    '2026-11-01T04:30:00Z',
    '2026-11-01t04:30:00z',
    '2026-11-01T04:30:00.123456-03:30',
    '2024-02-29T00:00:00Z',
    '2016-12-31T23:59:60Z',
  ])('accepts %s', (value) => {
    expect(isRfc3339WithOffset(value)).toBe(true);
    expect(rfc3339Schema.safeParse(value).success).toBe(true);
  });

  it.each([
    '2026-11-01T09:30:00',
    '2026-11-01 09:30:00Z',
    '2026-11-01T09:30Z',
    '2026-13-01T09:30:00Z',
    '2025-02-29T00:00:00Z',
    '2100-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-11-01T24:00:00Z',
    '2026-11-01T09:60:00Z',
    '2026-11-01T09:30:00+24:00',
    '2026-11-01T09:30:00+0500',
    '',
  ])('rejects %s', (value) => {
    expect(isRfc3339WithOffset(value)).toBe(false);
    expect(rfc3339Schema.safeParse(value).success).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isRfc3339WithOffset(1_700_000_000)).toBe(false);
  });
});

describe('isLocalDateTime', () => {
  it('accepts wall times without offset, with or without seconds', () => {
    expect(isLocalDateTime('2026-11-01T09:30')).toBe(true);
    expect(isLocalDateTime('2026-11-01T09:30:15.5')).toBe(true);
  });

  it('rejects times with an offset and impossible dates', () => {
    expect(isLocalDateTime('2026-11-01T09:30:00Z')).toBe(false);
    expect(isLocalDateTime('2026-02-30T09:30')).toBe(false);
  });
});
