/** Electron mode's engine host: a worker_threads Worker running the pure engine. */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { hostEngine } from '../engine/rpc/engine-port-host';

if (parentPort) {
  const port = parentPort;
  hostEngine(
    {
      postMessage: (message) => port.postMessage(message),
      onMessage: (listener) => {
        port.on('message', listener);
        return () => port.off('message', listener);
      },
    },
    { now: () => performance.now(), setInterval: (run, ms) => setInterval(run, ms) },
    workerData?.config,
  );
}
