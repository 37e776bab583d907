/**
 * A cache whose entries age in virtual time: an entry stored with a TTL of N seconds is
 * returned with N − elapsed whole seconds left (Go's `int(now.Sub(stored).Seconds())`
 * truncation, as CoreDNS's cache item does) and is gone when nothing is left.
 */

/** An entry and its remaining lifetime. */
export interface CacheHit<T> {
  value: T;
  /** Whole seconds left. */
  remaining: number;
  /** Seconds since it was stored. */
  elapsed: number;
}

/** Entries keyed by string, each with its own TTL, aging with the clock passed to each call. */
export class TtlCache<T> {
  #entries = new Map<string, { value: T; storedAt: number; ttl: number }>();
  #capacity: number;
  #evict: (size: number) => number;

  /** `evict(size)` picks the index of the entry to drop when full (CoreDNS evicts at random). */
  constructor(capacity = Infinity, evict: (size: number) => number = () => 0) {
    this.#capacity = capacity;
    this.#evict = evict;
  }

  set(key: string, value: T, ttlSeconds: number, nowMs: number): void {
    if (!this.#entries.has(key) && this.#entries.size >= this.#capacity) {
      const victim = [...this.#entries.keys()][this.#evict(this.#entries.size)];
      if (victim !== undefined) this.#entries.delete(victim);
    }
    this.#entries.set(key, { value, storedAt: nowMs, ttl: ttlSeconds });
  }

  /** The entry if it has time left (or up to `staleMs` past it), else undefined. */
  get(key: string, nowMs: number, staleMs = 0): CacheHit<T> | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    const elapsed = Math.floor((nowMs - e.storedAt) / 1000);
    const remaining = e.ttl - elapsed;
    if (remaining > 0 || (staleMs > 0 && -remaining * 1000 < staleMs)) return { value: e.value, remaining, elapsed };
    return undefined;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
