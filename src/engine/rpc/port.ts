/**
 * The smallest message-port shape both hosts offer: Node's worker_threads `MessagePort`/`parentPort`
 * (via an adapter) and the browser's `Worker`/`DedicatedWorkerGlobalScope`. Only structured-clone
 * data crosses it.
 */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  /** Subscribes to incoming messages; returns the unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/** Two connected in-memory ports, delivering asynchronously like real ports (for tests). */
export function createPortPair(schedule: (run: () => void) => void): [MessagePortLike, MessagePortLike] {
  const listeners: [Set<(m: unknown) => void>, Set<(m: unknown) => void>] = [new Set(), new Set()];
  const make = (self: 0 | 1): MessagePortLike => ({
    postMessage: (message) => {
      // A real port structured-clones; JSON is close enough for the plain data we send.
      const copy = JSON.parse(JSON.stringify(message)) as unknown;
      schedule(() => listeners[1 - self].forEach((l) => l(copy)));
    },
    onMessage: (listener) => {
      listeners[self].add(listener);
      return () => listeners[self].delete(listener);
    },
  });
  return [make(0), make(1)];
}
