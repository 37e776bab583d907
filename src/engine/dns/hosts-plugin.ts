/**
 * The hosts plugin (plugin/hosts/hosts.go): A/AAAA from the hosts file and inline entries of the
 * Corefile, PTR from the same entries unless `no_reverse`. A name it does not know falls through
 * only with `fallthrough`; otherwise — having no SOA to send an NXDOMAIN with — it answers
 * SERVFAIL. Names outside its zones go on down the chain.
 */

import { addressFromReverseName, canonicalIP, ipFamily, reverseName } from '../net/ip-address';
import type { ResourceRecord } from '../../shared/dns-types';
import type { HostsConfig } from './corefile';
import type { DnsQuestion } from './dns-message';
import type { ChainContext, ChainPlugin, NextHandler, PluginReply } from './plugin-chain';
import { fqdn, matchZone } from './dns-name';
import { replyTo, rr } from './dns-message';

/** The CoreDNS container's /etc/hosts (kubelet-managed; only the loopback names matter here). */
export const COREDNS_ETC_HOSTS = `# Kubernetes-managed hosts file.
127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
`;

/** The hosts plugin. */
export class HostsPlugin implements ChainPlugin {
  readonly name = 'hosts';
  readonly config: HostsConfig;
  #byName = new Map<string, { v4: string[]; v6: string[] }>();
  #byAddr = new Map<string, string[]>();

  constructor(config: HostsConfig, fileText: string) {
    this.config = config;
    const lines = [...(config.file === '/etc/hosts' ? fileText.split('\n') : []), ...config.inline];
    for (const raw of lines) {
      const fields = raw.replace(/#.*$/, '').trim().split(/\s+/);
      if (fields.length < 2) continue;
      const ip = canonicalIP(fields[0]);
      if (!ip) continue;
      for (const n of fields.slice(1)) {
        const name = fqdn(n.toLowerCase());
        const entry = this.#byName.get(name) ?? { v4: [], v6: [] };
        (ipFamily(ip) === 'IPv6' ? entry.v6 : entry.v4).push(ip);
        this.#byName.set(name, entry);
        if (!config.noReverse) {
          const rev = reverseName(ip)!;
          this.#byAddr.set(rev, [...(this.#byAddr.get(rev) ?? []), name]);
        }
      }
    }
  }

  serve(q: DnsQuestion, ctx: ChainContext, next: NextHandler): PluginReply {
    const qname = fqdn(q.name).toLowerCase();
    const zone = matchZone(this.config.zones, qname);
    // PTR zones need not be listed among the origins.
    if (zone === '' && q.type !== 'PTR') return next(q, ctx);
    let answers: ResourceRecord[] = [];
    const ttl = this.config.ttl;
    if (q.type === 'PTR') {
      const ip = addressFromReverseName(qname);
      const names = ip ? this.#byAddr.get(reverseName(ip)!) : undefined;
      if (!names || names.length === 0) return next(q, ctx);
      answers = names.map((n) => rr(qname, 'PTR', ttl, n));
    } else if (q.type === 'A' || q.type === 'AAAA') {
      const entry = this.#byName.get(qname);
      answers = (q.type === 'A' ? entry?.v4 : entry?.v6)?.map((ip) => rr(qname, q.type, ttl, ip)) ?? [];
    }
    if (answers.length === 0 && !this.#byName.has(qname)) {
      if (this.config.fallthrough && matchZone(this.config.fallthrough, qname) !== '') return next(q, ctx);
      return { message: replyTo(q, 'SERVFAIL'), note: 'hosts: name not in the hosts file (no SOA to answer NXDOMAIN with)' };
    }
    const m = replyTo(q, 'NOERROR', { aa: true });
    m.answer = answers;
    return { message: m };
  }
}
