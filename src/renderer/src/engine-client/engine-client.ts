/**
 * The renderer's engine client, whichever host runs the engine: in Electron the preload's
 * `window.svclab` (main forwards to a worker thread); in a plain browser (web mode) a Web Worker
 * started here. Nothing else in the renderer knows which.
 */
import type { EngineClient } from '../../../shared/engine-protocol';
import type { SvclabApi } from '../../../preload';
import { connectEngine } from '../../../engine/rpc/connect-engine';

declare global {
  interface Window {
    svclab?: SvclabApi;
  }
}

export function createEngineClient(): { client: EngineClient; host: 'electron' | 'web' } {
  const bridge = window.svclab;
  if (bridge) {
    const client: EngineClient = {
      request: (method, params) => bridge.engine.request(method, params),
      on: (event, listener) =>
        bridge.engine.onEvent((envelope) => {
          if (envelope.event === event) listener(envelope.payload as never);
        }),
      failPending: () => undefined,
    };
    return { client, host: 'electron' };
  }
  const worker = new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module' });
  const client = connectEngine({
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => {
      const wrapped = (event: MessageEvent): void => listener(event.data);
      worker.addEventListener('message', wrapped);
      return () => worker.removeEventListener('message', wrapped);
    },
  });
  return { client, host: 'web' };
}
