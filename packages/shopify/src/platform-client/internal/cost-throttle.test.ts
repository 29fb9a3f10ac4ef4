import { describe, expect, it } from 'vitest';
import throttled from '../../__fixtures__/graphql/throttled.json';
import { CostThrottle } from './cost-throttle';

describe('CostThrottle', () => {
  it('does not wait before it knows the bucket or the operation', () => {
    const throttle = new CostThrottle(() => 0);
    expect(throttle.delayFor('ShopInfo')).toBe(0);
    throttle.observe('Other', throttled.body.extensions.cost);
    expect(throttle.delayFor('ShopInfo')).toBe(0);
  });

  it('waits (requested − available) / restoreRate after the documented THROTTLED answer', () => {
    const throttle = new CostThrottle(() => 1_000);
    throttle.observe('Big', throttled.body.extensions.cost);
    // 752 requested, 666 available, 100 points/s → 0.86 s
    expect(throttle.delayFor('Big')).toBe(860);
  });

  it('counts points restored since the last answer, capped at the bucket size', () => {
    let t = 0;
    const throttle = new CostThrottle(() => t);
    throttle.observe('Q', {
      requestedQueryCost: 100,
      throttleStatus: { maximumAvailable: 120, currentlyAvailable: 20, restoreRate: 50 },
    });
    expect(throttle.delayFor('Q')).toBe(1600);
    t = 1000;
    expect(throttle.delayFor('Q')).toBe(600);
    t = 60_000;
    expect(throttle.delayFor('Q')).toBe(0);
    throttle.observe('Huge', { requestedQueryCost: 200 });
    expect(throttle.delayFor('Huge')).toBe(1600); // only 120 ever fit: waits for the cap, (200 − 120) / 50
  });

  it('reserves an operation so a concurrent caller waits for it', () => {
    const throttle = new CostThrottle(() => 0);
    throttle.observe('Q', {
      requestedQueryCost: 10,
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: 15, restoreRate: 10 },
    });
    expect(throttle.delayFor('Q')).toBe(0);
    throttle.reserve('Q');
    expect(throttle.delayFor('Q')).toBe(500);
  });
});
