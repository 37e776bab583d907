/**
 * A deduplicating FIFO of object keys, the single-threaded core of client-go's workqueue: a key
 * queued twice before it is processed is synced once; a key queued while it is being processed is
 * queued again (the "dirty while processing" rule), so no change is ever lost.
 */

/** Deduplicating FIFO work queue of string keys. */
export class WorkQueue {
  #order: string[] = [];
  #head = 0;
  #queued = new Set<string>();

  /** Queues a key unless it is already waiting. */
  add(key: string): void {
    if (this.#queued.has(key)) return;
    this.#queued.add(key);
    this.#order.push(key);
  }

  /** Number of keys waiting. */
  get length(): number {
    return this.#queued.size;
  }

  /** True when the key is waiting. */
  has(key: string): boolean {
    return this.#queued.has(key);
  }

  /** Takes the oldest key off the queue (it may be queued again at once). */
  pop(): string | undefined {
    while (this.#head < this.#order.length) {
      const key = this.#order[this.#head++];
      if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
        this.#order = this.#order.slice(this.#head);
        this.#head = 0;
      }
      if (this.#queued.delete(key)) return key;
    }
    return undefined;
  }

  /** The waiting keys, oldest first (for inspection and tests). */
  keys(): string[] {
    return this.#order.slice(this.#head).filter((k) => this.#queued.has(k));
  }
}
