import { describe, expect, it } from 'vitest';
import { newId } from './new-id';

describe('newId', () => {
  it('is the prefix and 26 base32 characters', () => {
    expect(newId('ntf', Date.UTC(2026, 0, 1))).toMatch(/^ntf_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('sorts ids of later times after earlier ones', () => {
    const ids = [1, 31, 32, 1_000, Date.UTC(2026, 0, 1), Date.UTC(2100, 0, 1)].map((t) => newId('x', t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not repeat within one millisecond', () => {
    const ids = new Set(Array.from({ length: 1_000 }, () => newId('x', 5)));
    expect(ids.size).toBe(1_000);
  });
});
