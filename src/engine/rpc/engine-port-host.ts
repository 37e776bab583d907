/**
 * What both host adapters (Node worker_threads and browser Web Worker) do, written once: build
 * the engine, serve it on the port, and drive its virtual clock from the host's real time. The
 * timer functions are injected, so the engine itself still owns none.
 */

import type { ClusterConfig } from '../../shared/cluster-config';
import { createEngine } from '../engine';
import { DnsTableTracker } from './dns-table-diff';
import { createEngineHandlers } from './engine-handlers';
import type { MessagePortLike } from './port';
import { serveEngine } from './serve-engine';
import { switchableEngine } from '../state/switchable-engine';

export interface HostTimers {
  /** Real milliseconds, monotonic. */
  now(): number;
  setInterval(run: () => void, ms: number): unknown;
}

/** How often the host advances virtual time (kubelet stages take seconds; 100 ms feels live). */
export const HOST_TICK_MS = 100;

export function hostEngine(port: MessagePortLike, timers: HostTimers, config?: Partial<ClusterConfig>): void {
  // Switchable: load, undo and reset replace the cluster; the tick and subscriptions follow it.
  const engine = switchableEngine(createEngine(config, undefined, { freezeObjects: false }));
  const handlers = createEngineHandlers(engine);
  // The DNS table crosses once (in the snapshot), then as row diffs with each change event.
  let dns = new DnsTableTracker(engine);
  const server = serveEngine(port, {
    ...handlers,
    snapshot: (input) => {
      const snap = handlers.snapshot(input);
      dns.reset();
      return snap;
    },
  });
  engine.onChange((payload) => server.emit('changed', { ...payload, dns: dns.next() }));
  engine.onSwitch(() => {
    // A new cluster: follow its DNS table, and tell the views to re-read everything.
    dns.dispose();
    dns = new DnsTableTracker(engine);
    server.emit('reset', { now: engine.now() });
  });
  let last = timers.now();
  timers.setInterval(() => {
    const now = timers.now();
    engine.advance(now - last);
    last = now;
    if (dns.configChanged()) server.emit('changed', { resourceVersion: engine.store.resourceVersion, now: engine.now(), changes: [], dns: dns.next() });
  }, HOST_TICK_MS);
}
