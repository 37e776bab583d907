/**
 * The forward plugin (plugin/forward/forward.go): queries under FROM (and not under an `except`
 * zone) go to the upstreams, in the order the policy picks (random by default; round_robin;
 * sequential); the first upstream that answers wins and its reply is passed on as it is. When
 * none answers: SERVFAIL. `/etc/resolv.conf` means the nameservers of the CoreDNS pod's own
 * resolv.conf — with kubeadm's `dnsPolicy: Default`, the node's.
 */

import type { Random } from '../random';
import type { ForwardConfig } from './corefile';
import type { DnsQuestion } from './dns-message';
import type { ChainContext, ChainPlugin, NextHandler, PluginReply } from './plugin-chain';
import type { DnsNetwork } from './upstream';
import { fqdn, isSubdomain } from './dns-name';
import { replyTo } from './dns-message';

/** What forward needs from its surroundings. */
export interface ForwardDeps {
  network: DnsNetwork;
  /** Nameservers listed in the CoreDNS pod's /etc/resolv.conf. */
  resolvConfNameservers: () => readonly string[];
  random: Random;
}

/** The forward plugin. */
export class ForwardPlugin implements ChainPlugin {
  readonly name = 'forward';
  readonly config: ForwardConfig;
  #deps: ForwardDeps;
  #random: Random;
  #rr = 0;

  constructor(config: ForwardConfig, deps: ForwardDeps) {
    this.config = config;
    this.#deps = deps;
    this.#random = deps.random.fork('forward');
  }

  /** The upstream IPs, resolv.conf entries expanded. */
  upstreams(): string[] {
    const out: string[] = [];
    for (const t of this.config.to) {
      if (t.kind === 'address') out.push(t.ip);
      else for (const ip of this.#deps.resolvConfNameservers()) out.push(ip);
    }
    return out;
  }

  serve(q: DnsQuestion, ctx: ChainContext, next: NextHandler): PluginReply {
    const name = fqdn(q.name).toLowerCase();
    if (!this.#match(name)) return next(q, ctx);
    const list = this.#ordered(this.upstreams());
    for (const ip of list) {
      const outcome = this.#deps.network.query(ctx.self, ip, q, ctx.hops, { rd: true });
      if (outcome.message) return { message: outcome.message };
    }
    return { message: replyTo(q, 'SERVFAIL'), note: list.length === 0 ? 'no forwarder defined' : 'no healthy proxies' };
  }

  #match(name: string): boolean {
    if (!isSubdomain(this.config.from, name)) return false;
    if (name === this.config.from) return true;
    return !this.config.except.some((z) => isSubdomain(z, name));
  }

  #ordered(ips: string[]): string[] {
    if (ips.length <= 1) return ips;
    switch (this.config.policy) {
      case 'sequential':
        return ips;
      case 'round_robin': {
        const i = this.#rr++ % ips.length;
        return [...ips.slice(i), ...ips.slice(0, i)];
      }
      default: {
        const out = ips.slice();
        for (let i = out.length - 1; i > 0; i--) {
          const j = this.#random.int(i + 1);
          [out[i], out[j]] = [out[j], out[i]];
        }
        return out;
      }
    }
  }
}
