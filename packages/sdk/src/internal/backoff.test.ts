import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelay', () => {
  it('draws uniformly below the doubling ceiling (full jitter)', () => {
    expect(backoffDelay(0, () => 0.5, DEFAULT_BACKOFF)).toBe(250);
    expect(backoffDelay(1, () => 0.5, DEFAULT_BACKOFF)).toBe(500);
    expect(backoffDelay(2, () => 0.5, DEFAULT_BACKOFF)).toBe(1000);
    expect(backoffDelay(3, () => 0, DEFAULT_BACKOFF)).toBe(0);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(10, () => 0.999, DEFAULT_BACKOFF)).toBeLessThan(8000);
    expect(backoffDelay(50, () => 0.5, DEFAULT_BACKOFF)).toBe(4000);
  });
});
