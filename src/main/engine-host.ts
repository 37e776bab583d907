/**
 * Main's side of the engine: starts the worker, forwards requests, restarts the worker if it dies
 * (and says so, so the UI can re-read state and tell the user). The worker factory is injected, so
 * this runs in plain Node tests with a fake worker.
 */

import type { EngineClient, EngineEvents, EngineRequests } from '../shared/engine-protocol';
import type { EngineRestartNotice } from '../shared/ipc-contract';
import { connectEngine } from '../engine/rpc/connect-engine';

/** The part of worker_threads.Worker main uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  terminate(): Promise<number> | void;
}

export interface EngineHostOptions {
  createWorker: () => WorkerLike;
  onEvent: <E extends keyof EngineEvents>(event: E, payload: EngineEvents[E]) => void;
  onRestart: (notice: EngineRestartNotice) => void;
  /** Give up restarting after this many deaths in a row without a successful request between. */
  maxRestarts?: number;
}

export class EngineHost {
  #options: EngineHostOptions;
  #worker!: WorkerLike;
  #client!: EngineClient;
  #restarts = 0;
  #failuresInRow = 0;
  #stopped = false;

  constructor(options: EngineHostOptions) {
    this.#options = options;
    this.#start();
  }

  get restarts(): number {
    return this.#restarts;
  }

  async request<M extends keyof EngineRequests>(method: M, params: EngineRequests[M]['input']): Promise<EngineRequests[M]['output']> {
    const result = await this.#client.request(method, params);
    this.#failuresInRow = 0;
    return result;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#worker.terminate();
  }

  #start(): void {
    const worker = this.#options.createWorker();
    const listeners = new Set<(m: unknown) => void>();
    worker.on('message', (message) => listeners.forEach((l) => l(message)));
    const client = connectEngine({
      postMessage: (message) => worker.postMessage(message),
      onMessage: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    client.on('changed', (payload) => this.#options.onEvent('changed', payload));
    // The cluster was replaced (load, undo, reset: src/engine/state): the views re-read everything.
    client.on('reset', (payload) => this.#options.onEvent('reset', payload));
    let died = false;
    const onDeath = (reason: string): void => {
      if (died || this.#stopped) return;
      died = true;
      client.failPending(`the simulation engine stopped (${reason}); it is being restarted`);
      this.#failuresInRow++;
      if (this.#failuresInRow > (this.#options.maxRestarts ?? 5)) {
        this.#options.onRestart({ reason: `${reason}; not restarting after ${this.#failuresInRow} failures in a row`, restarts: this.#restarts });
        return;
      }
      this.#restarts++;
      this.#start();
      this.#options.onRestart({ reason, restarts: this.#restarts });
    };
    worker.on('error', (error) => onDeath(error.message));
    worker.on('exit', (code) => onDeath(`exit code ${code}`));
    this.#worker = worker;
    this.#client = client;
  }
}
