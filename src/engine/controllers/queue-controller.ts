/**
 * Base class of the simulated controllers: a WorkQueue, a bounded drain per call and a record of
 * syncs that threw. Subclasses subscribe to `store.watch` in their constructor, enqueue keys from
 * the events (never rescanning the world) and implement `sync(key)` idempotently.
 */

import type { Controller, SyncFailure } from './controller';
import { WorkQueue } from './work-queue';

/** A Controller driven by a deduplicating work queue of keys. */
export abstract class QueueController implements Controller {
  abstract readonly name: string;
  protected readonly queue = new WorkQueue();
  #failures: SyncFailure[] = [];
  #failureTotal = 0;
  #syncs = 0;

  hasWork(): boolean {
    return this.queue.length > 0;
  }

  processQueue(): number {
    let budget = this.queue.length;
    let done = 0;
    while (budget-- > 0) {
      const key = this.queue.pop();
      if (key === undefined) break;
      this.#syncs++;
      try {
        this.sync(key);
      } catch (err) {
        this.#failureTotal++;
        this.#failures.push({ controller: this.name, key, error: err instanceof Error ? err.message : String(err) });
        if (this.#failures.length > 100) this.#failures.shift();
      }
      done++;
    }
    return done;
  }

  /** Keys waiting to be synced, oldest first. */
  pendingKeys(): string[] {
    return this.queue.keys();
  }

  /** How many syncs ran since construction (tests count work with it). */
  get syncCount(): number {
    return this.#syncs;
  }

  /** How many syncs threw since construction. */
  get failureTotal(): number {
    return this.#failureTotal;
  }

  /** Syncs that threw, most recent last (at most 100 kept). */
  failures(): readonly SyncFailure[] {
    return this.#failures;
  }

  /** Reconciles one key; must be idempotent and deterministic. */
  protected abstract sync(key: string): void;
}
