import { describe, expect, it } from 'vitest';
import type { EngineHandlers } from '../shared/engine-protocol';
import type { EngineRestartNotice } from '../shared/ipc-contract';
import { serveEngine } from '../engine/rpc/serve-engine';
import { EngineHost, type WorkerLike } from './engine-host';

/** A fake worker: serves fixed handlers over an in-process "port"; `die()` simulates a crash. */
class FakeWorker implements WorkerLike {
  static created: FakeWorker[] = [];
  #listeners: Record<string, ((arg: never) => void)[]> = { message: [], error: [], exit: [] };
  #toServer = new Set<(m: unknown) => void>();
  terminated = false;

  constructor(generation: number) {
    FakeWorker.created.push(this);
    const handlers = { settle: () => ({ now: generation }) } as unknown as EngineHandlers;
    serveEngine(
      {
        postMessage: (m) => queueMicrotask(() => this.#listeners.message.forEach((l) => l(m as never))),
        onMessage: (l) => (this.#toServer.add(l), () => this.#toServer.delete(l)),
      },
      handlers,
    );
  }

  postMessage(message: unknown): void {
    if (!this.terminated) queueMicrotask(() => this.#toServer.forEach((l) => l(message)));
  }

  on(event: 'message' | 'error' | 'exit', listener: (arg: never) => void): void {
    this.#listeners[event].push(listener);
  }

  die(code = 1): void {
    this.terminated = true;
    this.#listeners.exit.forEach((l) => l(code as never));
  }

  terminate(): void {
    this.terminated = true;
  }
}

function newHost(maxRestarts?: number) {
  FakeWorker.created = [];
  const notices: EngineRestartNotice[] = [];
  let generation = 0;
  const host = new EngineHost({
    createWorker: () => new FakeWorker(++generation),
    onEvent: () => undefined,
    onRestart: (n) => notices.push(n),
    maxRestarts,
  });
  return { host, notices };
}

describe('engine host', () => {
  it('forwards requests to the worker', async () => {
    const { host } = newHost();
    await expect(host.request('settle', null)).resolves.toEqual({ now: 1 });
  });

  it('restarts a dead worker, fails what was pending with a clear message, and tells the UI', async () => {
    const { host, notices } = newHost();
    const pending = host.request('settle', null);
    FakeWorker.created[0].die(134);
    await expect(pending).rejects.toThrow('the simulation engine stopped (exit code 134); it is being restarted');
    expect(notices).toEqual([{ reason: 'exit code 134', restarts: 1 }]);
    await expect(host.request('settle', null)).resolves.toEqual({ now: 2 });
  });

  it('gives up after repeated deaths without a successful request between, and says so', () => {
    const { notices } = newHost(2);
    for (let i = 0; i < 3; i++) FakeWorker.created[i].die();
    expect(FakeWorker.created).toHaveLength(3);
    expect(notices.at(-1)?.reason).toContain('not restarting after 3 failures in a row');
  });

  it('does not restart after stop()', async () => {
    const { host, notices } = newHost();
    await host.stop();
    FakeWorker.created[0].die();
    expect(notices).toEqual([]);
  });
});
