import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PduTraceEntry } from './pdu-trace';
import { createPduTraceBuffer } from './pdu-trace-buffer';

const entry = (sequence: number, carrier = 'a', bind = `${carrier}#1`): PduTraceEntry => ({
  at: sequence,
  carrier,
  bind,
  direction: 'out',
  command: 'enquire_link',
  sequence,
});

const sequences = (entries: readonly PduTraceEntry[]) => entries.map((e) => e.sequence);

describe('createPduTraceBuffer', () => {
  it('returns what it was given, oldest first', () => {
    const buffer = createPduTraceBuffer(5);
    for (const n of [1, 2, 3]) buffer.sink(entry(n));
    expect(sequences(buffer.entries())).toEqual([1, 2, 3]);
  });

  it('keeps only the newest `capacity` entries', () => {
    const buffer = createPduTraceBuffer(3);
    for (let n = 1; n <= 7; n++) buffer.sink(entry(n));
    expect(sequences(buffer.entries())).toEqual([5, 6, 7]);
  });

  it('holds 1000 entries by default', () => {
    const buffer = createPduTraceBuffer();
    for (let n = 1; n <= 1001; n++) buffer.sink(entry(n));
    const entries = buffer.entries();
    expect(entries).toHaveLength(1000);
    expect(entries[0]?.sequence).toBe(2);
  });

  it('always equals the last `capacity` entries written, whatever the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 100 }), (capacity, count) => {
        const buffer = createPduTraceBuffer(capacity);
        const all = Array.from({ length: count }, (_, n) => entry(n));
        for (const e of all) buffer.sink(e);
        expect(buffer.entries()).toEqual(all.slice(Math.max(0, count - capacity)));
      }),
    );
  });

  it('filters by carrier and bind', () => {
    const buffer = createPduTraceBuffer(10);
    buffer.sink(entry(1, 'a', 'a#1'));
    buffer.sink(entry(2, 'b', 'b#1'));
    buffer.sink(entry(3, 'a', 'a#2'));
    buffer.sink(entry(4, 'a', 'a#1'));
    expect(sequences(buffer.entries({ carrier: 'a' }))).toEqual([1, 3, 4]);
    expect(sequences(buffer.entries({ bind: 'a#1' }))).toEqual([1, 4]);
    expect(sequences(buffer.entries({ carrier: 'b', bind: 'a#1' }))).toEqual([]);
  });

  it('limits to the newest matching entries', () => {
    const buffer = createPduTraceBuffer(10);
    for (let n = 1; n <= 6; n++) buffer.sink(entry(n, n % 2 === 0 ? 'even' : 'odd'));
    expect(sequences(buffer.entries({ limit: 2 }))).toEqual([5, 6]);
    expect(sequences(buffer.entries({ carrier: 'odd', limit: 2 }))).toEqual([3, 5]);
    expect(sequences(buffer.entries({ limit: 0 }))).toEqual([]);
    expect(sequences(buffer.entries({ limit: 50 }))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('returns a copy the caller may keep', () => {
    const buffer = createPduTraceBuffer(2);
    buffer.sink(entry(1));
    const before = buffer.entries();
    buffer.sink(entry(2));
    buffer.sink(entry(3));
    expect(sequences(before)).toEqual([1]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a capacity of %d', (capacity) => {
    expect(() => createPduTraceBuffer(capacity)).toThrow(RangeError);
  });
});
