/**
 * What both host adapters (Node worker_threads and browser Web Worker) do, written once: build
 * the engine, serve it on the port, and drive its virtual clock from the host's real time. The
 * timer functions are injected, so the engine itself still owns none.
 */

import type { ClusterConfig } from '../../shared/cluster-config';
import { createEngine } from '../engine';
import { createEngineHandlers } from './engine-handlers';
import type { MessagePortLike } from './port';
import { serveEngine } from './serve-engine';

export interface HostTimers {
  /** Real milliseconds, monotonic. */
  now(): number;
  setInterval(run: () => void, ms: number): unknown;
}

/** How often the host advances virtual time (kubelet stages take seconds; 100 ms feels live). */
export const HOST_TICK_MS = 100;

export function hostEngine(port: MessagePortLike, timers: HostTimers, config?: Partial<ClusterConfig>): void {
  const engine = createEngine(config, undefined, { freezeObjects: false });
  const server = serveEngine(port, createEngineHandlers(engine));
  engine.onChange((payload) => server.emit('changed', payload));
  let last = timers.now();
  timers.setInterval(() => {
    const now = timers.now();
    engine.advance(now - last);
    last = now;
  }, HOST_TICK_MS);
}
