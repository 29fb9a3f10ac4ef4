import { SEND_LIMITS } from '@karvon/contract';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDITY_SECONDS, isExpired, resolveExpiresAt, validitySeconds } from './validity';

describe('resolveExpiresAt', () => {
  const dispatchAt = Date.parse('2026-06-01T10:00:00Z');

  it('counts the validity period from the dispatch time', () => {
    expect(resolveExpiresAt({ dispatchAt, type: 'marketing', validityPeriod: 3600 })).toBe(dispatchAt + 3_600_000);
  });

  it('uses per-type defaults, overridable per account', () => {
    expect(resolveExpiresAt({ dispatchAt, type: 'transactional' })).toBe(
      dispatchAt + DEFAULT_VALIDITY_SECONDS.transactional * 1000,
    );
    expect(resolveExpiresAt({ dispatchAt, type: 'marketing' })).toBe(dispatchAt + 86_400_000);
    expect(validitySeconds({ type: 'marketing', defaults: { marketing: 7200 } })).toBe(7200);
    expect(validitySeconds({ type: 'marketing', validityPeriod: 600, defaults: { marketing: 7200 } })).toBe(600);
  });

  it('clamps to the contract bounds', () => {
    expect(validitySeconds({ type: 'transactional', validityPeriod: 1 })).toBe(SEND_LIMITS.minValidityPeriod);
    expect(validitySeconds({ type: 'transactional', validityPeriod: 10 ** 9 })).toBe(SEND_LIMITS.maxValidityPeriod);
    expect(() => validitySeconds({ type: 'transactional', validityPeriod: Number.NaN })).toThrow(RangeError);
  });
});

describe('isExpired', () => {
  it('is true from the expiry instant on', () => {
    expect(isExpired(1000, 999)).toBe(false);
    expect(isExpired(1000, 1000)).toBe(true);
  });
});
