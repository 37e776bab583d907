/**
 * Runs the controllers round-robin until none has work, like kube-controller-manager's informer
 * loop collapsed into one thread. Bounded: a controller pair that keeps re-queueing each other
 * (a write that is never a no-op) is reported as a loop instead of hanging the engine.
 */

import type { Controller, SyncFailure } from './controller';

/** Outcome of one `runUntilQuiet()`. */
export interface SettleReport {
  /** Round-robin passes made. */
  rounds: number;
  /** Keys synced in total. */
  synced: number;
  /** False when the bound was reached with work still queued: a controller loop. */
  converged: boolean;
  /** Names of controllers still holding work when the bound was reached. */
  busy: string[];
  /** Syncs that threw during this run. */
  failures: SyncFailure[];
}

/** Drives a set of controllers to quiescence. */
export class ControllerManager {
  readonly #controllers: Controller[] = [];
  readonly #maxRounds: number;

  constructor(controllers: readonly Controller[] = [], options: { maxRounds?: number } = {}) {
    this.#controllers.push(...controllers);
    this.#maxRounds = options.maxRounds ?? 1000;
  }

  /** Adds a controller to the rotation. */
  add(controller: Controller): void {
    this.#controllers.push(controller);
  }

  /** The controllers, in rotation order. */
  get controllers(): readonly Controller[] {
    return this.#controllers;
  }

  /** True when any controller has queued keys. */
  hasWork(): boolean {
    return this.#controllers.some((c) => c.hasWork());
  }

  /** Processes queues round-robin until all are empty or the round bound is hit. */
  runUntilQuiet(): SettleReport {
    let rounds = 0;
    let synced = 0;
    const before = new Map(this.#controllers.map((c) => [c, failureCount(c)]));
    while (this.hasWork() && rounds < this.#maxRounds) {
      rounds++;
      for (const controller of this.#controllers) if (controller.hasWork()) synced += controller.processQueue();
    }
    const failures: SyncFailure[] = [];
    for (const controller of this.#controllers) {
      const fresh = failureCount(controller) - (before.get(controller) ?? 0);
      if (fresh > 0) failures.push(...failuresOf(controller).slice(-fresh));
    }
    const converged = !this.hasWork();
    return { rounds, synced, converged, busy: converged ? [] : this.#controllers.filter((c) => c.hasWork()).map((c) => c.name), failures };
  }
}

function failuresOf(controller: Controller): readonly SyncFailure[] {
  const maybe = controller as Partial<{ failures(): readonly SyncFailure[] }>;
  return typeof maybe.failures === 'function' ? maybe.failures() : [];
}

function failureCount(controller: Controller): number {
  const maybe = controller as Partial<{ failureTotal: number }>;
  return typeof maybe.failureTotal === 'number' ? maybe.failureTotal : failuresOf(controller).length;
}
