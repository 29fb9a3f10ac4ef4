import { describe, expect, it } from 'vitest';
import { AimdRate } from './aimd-rate';
import { backoffDelay } from './backoff';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst of a tenth of a second, then spaces sends at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(100, () => now);
    const waits = Array.from({ length: 13 }, () => bucket.reserve());
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits.slice(10)).toEqual([10, 20, 30]);
    now = 1000;
    expect(bucket.reserve()).toBe(0);
  });

  it('never lets more than 1.1 × the rate through in any one second', () => {
    let now = 0;
    const bucket = new TokenBucket(50, () => now);
    const sentAt: number[] = [];
    for (let i = 0; i < 500; i++) {
      const wait = bucket.reserve();
      sentAt.push(now + wait);
      if (i % 7 === 0) now += 40; // callers arrive unevenly
    }
    for (const start of sentAt) {
      const inWindow = sentAt.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(55);
    }
  });
});

describe('AimdRate', () => {
  it('halves on a throttle down to the floor and adds one per success up to the ceiling', () => {
    let now = 0;
    const aimd = new AimdRate(new TokenBucket(8, () => now), 8, 1, 1, 250, () => now);
    for (let i = 0; i < 4; i++) {
      aimd.throttled();
      now += 250;
    }
    expect(aimd.bucket.rate).toBe(1);
    for (let i = 0; i < 20; i++) aimd.succeeded();
    expect(aimd.bucket.rate).toBe(8);
  });

  it('halves once for a burst of throttles answered within one interval', () => {
    let now = 0;
    const aimd = new AimdRate(new TokenBucket(100, () => now), 100, 1, 1, 250, () => now);
    for (let i = 0; i < 20; i++) aimd.throttled();
    expect(aimd.bucket.rate).toBe(50);
    now += 250;
    aimd.throttled();
    expect(aimd.bucket.rate).toBe(25);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially under the cap with full jitter', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, 100, 1000, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(3, 100, 1000, () => 0.5)).toBe(400);
  });
});
