/**
 * Through the whole Electron path (main's EngineHost → worker port → hostEngine): undo, load and
 * reset replace the cluster, and the renderer hears `reset` so its views re-read everything.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvents } from '../../shared/engine-protocol';
import { hostEngine } from '../../engine/rpc/engine-port-host';
import { EngineHost, type WorkerLike } from '../engine-host';

/** A worker running the real engine host in-process (its clock tick never fires here). */
class InProcessWorker implements WorkerLike {
  #toMain: ((m: unknown) => void)[] = [];
  #toWorker = new Set<(m: unknown) => void>();

  constructor() {
    hostEngine(
      {
        postMessage: (m) => queueMicrotask(() => this.#toMain.forEach((l) => l(JSON.parse(JSON.stringify(m))))),
        onMessage: (l) => (this.#toWorker.add(l), () => this.#toWorker.delete(l)),
      },
      { now: () => 0, setInterval: () => undefined },
    );
  }
  postMessage(message: unknown): void {
    queueMicrotask(() => this.#toWorker.forEach((l) => l(message)));
  }
  on(event: 'message' | 'error' | 'exit', listener: (arg: never) => void): void {
    if (event === 'message') this.#toMain.push(listener as (m: unknown) => void);
  }
  terminate(): void {}
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: kubetm/app\n';

describe('the reset event reaches the renderer', () => {
  it.each([
    { name: 'undo', pods: 0, run: (h: EngineHost) => h.request('undoLastApply', null) },
    { name: 'reset', pods: 0, run: (h: EngineHost) => h.request('reset', null) },
    { name: 'load', pods: 1, run: async (h: EngineHost) => h.request('loadState', { snapshot: await h.request('saveState', null) }) },
  ])('after $name', async ({ run, pods }) => {
    const events: { event: keyof EngineEvents; payload: unknown }[] = [];
    const host = new EngineHost({ createWorker: () => new InProcessWorker(), onEvent: (event, payload) => events.push({ event, payload }), onRestart: () => undefined });
    await host.request('apply', { text: POD });
    events.length = 0;
    await run(host);
    await new Promise((done) => setTimeout(done, 0));
    expect(events.map((e) => e.event)).toContain('reset');
    const listed = (await host.request('list', { kind: 'Pod', namespace: 'default' })) as { items: unknown[] };
    expect(listed.items.length).toBe(pods);
    await host.stop();
  });
});
