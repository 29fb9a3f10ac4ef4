import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitBreakers } from './circuit-breaker';

function clock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

function failTimes(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i++) breaker.recordFailure();
}

describe('CircuitBreaker', () => {
  it('stays closed below the failure threshold and lets everything through', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: clock().now });
    failTimes(breaker, 2);
    expect(breaker.state()).toBe('closed');
    expect(breaker.allowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(true);
  });

  it('counts consecutive failures only: a success starts the count again', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: clock().now });
    failTimes(breaker, 2);
    breaker.recordSuccess();
    failTimes(breaker, 2);
    expect(breaker.state()).toBe('closed');
    expect(breaker.snapshot().consecutiveFailures).toBe(2);
  });

  it('opens at the threshold and refuses requests until the cooldown has passed', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: time.now });
    failTimes(breaker, 3);
    expect(breaker.state()).toBe('open');
    expect(breaker.snapshot()).toEqual({ state: 'open', consecutiveFailures: 3, openedAt: 1_000_000 });
    time.advance(999);
    expect(breaker.allowRequest()).toBe(false);
    expect(breaker.wouldAllowRequest()).toBe(false);
    time.advance(1);
    expect(breaker.state()).toBe('half_open');
  });

  it('lets one probe at a time through when half-open', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: time.now });
    breaker.recordFailure();
    time.advance(1_000);
    expect(breaker.wouldAllowRequest()).toBe(true);
    expect(breaker.wouldAllowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(false);
    expect(breaker.wouldAllowRequest()).toBe(false);
    expect(breaker.state()).toBe('half_open');
  });

  it('closes when the probe succeeds', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, now: time.now });
    failTimes(breaker, 2);
    time.advance(1_000);
    expect(breaker.allowRequest()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.snapshot()).toEqual({ state: 'closed', consecutiveFailures: 0, openedAt: null });
    expect(breaker.allowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(true);
  });

  it('reopens for another full cooldown when the probe fails', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, now: time.now });
    failTimes(breaker, 2);
    time.advance(1_500);
    expect(breaker.allowRequest()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state()).toBe('open');
    expect(breaker.snapshot().openedAt).toBe(1_001_500);
    time.advance(999);
    expect(breaker.allowRequest()).toBe(false);
    time.advance(1);
    expect(breaker.allowRequest()).toBe(true);
  });

  it('does not restart the cooldown for failures reported while open', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: time.now });
    breaker.recordFailure();
    time.advance(600);
    breaker.recordFailure();
    time.advance(400);
    expect(breaker.state()).toBe('half_open');
    expect(breaker.snapshot().openedAt).toBe(1_000_000);
  });

  it('does not close early on a late success reported while open', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: time.now });
    breaker.recordFailure();
    breaker.recordSuccess();
    expect(breaker.state()).toBe('open');
  });

  it('lets another request probe once a probe has gone unanswered for a cooldown', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: time.now });
    breaker.recordFailure();
    time.advance(1_000);
    expect(breaker.allowRequest()).toBe(true);
    time.advance(999);
    expect(breaker.allowRequest()).toBe(false);
    time.advance(1);
    expect(breaker.allowRequest()).toBe(true);
  });

  it('lets the next request probe at once when the probe is released (a throttle)', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: time.now });
    breaker.recordFailure();
    time.advance(1_000);
    expect(breaker.allowRequest()).toBe(true);
    breaker.releaseProbe();
    expect(breaker.allowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(false);
  });

  it('defaults to 5 failures and a 30 s cooldown', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ now: time.now });
    failTimes(breaker, 4);
    expect(breaker.state()).toBe('closed');
    breaker.recordFailure();
    expect(breaker.state()).toBe('open');
    time.advance(29_999);
    expect(breaker.state()).toBe('open');
    time.advance(1);
    expect(breaker.state()).toBe('half_open');
  });

  it.each([[{ failureThreshold: 0 }], [{ failureThreshold: 1.5 }], [{ cooldownMs: -1 }], [{ cooldownMs: Number.NaN }]])(
    'refuses nonsense options %o',
    (options) => {
      expect(() => new CircuitBreaker(options)).toThrow(RangeError);
    },
  );
});

describe('CircuitBreakers', () => {
  it('creates one breaker per carrier on first use and hands back the same one after', () => {
    const breakers = new CircuitBreakers({ failureThreshold: 1, cooldownMs: 1_000, now: clock().now });
    expect(breakers.snapshot()).toEqual({});
    const ucell = breakers.get('ucell-1');
    expect(breakers.get('ucell-1')).toBe(ucell);
    expect(breakers.get('beeline-1')).not.toBe(ucell);
  });

  it('keeps each carrier apart and reports all of them in the snapshot', () => {
    const breakers = new CircuitBreakers({ failureThreshold: 1, cooldownMs: 1_000, now: clock().now });
    breakers.get('ucell-1').recordFailure();
    breakers.get('beeline-1').recordSuccess();
    expect(breakers.get('beeline-1').allowRequest()).toBe(true);
    expect(breakers.snapshot()).toEqual({
      'ucell-1': { state: 'open', consecutiveFailures: 1, openedAt: 1_000_000 },
      'beeline-1': { state: 'closed', consecutiveFailures: 0, openedAt: null },
    });
  });
});
