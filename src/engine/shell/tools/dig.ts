/**
 * dig 9.18 (bin/dig/dig.c, dighost.c; lib/dns/masterdump.c for record columns). Fixtures:
 * testdata/dig-*. What it prints for one lookup:
 *
 *   (blank line)
 *   ; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> ARGS
 *   ; (1 server found)                     ← only with @server
 *   ;; global options: +cmd
 *   ;; Got answer:
 *   ;; WARNING: .local is reserved for Multicast DNS   ← names under .local (the cluster domain!)
 *   ;; You are currently testing what happens when an mDNS query is leaked to DNS
 *   ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: N
 *   ;; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1
 *   ;; WARNING: recursion requested but not available   ← CoreDNS's cluster answers carry no RA
 *   (blank)
 *   ;; OPT PSEUDOSECTION:
 *   ; EDNS: version: 0, flags:; udp: 1232
 *   ; COOKIE: <client cookie> (echoed)        ← CoreDNS returns the client cookie alone
 *   ;; QUESTION SECTION: / ANSWER / AUTHORITY / ADDITIONAL, records in tab columns
 *   ;; Query time / SERVER / WHEN / MSG SIZE  rcvd
 *
 * The message id comes from the engine's seed, clock and a counter; WHEN is the virtual clock
 * (UTC); Query time is estimated from the upstream hops; MSG SIZE is the wire size CoreDNS would
 * send (dns-wire.ts). Without +search dig sends the name as typed (`dig headless1` asks
 * `headless1.`, which only the internet could answer).
 */

import type { DnsMessage, ResourceRecord, RRType, TraceHop } from '../../../shared/dns-types';
import { ipFamily, reverseName } from '../../net/ip-address';
import type { CommandResult } from '../shell-types';
import { replyWireSize } from './dns-wire';
import { nextQueryId, type ExecEnv } from './exec-env';
import { Output } from './output';
import { dnsLatencyMs, getaddrinfo } from './resolver';

const TYPES: RRType[] = ['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'SOA', 'NS', 'ANY', 'MX'];

/** masterdump.c indent(): tabs to the next stops, then spaces; at least one blank. */
function indent(column: number, to: number): { text: string; column: number } {
  let target = to;
  if (target < column + 1) target = column + 1;
  const ntabs = Math.floor(target / 8) - Math.floor(column / 8);
  let text = '';
  let from = column;
  if (ntabs > 0) {
    text += '\t'.repeat(ntabs);
    from = Math.floor(target / 8) * 8;
  }
  text += ' '.repeat(target - from);
  return { text, column: target };
}

/** A record as dig prints it: owner, TTL at 24, class at 32, type at 40, rdata at 48. */
export function formatRecord(rr: ResourceRecord): string {
  let line = rr.name;
  let col = rr.name.length;
  for (const [field, to] of [[String(rr.ttl), 24], ['IN', 32], [rr.type, 40]] as const) {
    const ind = indent(col, to);
    line += ind.text + field;
    col = ind.column + field.length;
  }
  const ind = indent(col, 48);
  return `${line}${ind.text}${rr.data}`;
}

/** The question line, without the leading `;` (which does not count for the columns). */
function formatQuestion(name: string, type: RRType): string {
  let line = name;
  let col = name.length;
  let ind = indent(col, 32);
  line += `${ind.text}IN`;
  col = ind.column + 2;
  ind = indent(col, 40);
  return `;${line}${ind.text}${type}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** strftime("%a %b %d %H:%M:%S %Z %Y") in UTC, the pods' time zone. */
export function digDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

interface DigOptions {
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  short: boolean;
  search: boolean;
  tcp: boolean;
  recurse: boolean;
  edns: boolean;
  cookie: boolean;
  tries: number;
}

interface Lookup {
  name: string;
  type: RRType;
}

function shortData(rr: ResourceRecord): string {
  return rr.data;
}

const USAGE_TAIL = 'Use "dig -h" (or "dig -h | more") for complete list of options\n';

/** Runs dig. */
export function dig(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  const o: DigOptions = { cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true, short: false, search: false, tcp: false, recurse: true, edns: true, cookie: true, tries: 3 };
  const lookups: Lookup[] = [];
  let server: string | undefined;
  let serverArg: string | undefined;
  let pendingType: RRType | undefined;
  const push = (name: string, type?: RRType): void => {
    lookups.push({ name, type: type ?? 'A' });
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('@')) {
      serverArg = a.slice(1);
      continue;
    }
    if (a.startsWith('+')) {
      const [rawKey, value] = a.slice(1).split('=', 2);
      const no = rawKey.startsWith('no');
      const key = no ? rawKey.slice(2) : rawKey;
      const on = !no;
      const flag = (k: keyof DigOptions): void => {
        (o as unknown as Record<string, boolean>)[k] = on;
      };
      switch (key) {
        case 'all':
          for (const k of ['cmd', 'comments', 'question', 'answer', 'authority', 'additional', 'stats'] as const) o[k] = on;
          break;
        case 'short':
          o.short = on;
          if (on) for (const k of ['cmd', 'comments', 'question', 'authority', 'additional', 'stats'] as const) o[k] = false;
          break;
        case 'cmd':
        case 'comments':
        case 'question':
        case 'answer':
        case 'authority':
        case 'additional':
        case 'stats':
        case 'search':
        case 'tcp':
        case 'recurse':
        case 'edns':
        case 'cookie':
          flag(key);
          break;
        case 'vc':
          o.tcp = on;
          break;
        case 'tries':
        case 'retry':
          o.tries = Math.max(1, Number(value) + (key === 'retry' ? 1 : 0) || 1);
          break;
        case 'time':
        case 'ttlid':
        case 'class':
        case 'multiline':
        case 'identify':
        case 'ttlunits':
        case 'besteffort':
        case 'defname':
        case 'dnssec':
        case 'nsid':
        case 'fail':
        case 'ignore':
        case 'aaonly':
        case 'adflag':
        case 'cdflag':
        case 'rrcomments':
        case 'crypto':
        case 'split':
        case 'bufsize':
        case 'ndots':
          break;
        case 'trace':
          if (on) return out.out(';; +trace is not simulated: the engine answers through CoreDNS, not from the root down\n').result(0, env.tty);
          break;
        default:
          return out.err(`Invalid option: +${rawKey}\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\n${USAGE_TAIL}`).result(1, env.tty);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const opt = a[1];
      if (opt === '4' || opt === '6' || opt === 'm' || opt === 'u' || opt === 'r') continue;
      if (opt === 'h') return out.out(`Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n`).result(0, env.tty);
      if (opt === 'v') return out.err(`DiG ${env.digVersion}\n`).result(0, env.tty);
      const value = a.length > 2 ? a.slice(2) : args[++i];
      switch (opt) {
        case 'x': {
          const rev = value ? reverseName(value) : undefined;
          if (!rev) return out.err(`dig: '${value ?? ''}' is not a legal IPv4 or IPv6 address\n`).result(1, env.tty);
          push(rev, 'PTR');
          break;
        }
        case 't': {
          const t = (value ?? '').toUpperCase() as RRType;
          if (!TYPES.includes(t)) return out.err(`dig: invalid type ${value ?? ''}\n`).result(1, env.tty);
          if (lookups.length > 0 && !pendingType) lookups[lookups.length - 1].type = t;
          else pendingType = t;
          break;
        }
        case 'q':
          push(value ?? '', pendingType);
          pendingType = undefined;
          break;
        case 'p':
        case 'c':
        case 'b':
        case 'k':
        case 'y':
        case 'f':
          break;
        default:
          return out.err(`Invalid option: ${a}\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\n${USAGE_TAIL}`).result(1, env.tty);
      }
      continue;
    }
    const asType = a.toUpperCase() as RRType;
    if (TYPES.includes(asType) && lookups.length > 0) {
      lookups[lookups.length - 1].type = asType;
      continue;
    }
    if (TYPES.includes(asType) && lookups.length === 0) {
      pendingType = asType;
      continue;
    }
    if (a.toUpperCase() === 'IN') continue;
    push(a, pendingType);
    pendingType = undefined;
  }
  if (lookups.length === 0) lookups.push({ name: '.', type: pendingType ?? 'NS' });

  const hops: TraceHop[] = [];
  // The server: @server (a name is resolved like any other), or resolv.conf's first.
  if (serverArg !== undefined) {
    if (ipFamily(serverArg)) server = serverArg;
    else {
      const r = getaddrinfo(env, serverArg);
      hops.push(...r.hops);
      if (r.addresses.length === 0) return out.err(`dig: couldn't get address for '${serverArg}': not found\n`).result(10, env.tty, hops);
      server = r.addresses[0];
    }
  }
  const servers = server ? [server] : env.resolvConf.nameservers;
  const banner = (): void => {
    if (!o.cmd) return;
    out.out(`\n; <<>> DiG ${env.digVersion} <<>> ${args.join(' ')}\n`);
    if (serverArg !== undefined) out.out(`; (1 server found)\n`);
    out.out(';; global options: +cmd\n');
  };
  let bannerShown = false;
  let exitCode = 0;
  for (const lk of lookups) {
    const absolute = lk.name.endsWith('.') ? lk.name : `${lk.name}.`;
    const dots = (lk.name.replace(/\.$/, '').match(/\./g) ?? []).length;
    let ndots = 1;
    for (const opt of env.resolvConf.options) {
      const m = /^ndots:(\d+)$/.exec(opt);
      if (m) ndots = Number(m[1]);
    }
    const candidates = o.search && !lk.name.endsWith('.') && dots < ndots ? [...env.resolvConf.search.filter(Boolean).map((d) => `${lk.name}.${d}.`), absolute] : [absolute];
    let reply: { message: DnsMessage; server: string; hops: TraceHop[] } | undefined;
    let noServer = false;
    for (let c = 0; c < candidates.length; c++) {
      let got: { message: DnsMessage; server: string; hops: TraceHop[] } | undefined;
      for (const s of servers) {
        for (let t = 0; t < o.tries && !got; t++) {
          const ex = env.engine.dns.query(env.actor, s, candidates[c], lk.type);
          hops.push(...ex.hops);
          if (ex.timedOut) out.out(`;; communications error to ${s}#53: timed out\n`);
          else got = { message: ex.message, server: s, hops: ex.hops };
        }
        if (got) break;
      }
      if (!got) {
        noServer = true;
        break;
      }
      reply = got;
      if (got.message.rcode !== 'NXDOMAIN' || c === candidates.length - 1) break;
    }
    if (!bannerShown) {
      banner();
      bannerShown = true;
    }
    if (noServer || !reply) {
      out.out(';; no servers could be reached\n');
      exitCode = 9;
      continue;
    }
    printReply(out, o, env, reply.message, reply.server, lk, nextQueryId(env.engine, `${reply.message.question.name}/${lk.type}`), dnsLatencyMs(reply.hops));
  }
  return out.result(exitCode, env.tty, hops);
}

function printReply(out: Output, o: DigOptions, env: ExecEnv, m: DnsMessage, server: string, lk: Lookup, id: number, ms: number): void {
  if (o.short) {
    for (const rr of m.answer) out.out(`${shortData(rr)}\n`);
    return;
  }
  const qname = m.question.name;
  const additionalCount = m.additional.length + (o.edns ? 1 : 0);
  if (o.comments) {
    out.out(';; Got answer:\n');
    if (/(^|\.)local\.?$/i.test(qname)) out.out(';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n');
    out.out(`;; ->>HEADER<<- opcode: QUERY, status: ${m.rcode}, id: ${id}\n`);
    const flags = ['qr', ...(m.aa ? ['aa'] : []), ...(o.recurse ? ['rd'] : []), ...(m.ra ? ['ra'] : [])];
    out.out(`;; flags: ${flags.join(' ')}; QUERY: 1, ANSWER: ${m.answer.length}, AUTHORITY: ${m.authority.length}, ADDITIONAL: ${additionalCount}\n`);
    if (o.recurse && !m.ra) out.out(';; WARNING: recursion requested but not available\n');
    out.out('\n');
    if (o.edns) {
      out.out(';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n');
      if (o.cookie) out.out(`; COOKIE: ${env.cookie} (echoed)\n`);
    }
  }
  if (o.question) {
    if (o.comments) out.out(';; QUESTION SECTION:\n');
    out.out(`${formatQuestion(qname, lk.type)}\n\n`);
  }
  const section = (title: string, records: ResourceRecord[], show: boolean): void => {
    if (!show || records.length === 0) return;
    if (o.comments) out.out(`;; ${title} SECTION:\n`);
    for (const rr of records) out.out(`${formatRecord(rr)}\n`);
    if (o.comments) out.out('\n');
  };
  section('ANSWER', m.answer, o.answer);
  section('AUTHORITY', m.authority, o.authority);
  section('ADDITIONAL', m.additional, o.additional);
  if (o.stats) {
    const size = replyWireSize(m, { edns: o.edns, ednsOptionBytes: o.edns && o.cookie ? 12 : 0, udpSize: 1232, tcp: o.tcp });
    out.out(`;; Query time: ${ms} msec\n;; SERVER: ${server}#53(${server}) (${o.tcp ? 'TCP' : 'UDP'})\n;; WHEN: ${digDate(env.engine.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`);
  }
}
