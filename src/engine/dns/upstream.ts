/**
 * How a DNS query reaches a server: the simulated network maps server IPs to the servers that
 * listen there (CoreDNS behind the kube-dns service IP, the internal DNS, the internet's resolver
 * and name servers). Each query is one `dns-query` hop, pushed when the query leaves and filled
 * in (code, answers, cache hit) when the reply returns, so hops read in the order they happen.
 * A query to an address where nothing listens times out.
 */

import type { DnsMessage, TraceActor, TraceHop } from '../../shared/dns-types';
import type { DnsQuestion } from './dns-message';

/** A server's answer to one query; no answer at all is `undefined`. */
export interface ServerReply {
  message: DnsMessage;
  cache?: 'hit' | 'miss';
  note?: string;
}

/** Something that answers DNS queries at an address. */
export interface DnsEndpoint {
  readonly actor: TraceActor;
  /** Answers `q`; queries it makes go into `hops`. `rd`: recursion desired. */
  handle(q: DnsQuestion, hops: TraceHop[], opts: { rd: boolean; from: TraceActor }): ServerReply | undefined;
}

/** The outcome of sending one query. */
export interface QueryOutcome {
  message?: DnsMessage;
  timedOut: boolean;
}

/** Address → server registry, and the hop bookkeeping of every query. */
export class DnsNetwork {
  #endpoints = new Map<string, DnsEndpoint>();
  #actors = new WeakMap<DnsEndpoint, Map<string, TraceActor>>();

  /** The endpoint's actor with the address it was reached at (shared: hops treat actors as read-only). */
  #actorAt(endpoint: DnsEndpoint | undefined, ip: string): TraceActor {
    if (!endpoint) return { kind: 'host', id: ip, ip };
    let byIp = this.#actors.get(endpoint);
    if (!byIp) {
      byIp = new Map();
      this.#actors.set(endpoint, byIp);
    }
    let actor = byIp.get(ip);
    if (!actor || actor.id !== endpoint.actor.id) {
      actor = { ...endpoint.actor, ip };
      byIp.set(ip, actor);
    }
    return actor;
  }

  register(ip: string, endpoint: DnsEndpoint): void {
    this.#endpoints.set(ip, endpoint);
  }

  unregister(ip: string): void {
    this.#endpoints.delete(ip);
  }

  endpointAt(ip: string): DnsEndpoint | undefined {
    return this.#endpoints.get(ip);
  }

  /** Sends `q` from `from` to the server at `ip`. */
  query(from: TraceActor, ip: string, q: DnsQuestion, hops: TraceHop[], opts: { rd?: boolean } = {}): QueryOutcome {
    return this.queryEndpoint(from, this.#endpoints.get(ip), ip, q, hops, opts);
  }

  /** Sends `q` to a given server (reached at `ip`), recording the hop. */
  queryEndpoint(from: TraceActor, endpoint: DnsEndpoint | undefined, ip: string, q: DnsQuestion, hops: TraceHop[], opts: { rd?: boolean } = {}): QueryOutcome {
    const to = this.#actorAt(endpoint, ip);
    const hop: Extract<TraceHop, { type: 'dns-query' }> = { type: 'dns-query', from, to, name: q.name, qtype: q.type };
    hops.push(hop);
    const reply = endpoint?.handle(q, hops, { rd: opts.rd ?? true, from });
    if (!reply) {
      hop.note = 'no reply (timed out)';
      return { timedOut: true };
    }
    hop.rcode = reply.message.rcode;
    hop.answers = reply.message.answer;
    if (reply.cache) hop.cache = reply.cache;
    if (reply.note) hop.note = reply.note;
    return { message: reply.message, timedOut: false };
  }
}
