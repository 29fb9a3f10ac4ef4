import { describe, expect, it } from 'vitest';
import { parseRateLimitDelay } from './parse-rate-limit';

const delay = (headers: Record<string, string>) => parseRateLimitDelay(new Headers(headers));

describe('parseRateLimitDelay', () => {
  it('reads the structured RateLimit field of an exhausted policy', () => {
    expect(delay({ RateLimit: '"default";r=0;t=10' })).toBe(10_000);
  });

  it('waits for the longest exhausted policy and ignores policies with quota left', () => {
    expect(delay({ RateLimit: '"burst";r=0;t=2, "daily";r=0;t=30, "hourly";r=50;t=900' })).toBe(30_000);
  });

  it('does not wait when every policy still has quota', () => {
    expect(delay({ RateLimit: '"default";r=5;t=10' })).toBeUndefined();
  });

  it('accepts an unquoted token as the policy name', () => {
    expect(delay({ RateLimit: 'default;r=0;t=3' })).toBe(3000);
  });

  it('reads the older RateLimit-Reset header', () => {
    expect(delay({ 'RateLimit-Reset': '4' })).toBe(4000);
    expect(delay({ 'RateLimit-Remaining': '0', 'RateLimit-Reset': '4' })).toBe(4000);
  });

  it('ignores RateLimit-Reset while quota remains', () => {
    expect(delay({ 'RateLimit-Remaining': '3', 'RateLimit-Reset': '4' })).toBeUndefined();
  });

  it('reads the older combined form', () => {
    expect(delay({ RateLimit: 'limit=100, remaining=0, reset=6' })).toBe(6000);
  });

  it('ignores garbage', () => {
    expect(delay({ RateLimit: 'nonsense' })).toBeUndefined();
    expect(delay({ RateLimit: '"default";r=zero;t=soon' })).toBeUndefined();
    expect(delay({ 'RateLimit-Reset': 'tomorrow' })).toBeUndefined();
    expect(delay({})).toBeUndefined();
  });
});
