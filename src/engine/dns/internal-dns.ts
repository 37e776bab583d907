/**
 * The internal network's DNS server, modelled on dnsmasq as small offices run it
 * (`domain=lab.internal`, `expand-hosts`, `local=/lab.internal/`, `domain-needed`, `bogus-priv`,
 * upstream the public resolver):
 * - hosts from its /etc/hosts answer by short name and under the domain (`user1`,
 *   `user1.lab.internal`), with dnsmasq's default local TTL of 0, and by address (PTR);
 * - other names under the local domain, plain single-label names and private-range reverse
 *   names are answered NXDOMAIN locally (no SOA: dnsmasq is no authoritative server for them);
 * - everything else is forwarded upstream and the reply cached, each record aging from its own
 *   TTL; negative replies are cached only when they carry an SOA (dnsmasq's default `neg-ttl`).
 */

import type { DnsMessage, ResourceRecord, TraceActor, TraceHop } from '../../shared/dns-types';
import type { VirtualClock } from '../virtual-clock';
import type { World, WorldHost } from '../world/world';
import type { DnsQuestion } from './dns-message';
import type { DnsEndpoint, DnsNetwork, ServerReply } from './upstream';
import { addressFromReverseName, canonicalIP, cidrContains, ipFamily, parseCidr } from '../net/ip-address';
import { countDots, fqdn, isSubdomain } from './dns-name';
import { parseSoa, replyTo, rr, withTtl } from './dns-message';
import { typify } from './response-type';
import { TtlCache } from './ttl-cache';

/** Options of the internal DNS server. */
export interface InternalDnsOptions {
  world: World;
  network: DnsNetwork;
  clock: VirtualClock;
  /** TTL of answers from its hosts file (dnsmasq `local-ttl`, default 0). */
  localTtl?: number;
  /** Extra /etc/hosts lines (`IP name...`). */
  extraHosts?: string[];
}

/** RFC 1918 ranges: `bogus-priv` answers their reverse names locally. */
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c)!);

/** The hosts file the internal DNS serves: router, itself, the nodes and the PCs. */
export function internalHostsFile(world: World): string {
  const hosts: WorldHost[] = [world.internal.router, world.internal.dns, ...world.internal.nodes, ...world.internal.pcs];
  const lines: string[] = [];
  for (const h of hosts) {
    const short = h.name.split('.')[0];
    for (const ip of [...h.ipv4, ...(h.ipv6 ?? [])]) lines.push(`${ip}\t${h.name} ${short}`);
  }
  return lines.join('\n') + '\n';
}

/** The internal DNS server. */
export class InternalDns implements DnsEndpoint {
  readonly actor: TraceActor;
  readonly domain: string;
  #opts: InternalDnsOptions;
  #byName = new Map<string, string[]>();
  #byAddr = new Map<string, string>();
  #cache = new TtlCache<DnsMessage>();

  constructor(opts: InternalDnsOptions) {
    this.#opts = opts;
    const host = opts.world.internal.dns;
    this.actor = { kind: 'internal-dns', id: host.name, ip: host.ipv4[0] };
    this.domain = fqdn(opts.world.internal.domain.toLowerCase());
    const lines = [...internalHostsFile(opts.world).split('\n'), ...(opts.extraHosts ?? [])];
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const ip = canonicalIP(fields[0] ?? '');
      if (!ip || fields.length < 2) continue;
      for (const n of fields.slice(1)) {
        // expand-hosts: a plain name also answers under the domain.
        const names = n.includes('.') ? [fqdn(n.toLowerCase())] : [fqdn(n.toLowerCase()), fqdn(`${n.toLowerCase()}.${this.domain}`)];
        for (const name of names) {
          const list = this.#byName.get(name) ?? [];
          if (!list.includes(ip)) this.#byName.set(name, [...list, ip]);
        }
      }
      const canonical = fields.slice(1).find((n) => n.includes('.')) ?? fields[1];
      if (!this.#byAddr.has(ip)) this.#byAddr.set(ip, fqdn(canonical.toLowerCase()));
    }
  }

  /** Upstream servers (the public resolver). */
  upstreams(): string[] {
    return this.#opts.world.internet.resolver.ipv4.slice();
  }

  /** Forgets cached upstream answers. */
  flush(): void {
    this.#cache.clear();
  }

  handle(q: DnsQuestion, hops: TraceHop[]): ServerReply {
    const name = fqdn(q.name).toLowerCase();
    const ttl = this.#opts.localTtl ?? 0;

    const ips = this.#byName.get(name);
    if (ips) {
      const m = replyTo(q, 'NOERROR', { aa: true, ra: true });
      const want = q.type === 'A' ? 'IPv4' : q.type === 'AAAA' ? 'IPv6' : undefined;
      if (want) m.answer = ips.filter((ip) => ipFamily(ip) === want).map((ip) => rr(fqdn(q.name), q.type, ttl, ip));
      return { message: m, note: 'from /etc/hosts' };
    }
    if (q.type === 'PTR') {
      const ip = addressFromReverseName(name);
      if (ip !== undefined) {
        const host = this.#byAddr.get(ip);
        if (host) {
          const m = replyTo(q, 'NOERROR', { aa: true, ra: true });
          m.answer = [rr(fqdn(q.name), 'PTR', ttl, host)];
          return { message: m, note: 'from /etc/hosts' };
        }
        if (ipFamily(ip) === 'IPv4' && PRIVATE.some((c) => cidrContains(c, ip))) {
          return { message: replyTo(q, 'NXDOMAIN', { aa: true, ra: true }), note: 'bogus-priv: private address not in /etc/hosts' };
        }
      }
    }
    if (isSubdomain(this.domain, name)) return { message: replyTo(q, 'NXDOMAIN', { aa: true, ra: true }), note: `local=/${this.domain.slice(0, -1)}/: not in /etc/hosts` };
    if (countDots(name) <= 1 && (q.type === 'A' || q.type === 'AAAA')) {
      return { message: replyTo(q, 'NXDOMAIN', { ra: true }), note: 'domain-needed: plain names are not forwarded' };
    }

    const now = this.#opts.clock.now();
    const key = `${name}|${q.type}`;
    const hit = this.#cache.get(key, now);
    if (hit) {
      const m = hit.value;
      const age = (r: ResourceRecord): ResourceRecord => withTtl(r, Math.max(0, r.ttl - hit.elapsed));
      return { message: { ...m, question: { name: q.name, type: q.type }, answer: m.answer.map(age), authority: m.authority.map(age), additional: [] }, cache: 'hit' };
    }
    for (const ip of this.upstreams()) {
      const out = this.#opts.network.query(this.actor, ip, q, hops, { rd: true });
      if (!out.message) continue;
      const m: DnsMessage = { ...out.message, aa: false, ra: true };
      const type = typify(m);
      let cacheFor = 0;
      if (type === 'NoError' && m.answer.length > 0) cacheFor = Math.min(...m.answer.map((r) => r.ttl));
      else if (type === 'NameError' || type === 'NoData') {
        const soa = m.authority.find((r) => r.type === 'SOA');
        if (soa) cacheFor = Math.min(soa.ttl, parseSoa(soa.data).minimum);
      }
      if (cacheFor > 0) this.#cache.set(key, m, cacheFor, now);
      return { message: m, cache: 'miss' };
    }
    return { message: replyTo(q, 'SERVFAIL', { ra: true }), note: 'upstream did not answer' };
  }
}
