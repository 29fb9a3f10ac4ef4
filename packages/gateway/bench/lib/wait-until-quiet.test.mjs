import { describe, expect, it } from 'vitest';
import { waitUntilQuiet } from './wait-until-quiet.mjs';

describe('waitUntilQuiet', () => {
  it('returns the last count once it stopped moving, with the time to the last change', async () => {
    let calls = 0;
    // Moves on the first five polls, then stays at 5.
    const count = () => Math.min(5, calls++);
    const { last, drainS } = await waitUntilQuiet(count, { quietMs: 100, timeoutMs: 5_000, pollMs: 10 });
    expect(last).toBe(5);
    expect(drainS).toBeGreaterThan(0);
  });

  it('stops at the timeout when the count never settles, counting what it saw', async () => {
    let value = 0;
    const { last } = await waitUntilQuiet(async () => ++value, { quietMs: 1_000, timeoutMs: 100, pollMs: 10 });
    expect(last).toBe(value);
  });

  it('reports no drain when nothing moved', async () => {
    const { last, drainS } = await waitUntilQuiet(() => 7, { quietMs: 50, timeoutMs: 1_000, pollMs: 10 });
    expect(last).toBe(7);
    expect(drainS).toBe(0);
  });
});
