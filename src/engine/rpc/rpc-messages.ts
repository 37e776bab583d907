/** Wire format of the engine RPC: requests with ids, their replies, and pushed events. */

export interface RequestMessage {
  kind: 'request';
  id: number;
  method: string;
  params: unknown;
}

export interface ReplyMessage {
  kind: 'reply';
  id: number;
  result?: unknown;
  /** A failure the engine could not turn into a result (a bug); the message is shown, never a stack. */
  error?: { message: string };
}

export interface EventMessage {
  kind: 'event';
  event: string;
  payload: unknown;
}

export type RpcMessage = RequestMessage | ReplyMessage | EventMessage;

export function isRpcMessage(value: unknown): value is RpcMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'request' || kind === 'reply' || kind === 'event';
}
