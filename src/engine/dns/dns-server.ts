/**
 * A CoreDNS server built from a Corefile (core/dnsserver): one plugin chain per server block,
 * plugins in plugin.cfg order whatever their order in the file (loadbalance → cache → hosts →
 * kubernetes → forward for kubeadm's Corefile). A query goes to the block with the longest zone
 * that contains it (REFUSED when none does); only blocks on port 53 are reachable from pods.
 * A new configuration means a new server: caches start empty, as after a CoreDNS reload.
 */

import type { RRType, TraceActor, TraceHop } from '../../shared/dns-types';
import type { Random } from '../random';
import type { VirtualClock } from '../virtual-clock';
import type { CorefileConfig, ServerBlockConfig } from './corefile';
import type { DnsExchange, DnsQuestion } from './dns-message';
import type { ChainContext, ChainPlugin, NextHandler, PluginReply } from './plugin-chain';
import type { DnsEndpoint, DnsNetwork, ServerReply } from './upstream';
import type { ZoneLister } from './zone-lister';
import { CachePlugin } from './cache-plugin';
import { fqdn, matchZoneLower } from './dns-name';
import { replyTo } from './dns-message';
import { ForwardPlugin } from './forward-plugin';
import { COREDNS_ETC_HOSTS, HostsPlugin } from './hosts-plugin';
import { KubernetesPlugin } from './kubernetes-plugin';
import { LoadbalancePlugin } from './loadbalance-plugin';
import { composeChain } from './plugin-chain';

/** What a CoreDNS server reads besides its Corefile. */
export interface DnsServerDeps {
  lister: ZoneLister;
  clock: VirtualClock;
  random: Random;
  network: DnsNetwork;
  /** How the trace names this server (`coredns`, with the kube-dns service IP). */
  actor: TraceActor;
  /** Nameservers of the CoreDNS pod's /etc/resolv.conf (targets of `forward . /etc/resolv.conf`). */
  resolvConfNameservers: () => readonly string[];
  /** The answering CoreDNS pod's IPs (for its NS records). */
  localIPs: () => readonly string[];
  /** The CoreDNS container's /etc/hosts. */
  hostsFile?: string;
}

interface Block {
  config: ServerBlockConfig;
  plugins: ChainPlugin[];
  handler: NextHandler;
}

/** Upstream self-lookups deeper than this are a loop (CoreDNS's loop guard answers SERVFAIL). */
const MAX_DEPTH = 8;

/** One running CoreDNS configuration. */
export class DnsServer implements DnsEndpoint {
  readonly config: CorefileConfig;
  readonly actor: TraceActor;
  #blocks: Block[];
  #port53: Block[];
  #deps: DnsServerDeps;

  constructor(config: CorefileConfig, deps: DnsServerDeps) {
    this.config = config;
    this.actor = deps.actor;
    this.#deps = deps;
    this.#blocks = config.servers.map((server) => {
      const plugins = this.#plugins(server);
      return { config: server, plugins, handler: composeChain(plugins) };
    });
    this.#port53 = this.#blocks.filter((b) => b.config.port === 53);
  }

  /** The kubernetes plugins of all blocks (the DNS table reads their options). */
  kubernetesPlugins(): KubernetesPlugin[] {
    return this.#blocks.flatMap((b) => b.plugins.filter((p): p is KubernetesPlugin => p instanceof KubernetesPlugin));
  }

  /** DnsEndpoint: a query arriving on port 53. */
  handle(q: DnsQuestion, hops: TraceHop[]): ServerReply | undefined {
    return this.serve(q, hops, 53);
  }

  /** Answers `q` arriving on `port`; undefined when no server block listens there. */
  serve(q: DnsQuestion, hops: TraceHop[], port = 53, depth = 0): PluginReply | undefined {
    const onPort = port === 53 ? this.#port53 : this.#blocks.filter((b) => b.config.port === port);
    if (onPort.length === 0) return undefined;
    const name = fqdn(q.name).toLowerCase();
    let best: Block | undefined;
    let bestLen = -1;
    for (const b of onPort) {
      const z = matchZoneLower(b.config.zones, name);
      if (z !== '' && z.length > bestLen) {
        best = b;
        bestLen = z.length;
      }
    }
    if (!best) return { message: replyTo(q, 'REFUSED'), note: 'no server block for this zone' };
    const ctx: ChainContext = { hops, self: this.actor, depth };
    return best.handler(q, ctx);
  }

  /** A query from `from` straight to this server, with its own trace. */
  query(q: DnsQuestion, from: TraceActor = { kind: 'host', id: 'client' }): DnsExchange {
    const hops: TraceHop[] = [];
    const outcome = this.#deps.network.queryEndpoint(from, this, this.actor.ip ?? '', q, hops);
    return { message: outcome.message ?? replyTo(q, 'SERVFAIL'), hops, timedOut: outcome.timedOut || undefined };
  }

  #upstream(name: string, type: RRType, ctx: ChainContext): ReturnType<typeof replyTo> {
    const q: DnsQuestion = { name, type };
    const hop: Extract<TraceHop, { type: 'dns-query' }> = { type: 'dns-query', from: ctx.self, to: ctx.self, name, qtype: type, note: 'upstream lookup through itself (plugin/pkg/upstream)' };
    ctx.hops.push(hop);
    if (ctx.depth + 1 >= MAX_DEPTH) {
      hop.rcode = 'SERVFAIL';
      return replyTo(q, 'SERVFAIL');
    }
    const reply = this.serve(q, ctx.hops, 53, ctx.depth + 1);
    const message = reply?.message ?? replyTo(q, 'SERVFAIL');
    hop.rcode = message.rcode;
    hop.answers = message.answer;
    if (reply?.cache) hop.cache = reply.cache;
    return message;
  }

  #plugins(server: ServerBlockConfig): ChainPlugin[] {
    const d = this.#deps;
    const out: ChainPlugin[] = [];
    for (const p of server.plugins) {
      switch (p.plugin) {
        case 'loadbalance':
          out.push(new LoadbalancePlugin(d.random));
          break;
        case 'cache':
          out.push(new CachePlugin(p, d.clock, d.random));
          break;
        case 'hosts':
          out.push(new HostsPlugin(p, d.hostsFile ?? COREDNS_ETC_HOSTS));
          break;
        case 'kubernetes':
          out.push(new KubernetesPlugin(p, { lister: d.lister, localIPs: d.localIPs, upstream: (n, t, ctx) => this.#upstream(n, t, ctx) }));
          break;
        case 'forward':
          out.push(new ForwardPlugin(p, { network: d.network, resolvConfNameservers: d.resolvConfNameservers, random: d.random }));
          break;
        default:
          break; // errors, health, ready, prometheus, loop, reload, log…: no effect on answers
      }
    }
    return out;
  }
}
