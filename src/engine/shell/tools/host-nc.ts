/**
 * Two more probes netshoot carries (fixtures: testdata/host-*, testdata/nc-*):
 *
 * `host` (BIND 9.18, bin/dig/host.c): the search list as nslookup walks it; by default A, then
 * AAAA and MX for the name the A answer ended on (after its CNAME); `X is an alias for Y.`,
 * `X has address A`, `X has IPv6 address A`, `X mail is handled by P Y.`, `X has SRV record …`,
 * `X domain name pointer Y.`; `Host X not found: 3(NXDOMAIN)` (exit 1).
 *
 * `nc -z` (netcat-openbsd in netshoot; busybox's nc in busybox images): a TCP connect through
 * kube-proxy's rules, reported as `Connection to H (IP) PORT port [tcp/SERVICE] succeeded!` or
 * `nc: connect to H (IP) port P (tcp) failed: Connection refused`. Without -z a connection that
 * succeeds would wait for input; here it closes at once.
 */

import type { DnsMessage, ResourceRecord, RRType, TraceHop } from '../../../shared/dns-types';
import { ipFamily, reverseName } from '../../net/ip-address';
import type { CommandResult } from '../shell-types';
import type { ExecEnv } from './exec-env';
import { Output } from './output';
import { getaddrinfo } from './resolver';

const TYPES: RRType[] = ['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'SOA', 'NS', 'ANY', 'MX'];

function hostLine(rr: ResourceRecord): string {
  const owner = rr.name.replace(/\.$/, '');
  switch (rr.type) {
    case 'A':
      return `${owner} has address ${rr.data}\n`;
    case 'AAAA':
      return `${owner} has IPv6 address ${rr.data}\n`;
    case 'CNAME':
      return `${owner} is an alias for ${rr.data}\n`;
    case 'MX':
      return `${owner} mail is handled by ${rr.data}\n`;
    case 'PTR':
      return `${owner} domain name pointer ${rr.data}\n`;
    case 'NS':
      return `${owner} name server ${rr.data}\n`;
    case 'TXT':
      return `${owner} descriptive text ${rr.data}\n`;
    default:
      return `${owner} has ${rr.type} record ${rr.data}\n`;
  }
}

function finalName(m: DnsMessage, name: string): string {
  let current = name.toLowerCase();
  for (let i = 0; i < 16; i++) {
    const c = m.answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === current);
    if (!c) break;
    current = c.data.toLowerCase();
  }
  return m.answer.find((r) => r.name.toLowerCase() === current)?.name ?? current;
}

export function host(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  let type: RRType | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t') {
      const t = (args[++i] ?? '').toUpperCase() as RRType;
      if (!TYPES.includes(t)) return out.err(`host: invalid type: ${args[i] ?? ''}\n`).result(1, env.tty);
      type = t;
    } else if (a === '-a') type = 'ANY';
    else if (a.startsWith('-')) continue;
    else positional.push(a);
  }
  const name = positional[0];
  if (!name) return out.err('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n').result(1, env.tty);
  const server = positional[1] ?? env.resolvConf.nameservers[0];
  const hops: TraceHop[] = [];
  if (positional[1]) out.out(`Using domain server:\nName: ${positional[1]}\nAddress: ${positional[1]}#53\nAliases: \n\n`);
  const ask = (qname: string, t: RRType): DnsMessage | undefined => {
    const ex = env.engine.dns.query(env.actor, server, qname, t);
    hops.push(...ex.hops);
    return ex.timedOut ? undefined : ex.message;
  };
  const noServer = (): CommandResult => out.out(`;; communications error to ${server}#53: timed out\n;; communications error to ${server}#53: timed out\n;; no servers could be reached\n`).result(1, env.tty, hops);
  if (ipFamily(name) && (type === undefined || type === 'PTR')) {
    const rev = reverseName(name) ?? `${name}.`;
    const m = ask(rev, 'PTR');
    if (!m) return noServer();
    if (m.rcode !== 'NOERROR') return out.out(`Host ${rev} not found: ${m.rcode === 'NXDOMAIN' ? '3(NXDOMAIN)' : m.rcode === 'SERVFAIL' ? '2(SERVFAIL)' : '5(REFUSED)'}\n`).result(1, env.tty, hops);
    for (const rr of m.answer) out.out(hostLine(rr));
    return out.result(0, env.tty, hops);
  }
  const dots = (name.replace(/\.$/, '').match(/\./g) ?? []).length;
  let ndots = 1;
  for (const o of env.resolvConf.options) {
    const m = /^ndots:(\d+)$/.exec(o);
    if (m) ndots = Number(m[1]);
  }
  const candidates = name.endsWith('.') || dots >= ndots ? [name.endsWith('.') ? name : `${name}.`] : [...env.resolvConf.search.filter(Boolean).map((d) => `${name}.${d}.`), `${name}.`];
  const first = type ?? 'A';
  let found: { m: DnsMessage; name: string } | undefined;
  let last: DnsMessage | undefined;
  for (const c of candidates) {
    const m = ask(c, first);
    if (!m) return noServer();
    last = m;
    if (m.rcode === 'NXDOMAIN') continue;
    found = { m, name: c };
    break;
  }
  if (!found) {
    const code = last?.rcode === 'SERVFAIL' ? '2(SERVFAIL)' : '3(NXDOMAIN)';
    return out.out(`Host ${name} not found: ${code}\n`).result(1, env.tty, hops);
  }
  for (const rr of found.m.answer) out.out(hostLine(rr));
  if (type === undefined) {
    const target = finalName(found.m, found.name);
    for (const t of ['AAAA', 'MX'] as RRType[]) {
      const m = ask(target, t);
      if (m && m.rcode === 'NOERROR') for (const rr of m.answer) if (rr.type === t) out.out(hostLine(rr));
    }
  } else if (found.m.answer.length === 0) out.out(`${name.replace(/\.$/, '')} has no ${type} record\n`);
  return out.result(0, env.tty, hops);
}

/** /etc/services names netcat-openbsd prints (`[tcp/http-alt]`); unknown ports show `*`. */
const SERVICES: Record<number, string> = { 21: 'ftp', 22: 'ssh', 23: 'telnet', 25: 'smtp', 53: 'domain', 80: 'http', 110: 'pop3', 143: 'imap2', 179: 'bgp', 443: 'https', 2379: 'etcd-client', 2380: 'etcd-server', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt', 10250: '*' };

export function nc(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  const busybox = env.userland === 'busybox';
  let zero = false;
  let verbose = false;
  let wait: number | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'z') zero = true;
        else if (c === 'v') verbose = true;
        else if (c === 'w' || c === 'W' || c === 'i' || c === 'p' || c === 's') {
          const v = a.slice(j + 1) || args[++i];
          if (c === 'w') wait = Number(v);
          break;
        } else if (c === 'n' || c === 'u' || c === '4' || c === 'N' || c === 'q') continue;
      }
      continue;
    }
    positional.push(a);
  }
  const [target, ...ports] = positional;
  if (!target || ports.length === 0) {
    return out.err(busybox ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n' : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n').result(1, env.tty);
  }
  const hops: TraceHop[] = [];
  const res = getaddrinfo(env, target);
  hops.push(...res.hops);
  const ip = res.addresses[0];
  if (!ip) {
    return out.err(busybox ? `nc: bad address '${target}'\n` : `nc: getaddrinfo for host "${target}" port ${ports[0]}: ${res.outcome === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`).result(1, env.tty, hops);
  }
  const numeric = res.outcome === 'numeric';
  let code = 0;
  const list: number[] = [];
  for (const p of ports) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(p);
    if (!m) return out.err(busybox ? `nc: invalid port '${p}'\n` : `nc: port range not valid\n`).result(1, env.tty, hops);
    for (let n = Number(m[1]); n <= Number(m[2] ?? m[1]) && list.length < 1024; n++) list.push(n);
  }
  for (const port of list) {
    const conn = env.engine.kubeProxy.connect({ ...env.actor, node: env.node }, ip, port);
    hops.push(...conn.hops);
    const who = numeric ? ip : `${target} (${ip})`;
    if (conn.target) {
      if (busybox) {
        if (verbose) out.err(`${target} (${ip}:${port}) open\n`);
      } else if (verbose) out.err(`Connection to ${who} ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!\n`);
      if (!zero) continue;
      continue;
    }
    code = 1;
    if (busybox) {
      out.err(`nc: ${target} (${ip}:${port}): ${conn.outcome === 'timeout' ? 'Connection timed out' : conn.outcome === 'no-route' ? 'No route to host' : 'Connection refused'}\n`);
      continue;
    }
    if (!verbose) continue;
    if (conn.outcome === 'timeout' && wait !== undefined) out.err(`nc: connect to ${who} port ${port} (tcp) timed out: Operation now in progress\n`);
    else out.err(`nc: connect to ${who} port ${port} (tcp) failed: ${conn.outcome === 'timeout' ? 'Connection timed out' : conn.outcome === 'no-route' ? 'No route to host' : 'Connection refused'}\n`);
  }
  return out.result(code, env.tty, hops);
}
