import { describe, expect, it } from 'vitest';
import type { FaultSpec } from './fault';
import { createFaultRegistry } from './fault-controller';

describe('fault registry', () => {
  it('applies a fault until cleared, or `count` times', () => {
    const faults = createFaultRegistry(() => {});
    const id = faults.set({ kind: 'throttle' });
    faults.set({ kind: 'queue-full', count: 1 });
    expect(faults.take(['throttle'], 'acme', '1')?.kind).toBe('throttle');
    expect(faults.take(['throttle'], 'acme', '1')?.kind).toBe('throttle');
    expect(faults.take(['queue-full'], 'acme', '1')?.kind).toBe('queue-full');
    expect(faults.take(['queue-full'], 'acme', '1')).toBeNull();
    faults.clear(id);
    expect(faults.list()).toEqual([]);
  });

  it('matches by account and destination', () => {
    const faults = createFaultRegistry(() => {});
    faults.set({ kind: 'throttle', account: 'acme', destination: '998901112233' });
    expect(faults.take(['throttle'], 'other', '998901112233')).toBeNull();
    expect(faults.take(['throttle'], 'acme', '998909999999')).toBeNull();
    expect(faults.take(['throttle'], 'acme', '998901112233')).not.toBeNull();
  });

  it('drops at once without afterSubmits, else on the submit after N', () => {
    const dropped: FaultSpec[] = [];
    const faults = createFaultRegistry((spec) => dropped.push(spec));
    faults.set({ kind: 'drop', account: 'acme' });
    expect(dropped).toHaveLength(1);
    expect(faults.list()).toEqual([]);

    faults.set({ kind: 'drop', afterSubmits: 2 });
    expect([faults.dropDue('acme', '1'), faults.dropDue('acme', '1'), faults.dropDue('acme', '1')]).toEqual([
      false,
      false,
      true,
    ]);
    expect(faults.dropDue('acme', '1')).toBe(false);
  });
});
