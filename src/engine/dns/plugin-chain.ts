/**
 * CoreDNS's plugin chain (plugin/plugin.go `Handler`, `NextOrFailure`): each plugin answers a
 * query or hands it to the next one. A reply carries the message and, when the cache plugin
 * looked, whether it was a hit. Hops of queries a plugin makes (forward → upstream) are appended
 * to the context's trace as they happen.
 */

import type { TraceActor, TraceHop } from '../../shared/dns-types';
import type { DnsQuestion } from './dns-message';
import { replyTo } from './dns-message';
import type { DnsMessage } from '../../shared/dns-types';

/** One query's context inside a server. */
export interface ChainContext {
  /** Where hops are recorded. */
  hops: TraceHop[];
  /** Who this server is, as the trace names it. */
  self: TraceActor;
  /** Nesting of upstream self-lookups (ExternalName chasing); CoreDNS's loop guard. */
  depth: number;
}

/** A plugin's answer. */
export interface PluginReply {
  message: DnsMessage;
  cache?: 'hit' | 'miss';
  /** Why a plugin answered as it did, for the trace. */
  note?: string;
}

export type NextHandler = (q: DnsQuestion, ctx: ChainContext) => PluginReply;

/** A plugin in the chain. */
export interface ChainPlugin {
  readonly name: string;
  serve(q: DnsQuestion, ctx: ChainContext, next: NextHandler): PluginReply;
}

/** NextOrFailure at the end of the chain: SERVFAIL ("no next plugin found"). */
export function endOfChain(q: DnsQuestion): PluginReply {
  return { message: replyTo(q, 'SERVFAIL'), note: 'no next plugin found' };
}

/** Composes plugins (in plugin.cfg order) into one handler. */
export function composeChain(plugins: readonly ChainPlugin[]): NextHandler {
  let next: NextHandler = (q) => endOfChain(q);
  for (let i = plugins.length - 1; i >= 0; i--) {
    const plugin = plugins[i];
    const after = next;
    next = (q, ctx) => plugin.serve(q, ctx, after);
  }
  return next;
}
