/**
 * A read-through cache of promises with a time to live, for rows that change
 * rarely and are read on every request (an API key by hash, an account's
 * senders). Concurrent misses share one load; a failed load is not kept.
 * Entries are evicted oldest first beyond `maxEntries`. Staleness is bounded
 * by `ttlMs` for writes made elsewhere (another process, the CLI); writes
 * made through this process call `delete`/`clear` and are seen at once.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 10_000,
  ) {}

  /** The cached value of `key`, or `load()`'s; `keep(value)` false leaves a result uncached (misses). */
  get(key: string, now: number, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit !== undefined && now - hit.at < this.ttlMs && now >= hit.at) return hit.value;
    if (hit !== undefined) this.#entries.delete(key);
    const value = load();
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    const entry = { at: now, value };
    this.#entries.set(key, entry);
    value.then(
      (result) => {
        if (!keep(result) && this.#entries.get(key) === entry) this.#entries.delete(key);
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return value;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
