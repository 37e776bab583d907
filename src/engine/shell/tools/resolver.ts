/**
 * Name resolution as the tools' C library does it (glibc getaddrinfo / gethostbyname2 with
 * nsswitch `hosts: files dns`): /etc/hosts first, then the stub resolver over DNS with the search
 * list and ndots (the engine's `resolve`, glibc rules). curl, wget, ping and getent use it;
 * nslookup and dig do not (they build their own queries).
 *
 * getaddrinfo(AF_UNSPEC) asks A and AAAA for each candidate name; gethostbyname2 asks one type.
 * The canonical name (AI_CANONNAME, `ping`'s header) is the owner of the final answer, after
 * CNAMEs.
 */

import type { RRType, TraceHop } from '../../../shared/dns-types';
import type { LookupAttempt, ResolveOutcome } from '../../../shared/engine-protocol';
import { resolve } from '../../dns/stub-resolver';
import { ipFamily } from '../../net/ip-address';
import type { ExecEnv } from './exec-env';

export interface HostsEntry {
  ip: string;
  names: string[];
}

/** Parses a hosts file into entries (comments and blank lines skipped). */
export function parseHosts(text: string): HostsEntry[] {
  const out: HostsEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [ip, ...names] = line.split(/\s+/);
    if (ip && names.length > 0) out.push({ ip, names });
  }
  return out;
}

export interface Resolution {
  /** What was asked. */
  name: string;
  outcome: ResolveOutcome | 'numeric' | 'hosts';
  addresses: string[];
  /** The canonical name: the hosts line's first name, or the DNS answer's final owner (no trailing dot). */
  canonical?: string;
  /** Aliases from /etc/hosts (getent prints them). */
  aliases?: string[];
  attempts: LookupAttempt[];
  hops: TraceHop[];
}

/** The client the DNS side uses for this environment. */
function stubClient(env: ExecEnv) {
  return env.kind === 'pod' && env.pod ? env.engine.dns.clientForPod(env.pod) : env.engine.dns.clientForHost(env.actor);
}

/** /etc/hosts lookup for one family (glibc's files backend: first matching line). */
function fromHosts(env: ExecEnv, name: string, families: ('IPv4' | 'IPv6')[]): Resolution | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  const entries = parseHosts(env.hostsFile).filter((e) => e.names.some((n) => n.toLowerCase() === key) && families.includes(ipFamily(e.ip) ?? 'IPv4'));
  if (entries.length === 0) return undefined;
  return { name, outcome: 'hosts', addresses: entries.map((e) => e.ip), canonical: entries[0].names[0], aliases: entries[0].names.slice(1), attempts: [], hops: [] };
}

/** The owner of the last record in an answer chain (CNAME target or the name itself). */
function canonicalOf(attempts: LookupAttempt[], found: string | undefined): string | undefined {
  for (const a of attempts) {
    if (!a.message || a.message.answer.length === 0 || a.name !== found) continue;
    const addr = a.message.answer.filter((r) => r.type === 'A' || r.type === 'AAAA');
    const owner = (addr[0] ?? a.message.answer[a.message.answer.length - 1]).name;
    return owner.replace(/\.$/, '');
  }
  return found?.replace(/\.$/, '');
}

/**
 * getaddrinfo(name, AF_UNSPEC): a literal address as is; /etc/hosts; then DNS asking A and AAAA
 * per candidate. Only IPv4 results are returned (the cluster is single-stack; AAAA answers of
 * internet names would not be reachable), unless no IPv4 exists.
 */
export function getaddrinfo(env: ExecEnv, name: string, types: RRType[] = ['A', 'AAAA']): Resolution {
  if (ipFamily(name)) return { name, outcome: 'numeric', addresses: [name], canonical: name, attempts: [], hops: [] };
  if (name.toLowerCase() === 'localhost') return { name, outcome: 'hosts', addresses: ['127.0.0.1'], canonical: 'localhost', attempts: [], hops: [] };
  const hosts = fromHosts(env, name, ['IPv4', 'IPv6']);
  if (hosts) return hosts;
  const r = resolve(stubClient(env), name, types, 'glibc');
  const v4 = r.addresses.filter((a) => ipFamily(a) === 'IPv4');
  return {
    name,
    outcome: r.outcome,
    addresses: v4.length > 0 ? v4 : r.addresses,
    canonical: r.outcome === 'found' ? canonicalOf(r.attempts, r.name) : undefined,
    attempts: r.attempts,
    hops: r.hops,
  };
}

/**
 * gethostbyname2(name, family) as `getent hosts` calls it: AF_INET6 first (files, then DNS AAAA
 * over the whole search list), then AF_INET.
 */
export function getentHosts(env: ExecEnv, name: string): Resolution {
  if (ipFamily(name)) return { name, outcome: 'numeric', addresses: [name], canonical: name, attempts: [], hops: [] };
  const hops: TraceHop[] = [];
  const attempts: LookupAttempt[] = [];
  for (const [family, type] of [['IPv6', 'AAAA'], ['IPv4', 'A']] as const) {
    const hosts = fromHosts(env, name, [family]);
    if (hosts) return { ...hosts, hops, attempts };
    const r = resolve(stubClient(env), name, [type], 'glibc');
    hops.push(...r.hops);
    attempts.push(...r.attempts);
    if (r.outcome === 'found') return { name, outcome: 'found', addresses: r.addresses, canonical: canonicalOf(r.attempts, r.name), attempts, hops };
  }
  return { name, outcome: 'nxdomain', addresses: [], attempts, hops };
}

/** Estimated wall time of a resolution (ms): the client's own round trips are sub-millisecond; upstream hops are not. */
export function dnsLatencyMs(hops: readonly TraceHop[]): number {
  let ms = 0;
  for (const h of hops) {
    if (h.type !== 'dns-query') continue;
    if (h.cache === 'hit') continue;
    if (h.to.kind === 'internal-dns') ms += 1;
    else if (h.to.kind === 'external-dns') ms += 11;
  }
  return ms;
}
