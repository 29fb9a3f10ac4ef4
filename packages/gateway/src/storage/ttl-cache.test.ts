import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('serves a loaded value until its time to live has passed, then loads again', async () => {
    const cache = new TtlCache<number>(1_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', 0, load)).toBe(1);
    expect(await cache.get('k', 999, load)).toBe(1);
    expect(await cache.get('k', 1_000, load)).toBe(2);
  });

  it('shares one load between concurrent misses', async () => {
    const cache = new TtlCache<number>(1_000);
    let loads = 0;
    const load = async () => ++loads;
    const values = await Promise.all([cache.get('k', 0, load), cache.get('k', 0, load), cache.get('k', 0, load)]);
    expect(values).toEqual([1, 1, 1]);
    expect(loads).toBe(1);
  });

  it('does not keep results the caller refuses, nor failed loads', async () => {
    const cache = new TtlCache<number | undefined>(1_000);
    expect(
      await cache.get(
        'miss',
        0,
        async () => undefined,
        (v) => v !== undefined,
      ),
    ).toBeUndefined();
    expect(
      await cache.get(
        'miss',
        1,
        async () => 7,
        (v) => v !== undefined,
      ),
    ).toBe(7);
    await expect(cache.get('boom', 0, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('boom', 1, async () => 3)).toBe(3);
  });

  it('forgets everything on clear and evicts the oldest entry beyond its capacity', async () => {
    const cache = new TtlCache<string>(1_000, 2);
    await cache.get('a', 0, async () => 'a1');
    cache.clear();
    expect(await cache.get('a', 1, async () => 'a2')).toBe('a2');
    await cache.get('b', 1, async () => 'b');
    await cache.get('c', 1, async () => 'c');
    expect(await cache.get('a', 2, async () => 'a3')).toBe('a3');
  });

  it('reloads when the clock goes backwards', async () => {
    const cache = new TtlCache<number>(1_000);
    await cache.get('k', 5_000, async () => 1);
    expect(await cache.get('k', 4_000, async () => 2)).toBe(2);
  });
});
