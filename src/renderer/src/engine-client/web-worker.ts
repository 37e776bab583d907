/** Web mode's engine host: the same pure engine in a browser Web Worker. */
import { hostEngine } from '../../../engine/rpc/engine-port-host';

const scope = self as unknown as { postMessage(m: unknown): void; addEventListener(t: 'message', l: (e: MessageEvent) => void): void; removeEventListener(t: 'message', l: (e: MessageEvent) => void): void };
hostEngine(
  {
    postMessage: (message) => scope.postMessage(message),
    onMessage: (listener) => {
      const wrapped = (event: MessageEvent): void => listener(event.data);
      scope.addEventListener('message', wrapped);
      return () => scope.removeEventListener('message', wrapped);
    },
  },
  { now: () => performance.now(), setInterval: (run, ms) => setInterval(run, ms) },
);
