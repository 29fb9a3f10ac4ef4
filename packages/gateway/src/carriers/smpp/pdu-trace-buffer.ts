import type { PduTraceEntry, PduTraceSink } from './pdu-trace';

export interface PduTraceFilter {
  readonly carrier?: string;
  readonly bind?: string;
  /** At most this many: the newest that match. */
  readonly limit?: number;
}

/** The last `capacity` trace entries in memory, for an operator endpoint to serve. */
export interface PduTraceBuffer {
  /** Pass as `SmppConnectorOptions.trace` (one buffer may take several carriers). */
  readonly sink: PduTraceSink;
  /** Matching entries, oldest first. */
  entries(filter?: PduTraceFilter): PduTraceEntry[];
}

/**
 * A ring of the last `capacity` entries: a fixed array and a write index, so the sink is O(1) and
 * memory stays bounded however long the binds run.
 *
 * @throws RangeError when `capacity` is not a positive integer.
 */
export function createPduTraceBuffer(capacity = 1000): PduTraceBuffer {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`PDU trace capacity must be a positive integer, got ${capacity}`);
  }
  const ring: (PduTraceEntry | undefined)[] = new Array(capacity);
  let next = 0;
  let size = 0;

  return {
    sink(entry) {
      ring[next] = entry;
      next = (next + 1) % capacity;
      if (size < capacity) size += 1;
    },
    entries(filter = {}) {
      const limit = Math.min(size, Math.max(0, Math.floor(filter.limit ?? size)));
      const picked: PduTraceEntry[] = [];
      // Newest first, so `limit` keeps the most recent; reversed to read in order.
      for (let seen = 1; seen <= size && picked.length < limit; seen++) {
        const entry = ring[(next - seen + capacity) % capacity]!;
        if (filter.carrier !== undefined && entry.carrier !== filter.carrier) continue;
        if (filter.bind !== undefined && entry.bind !== filter.bind) continue;
        picked.push(entry);
      }
      return picked.reverse();
    },
  };
}
