/**
 * nslookup, in the two implementations container images carry (fixtures: testdata/nslookup-*):
 *
 * bind9 9.18 (Debian's bind9-dnsutils; kubetm/app, nicolaka/netshoot, the admin host) —
 * bin/dig/nslookup.c + dighost.c:
 * - Search: a name with fewer dots than ndots (or no dot) goes through the search list, then is
 *   tried as is; otherwise (or with a trailing dot) only as is. NXDOMAIN moves on; any other
 *   answer ends the search.
 * - Default mode asks A, then AAAA for the name the A answer ended on (after CNAMEs), without the
 *   search list; `-type=X` asks X alone. An IP address is looked up as PTR (in-addr.arpa).
 * - `;; Got recursion not available from S` for each reply without RA (CoreDNS answers cluster
 *   names without it) when the server came from resolv.conf; `Server:`/`Address: S#53` before the
 *   first printed reply (not for the default PTR lookup); `Non-authoritative answer:` when AA is
 *   clear; `** server can't find NAME: NXDOMAIN` (exit 1); `*** Can't find NAME: No answer`.
 * - No reply: `;; communications error to S#53: timed out` three times, `;; no servers could be
 *   reached`.
 *
 * busybox 1.35 (networking/nslookup.c, FEATURE_NSLOOKUP_BIG; busybox and alpine images):
 * - Its own resolver: a dotless name is sent once per search domain (never as is); a name with a
 *   dot only as is — so `nslookup pod-a.headless1` fails where getaddrinfo would succeed.
 * - A and AAAA queries (or the -type asked) all go out at once; each reply prints as it comes,
 *   followed by an empty line; any NXDOMAIN makes the exit code 1.
 * - `Server:\t\tS` / `Address:\tS:53`; names print without the trailing dot.
 */

import type { DnsMessage, ResourceRecord, RRType, TraceHop } from '../../../shared/dns-types';
import { reverseName, ipFamily } from '../../net/ip-address';
import type { CommandResult } from '../shell-types';
import type { ExecEnv } from './exec-env';
import { Output } from './output';
import { getaddrinfo } from './resolver';

const TYPES: RRType[] = ['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'SOA', 'NS', 'ANY', 'MX'];

/** One query to one server through the engine's DNS network. */
function ask(env: ExecEnv, server: string, name: string, type: RRType, hops: TraceHop[]): { message?: DnsMessage; timedOut: boolean } {
  const ex = env.engine.dns.query(env.actor, server, name, type);
  hops.push(...ex.hops);
  return ex.timedOut ? { timedOut: true } : { message: ex.message, timedOut: false };
}

/** dns_name_format: no trailing dot (the root stays `.`). */
function bare(name: string): string {
  return name === '.' ? '.' : name.replace(/\.$/, '');
}

function countDots(name: string): number {
  return (name.replace(/\.$/, '').match(/\./g) ?? []).length;
}

function ndots(env: ExecEnv): number {
  let n = 1;
  for (const o of env.resolvConf.options) {
    const m = /^ndots:(\d+)$/.exec(o);
    if (m) n = Math.min(Number(m[1]), 15);
  }
  return n;
}

function parseType(value: string): RRType | undefined {
  const t = value.toUpperCase();
  return (TYPES as string[]).includes(t) ? (t as RRType) : undefined;
}

// ---------------------------------------------------------------------------------------------
// bind9

/** nslookup.c printsection for the answer of a reply. */
function bindRecord(rr: ResourceRecord): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.data}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${rr.data}\n`;
    case 'PTR':
      return `${owner}\tname = ${rr.data}\n`;
    case 'SRV':
      return `${owner}\tservice = ${rr.data}\n`;
    case 'MX':
      return `${owner}\tmail exchanger = ${rr.data}\n`;
    case 'NS':
      return `${owner}\tnameserver = ${rr.data}\n`;
    case 'TXT':
      return `${owner}\ttext = ${rr.data}\n\n`;
    case 'SOA': {
      const [mname, rname, serial, refresh, retry, expire, minimum] = rr.data.split(/\s+/);
      return `${owner}\n\torigin = ${mname}\n\tmail addr = ${rname}\n\tserial = ${serial}\n\trefresh = ${refresh}\n\tretry = ${retry}\n\texpire = ${expire}\n\tminimum = ${minimum}\n`;
    }
    default:
      return `${owner}\trdata_${rr.type} = ${rr.data}\n`;
  }
}

/** The owner of the last CNAME in the answer chain starting at `name` (chase_cnamechain). */
function chaseCname(m: DnsMessage, name: string): string {
  let current = name.toLowerCase();
  for (let i = 0; i < 16; i++) {
    const c = m.answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === current);
    if (!c) break;
    current = c.data.toLowerCase();
  }
  return m.answer.find((r) => r.name.toLowerCase() === current)?.name ?? (current === name.toLowerCase() ? name : current);
}

function bindNslookup(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  let type: RRType | undefined;
  let port = 53;
  const positional: string[] = [];
  for (const a of args) {
    if (a.startsWith('-') && a.length > 1) {
      const [key, value = ''] = a.slice(1).split('=', 2);
      const k = key.toLowerCase();
      if (k === 'type' || k === 'query' || k === 'querytype' || k === 'q' || k === 't' || k === 'ty') {
        const t = parseType(value);
        if (!t) {
          out.out(`unknown query type: ${value}\n`);
          continue;
        }
        type = t;
      } else if (k === 'port') port = Number(value) || 53;
      else if (['debug', 'nodebug', 'recurse', 'norecurse', 'vc', 'novc', 'd2', 'nod2', 'search', 'nosearch', 'fail', 'nofail'].includes(k) || k.startsWith('timeout') || k.startsWith('retry') || k.startsWith('class') || k.startsWith('domain')) {
        continue;
      } else {
        out.out(`*** Invalid option: ${a.slice(1)}\n`);
      }
      continue;
    }
    positional.push(a);
  }
  if (positional.length === 0) {
    // Interactive mode is not simulated: nslookup without a name would wait for input.
    return out.err('nslookup: interactive mode is not available here; give a name: nslookup NAME [SERVER]\n').result(1, env.tty);
  }
  const name = positional[0];
  const explicit = positional[1];
  const hops: TraceHop[] = [];
  let explicitIp = explicit;
  if (explicit && !ipFamily(explicit)) {
    const r = getaddrinfo(env, explicit);
    hops.push(...r.hops);
    if (r.addresses.length === 0) return out.err(`nslookup: couldn't get address for '${explicit}': not found\n`).result(1, env.tty, hops);
    explicitIp = r.addresses[0];
  }
  const servers = explicitIp ? [explicitIp] : env.resolvConf.nameservers.slice(0, 3);
  const serverShown = (s: string): string => (explicit && s === explicitIp ? explicit : s);
  const defaultLookups = type === undefined;
  const reverse = ipFamily(name) !== undefined && (type === undefined || type === 'PTR');
  const qtype: RRType = reverse ? 'PTR' : (type ?? 'A');
  let candidates: string[];
  if (reverse) candidates = [reverseName(name) ?? `${name}.`];
  else if (name.endsWith('.') || countDots(name) >= ndots(env)) candidates = [name.endsWith('.') ? name : `${name}.`];
  else candidates = [...env.resolvConf.search.filter((d) => d && d !== '.').map((d) => `${name}.${d.replace(/\.$/, '')}.`), `${name}.`];
  let printError = false;
  let aNoAnswer = false;
  const portSuffix = `#${port}`;

  const header = (server: string): void => {
    out.out(`Server:\t\t${serverShown(server)}\nAddress:\t${server}${portSuffix}\n\n`);
  };
  const recursionLine = (server: string, m: DnsMessage): void => {
    if (!explicit && !m.ra) out.out(`;; Got recursion not available from ${server}\n`);
  };

  /** One lookup (a name and type) over the server list; returns the server that answered and its message. */
  const lookupOne = (qname: string, t: RRType): { server: string; message: DnsMessage } | undefined => {
    for (const server of servers) {
      let got: DnsMessage | undefined;
      for (let attempt = 0; attempt < 3 && !got; attempt++) {
        const r = ask(env, server, qname, t, hops);
        if (r.message) got = r.message;
        else out.out(`;; communications error to ${server}${portSuffix}: timed out\n`);
      }
      if (got) return { server, message: got };
    }
    return undefined;
  };

  const printMessage = (server: string, m: DnsMessage, lookupType: RRType, lookupName: string, textName: string): void => {
    if (!defaultLookups || lookupType === 'A') header(server);
    if (m.rcode !== 'NOERROR') {
      out.out(`** server can't find ${bare(lookupName)}: ${m.rcode}\n`);
      printError = true;
      return;
    }
    if (!m.aa && (!defaultLookups || lookupType === 'A')) out.out('Non-authoritative answer:\n');
    if (m.answer.length > 0) {
      for (const rr of m.answer) out.out(bindRecord(rr));
    } else if (defaultLookups && lookupType === 'A') {
      aNoAnswer = true;
    } else if (!defaultLookups || (lookupType === 'AAAA' && aNoAnswer)) {
      out.out(`*** Can't find ${textName}: No answer\n`);
    }
    if (!m.aa && lookupType !== 'A' && lookupType !== 'AAAA') {
      out.out('\nAuthoritative answers can be found from:\n');
      for (const rr of [...m.authority, ...m.additional]) out.out(bindRecord(rr));
    }
  };

  let found: { server: string; message: DnsMessage; name: string } | undefined;
  let lastFailure: { server: string; message: DnsMessage; name: string } | undefined;
  for (const candidate of candidates) {
    const r = lookupOne(candidate, qtype);
    if (!r) {
      out.out(';; no servers could be reached\n\n');
      return out.result(1, env.tty, hops);
    }
    recursionLine(r.server, r.message);
    if (r.message.rcode === 'NXDOMAIN') {
      lastFailure = { ...r, name: candidate };
      continue;
    }
    if (r.message.rcode === 'SERVFAIL' || r.message.rcode === 'REFUSED') {
      out.out(`;; Got ${r.message.rcode} reply from ${r.server}\n`);
      lastFailure = { ...r, name: candidate };
      continue;
    }
    found = { ...r, name: candidate };
    break;
  }
  if (!found) {
    printMessage(lastFailure!.server, lastFailure!.message, qtype, lastFailure!.name, name);
    out.out('\n');
    return out.result(1, env.tty, hops);
  }
  printMessage(found.server, found.message, qtype, found.name, name);
  if (defaultLookups && qtype === 'A') {
    const aaaaName = chaseCname(found.message, found.name);
    const r = lookupOne(aaaaName, 'AAAA');
    if (r) {
      recursionLine(r.server, r.message);
      printMessage(r.server, r.message, 'AAAA', aaaaName, name);
    }
  }
  out.out('\n');
  return out.result(printError ? 1 : 0, env.tty, hops);
}

// ---------------------------------------------------------------------------------------------
// busybox

function busyboxRecord(rr: ResourceRecord): string {
  const owner = bare(rr.name) || '.';
  const f = rr.data.split(/\s+/);
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.data}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${bare(rr.data)}\n`;
    case 'PTR':
      return `${owner}\tname = ${bare(rr.data)}\n`;
    case 'NS':
      return `${owner}\tnameserver = ${bare(rr.data)}\n`;
    case 'MX':
      return `${owner}\tmail exchanger = ${f[0]} ${bare(f[1] ?? '')}\n`;
    case 'TXT':
      return `${owner}\ttext = "${rr.data.replace(/^"|"$/g, '')}"\n`;
    case 'SRV':
      return `${owner}\tservice = ${f[0]} ${f[1]} ${f[2]} ${bare(f[3] ?? '')}\n`;
    case 'SOA':
      return `${owner}\n\torigin = ${bare(f[0])}\n\tmail addr = ${bare(f[1])}\n\tserial = ${f[2]}\n\trefresh = ${f[3]}\n\tretry = ${f[4]}\n\texpire = ${f[5]}\n\tminimum = ${f[6]}\n`;
    default:
      return '';
  }
}

const BUSYBOX_TYPE_ORDER: RRType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY'];

const BUSYBOX_USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr
`;

function busyboxNslookup(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  const types = new Set<RRType>();
  let port = 53;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const [key, value = ''] = args[i].slice(1).split('=', 2);
    if (key === 'type' || key === 'querytype' || key === 't') {
      const t = parseType(value);
      if (!t || !BUSYBOX_TYPE_ORDER.includes(t)) return out.err(`nslookup: invalid query type "${value}"\n`).result(1, env.tty);
      types.add(t);
    } else if (key === 'port') port = Number(value) || 53;
    else if (key === 'retry' || key === 'timeout' || key === 'debug') continue;
    else return out.err(BUSYBOX_USAGE).result(1, env.tty);
  }
  const rest = args.slice(i);
  if (rest.length === 0 || rest.length > 2) return out.err(BUSYBOX_USAGE).result(1, env.tty);
  const name = rest[0];
  const hops: TraceHop[] = [];
  let servers = rest[1] ? [rest[1]] : env.resolvConf.nameservers.length > 0 ? env.resolvConf.nameservers : ['127.0.0.1'];
  let shownName = (s: string): string => s;
  if (rest[1] && !ipFamily(rest[1])) {
    const r = getaddrinfo(env, rest[1]);
    hops.push(...r.hops);
    if (r.addresses.length === 0) return out.err(`nslookup: bad address '${rest[1]}'\n`).result(1, env.tty, hops);
    servers = [r.addresses[0]];
    shownName = () => rest[1];
  }
  const search = env.resolvConf.search.filter((d) => d && d !== '.');
  const withSearch = (type: RRType): string[] => (type === 'PTR' || search.length === 0 || name.includes('.') ? [name] : search.map((d) => `${name}.${d}`));
  const queries: { name: string; type: RRType }[] = [];
  if (types.size === 0) {
    const ptr = ipFamily(name) ? reverseName(name) : undefined;
    if (ptr) queries.push({ name: ptr.replace(/\.$/, ''), type: 'PTR' });
    else for (const t of ['A', 'AAAA'] as RRType[]) for (const n of withSearch(t)) queries.push({ name: n, type: t });
  } else {
    for (const t of BUSYBOX_TYPE_ORDER) if (types.has(t)) for (const n of withSearch(t)) queries.push({ name: n, type: t });
  }
  let exitCode = 0;
  for (const server of servers) {
    const replies: { q: { name: string; type: RRType }; m: DnsMessage }[] = [];
    for (const q of queries) {
      const r = ask(env, server, q.name.endsWith('.') ? q.name : `${q.name}.`, q.type === 'ANY' ? 'ANY' : q.type, hops);
      if (r.message) replies.push({ q, m: r.message });
    }
    if (replies.length === 0) continue;
    out.out(`Server:\t\t${shownName(server)}\nAddress:\t${server}:${port}\n\n`);
    for (const { q, m } of replies) {
      if (m.rcode !== 'NOERROR') {
        out.out(`** server can't find ${q.name}: ${m.rcode}\n`);
        exitCode = 1;
      } else {
        if (!m.aa) out.out('Non-authoritative answer:\n');
        for (const rr of m.answer) out.out(busyboxRecord(rr));
      }
      out.out('\n');
    }
    return out.result(exitCode, env.tty, hops);
  }
  out.out(';; connection timed out; no servers could be reached\n\n');
  return out.result(1, env.tty, hops);
}

/** nslookup in this environment's flavour. */
export function nslookup(args: string[], env: ExecEnv): CommandResult {
  return env.nslookup === 'busybox' ? busyboxNslookup(args, env) : bindNslookup(args, env);
}
