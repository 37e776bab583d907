/**
 * Serves a handler object over a port: each request calls the handler of the same name and the
 * reply carries its result. The handler type is checked against the protocol, so a request the
 * protocol declares but the engine does not serve fails to compile.
 */

import type { EngineEvents, EngineHandlers } from '../../shared/engine-protocol';
import type { MessagePortLike } from './port';
import { isRpcMessage, type ReplyMessage } from './rpc-messages';

export interface EngineServer {
  /** Pushes an event to the connected client. */
  emit<E extends keyof EngineEvents>(event: E, payload: EngineEvents[E]): void;
  close(): void;
}

export function serveEngine(port: MessagePortLike, handlers: EngineHandlers): EngineServer {
  const unsubscribe = port.onMessage((message) => {
    if (!isRpcMessage(message) || message.kind !== 'request') return;
    const handler = (handlers as unknown as Record<string, ((params: unknown) => unknown) | undefined>)[message.method];
    let reply: ReplyMessage;
    if (!handler || !Object.prototype.hasOwnProperty.call(handlers, message.method)) {
      reply = { kind: 'reply', id: message.id, error: { message: `unknown method "${message.method}"` } };
    } else {
      try {
        reply = { kind: 'reply', id: message.id, result: handler.call(handlers, message.params) };
      } catch (error) {
        // No exception reaches the user as a crash: it becomes an error reply the UI words.
        reply = { kind: 'reply', id: message.id, error: { message: error instanceof Error ? error.message : String(error) } };
      }
    }
    port.postMessage(reply);
  });
  return {
    emit: (event, payload) => port.postMessage({ kind: 'event', event, payload }),
    close: unsubscribe,
  };
}
