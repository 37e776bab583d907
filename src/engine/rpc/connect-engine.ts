/** The client side of the engine RPC: a typed proxy whose methods return promises. */

import type { EngineClient, EngineEvents, EngineRequests } from '../../shared/engine-protocol';
import type { MessagePortLike } from './port';
import { isRpcMessage } from './rpc-messages';

export function connectEngine(port: MessagePortLike): EngineClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  port.onMessage((message) => {
    if (!isRpcMessage(message)) return;
    if (message.kind === 'reply') {
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    } else if (message.kind === 'event') {
      listeners.get(message.event)?.forEach((l) => l(message.payload));
    }
  });

  const request = <M extends keyof EngineRequests>(method: M, params: EngineRequests[M]['input']): Promise<EngineRequests[M]['output']> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      port.postMessage({ kind: 'request', id, method, params });
    });

  return {
    request,
    on: <E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    /** Rejects every request still waiting (the worker died); the host restarts it. */
    failPending: (reason: string) => {
      for (const waiter of pending.values()) waiter.reject(new Error(reason));
      pending.clear();
    },
  };
}
