/**
 * The stub resolver in a pod or on a host: which names it tries for what the user typed
 * (glibc resolv/res_query.c `__res_context_search`, musl src/network/lookup_name.c
 * `name_from_dns_search`) and what each try's answer means for the next.
 *
 * glibc: a name with a trailing dot is tried as is, alone. With at least `ndots` dots it is tried
 * as is first; then each search domain is appended in turn; then — if not tried yet — the name
 * as is. NXDOMAIN and NODATA (NOERROR without an answer) both move on to the next candidate,
 * SERVFAIL too (remembered); a timeout or REFUSED ends the search.
 * musl: with fewer than `ndots` dots, the search domains then the name as is; otherwise only the
 * name. Only NXDOMAIN moves on: NODATA ends the search (no address), SERVFAIL and timeouts fail.
 *
 * Each nameserver is tried in turn when one times out or answers SERVFAIL/REFUSED (res_send).
 * bind9's nslookup and dig, and busybox's nslookup, walk the list their own way: the shell
 * builds them from `searchCandidates` and `queryServers`.
 */

import type { RRType, TraceActor, TraceHop } from '../../shared/dns-types';
import type { LookupAttempt, LookupResult, ResolveOutcome } from '../../shared/engine-protocol';

export type { LookupAttempt, ResolveOutcome };
import type { DnsNetwork } from './upstream';
import type { ResolvConf } from './resolv-conf';
import { countDots } from './dns-name';
import { ndotsOf } from './resolv-conf';

/** Whose search rules apply. */
export type ResolverFlavor = 'glibc' | 'musl';

/** A name to try and why it is tried then. */
export interface SearchCandidate {
  name: string;
  reason: string;
}

/** searchCandidates as resolve walks them: each with its (shared, read-only) `search` hop. */
interface CandidatePlan {
  candidates: readonly SearchCandidate[];
  hops: readonly TraceHop[];
  /** glibc: the first candidate is the name as is (its status is remembered). */
  asIsFirst: boolean;
}

/** Per resolv.conf: plans by name, one map per flavor. */
const planCache = new WeakMap<ResolvConf, { glibc: Map<string, CandidatePlan>; musl: Map<string, CandidatePlan> }>();

/** searchCandidates, remembered per resolv.conf (a pod asks for the same few names again and again). */
function candidatePlan(name: string, conf: ResolvConf, flavor: ResolverFlavor): CandidatePlan {
  let byFlavor = planCache.get(conf);
  if (!byFlavor) {
    byFlavor = { glibc: new Map(), musl: new Map() };
    planCache.set(conf, byFlavor);
  }
  const byName = flavor === 'musl' ? byFlavor.musl : byFlavor.glibc;
  let plan = byName.get(name);
  if (!plan) {
    if (byName.size > 4096) byName.clear();
    const candidates = searchCandidates(name, conf, flavor);
    plan = {
      candidates,
      hops: candidates.map((c): TraceHop => Object.freeze({ type: 'search', name: c.name, reason: c.reason })),
      asIsFirst: candidates.length > 0 && candidates[0].reason.endsWith('tried as is first'),
    };
    byName.set(name, plan);
  }
  return plan;
}

/** The names tried for `name`, in order, with the reason for each. */
export function searchCandidates(name: string, conf: ResolvConf, flavor: ResolverFlavor = 'glibc'): SearchCandidate[] {
  const ndots = ndotsOf(conf);
  const trailing = name.endsWith('.');
  const dots = countDots(name);
  const abs = trailing ? name : `${name}.`;
  if (trailing) return [{ name: abs, reason: 'ends with a dot: absolute, tried as is only' }];
  const few = `${dots} dot${dots === 1 ? '' : 's'} < ndots:${ndots}`;
  const many = `${dots} dot${dots === 1 ? '' : 's'} ≥ ndots:${ndots}`;
  const searched = conf.search.filter((d) => d !== '' && d !== '.').map((d) => ({ name: `${name}.${d.replace(/\.$/, '')}.`, domain: d }));
  if (flavor === 'musl') {
    if (dots >= ndots) return [{ name: abs, reason: `${many}: tried as is only` }];
    return [...searched.map((s) => ({ name: s.name, reason: `${few}: search domain ${s.domain}` })), { name: abs, reason: 'search list exhausted: tried as is' }];
  }
  const out: SearchCandidate[] = [];
  if (dots >= ndots) out.push({ name: abs, reason: `${many}: tried as is first` });
  out.push(...searched.map((s) => ({ name: s.name, reason: dots >= ndots ? `search domain ${s.domain}` : `${few}: search domain ${s.domain}` })));
  if (dots < ndots) out.push({ name: abs, reason: 'search list exhausted: tried as is' });
  return out;
}


/** Who asks, through which network, with which resolv.conf. */
export interface StubClient {
  actor: TraceActor;
  network: DnsNetwork;
  conf: ResolvConf;
}

/** Stub queries ask for recursion. */
const RD = Object.freeze({ rd: true });

/** Sends one query, trying the nameservers in order (res_send moves on after a timeout, SERVFAIL, REFUSED or NOTIMP). */
export function queryServers(client: StubClient, name: string, type: RRType): LookupAttempt {
  const hops: TraceHop[] = [];
  const servers = client.conf.nameservers;
  if (servers.length === 0) return { name, type, server: '', timedOut: true, hops };
  const q = { name, type };
  let last: LookupAttempt | undefined;
  for (let i = 0; i < servers.length; i++) {
    const server = servers[i];
    const out = client.network.query(client.actor, server, q, hops, RD);
    last = { name, type, server, message: out.message, timedOut: out.timedOut, hops };
    const rcode = out.message?.rcode;
    if (out.message && rcode !== 'SERVFAIL' && rcode !== 'REFUSED' && rcode !== 'NOTIMP') return last;
  }
  return last!;
}

/** Every candidate × type, each queried once: the raw primitive the shell's tools build on. */
export function lookup(client: StubClient, candidates: readonly string[], types: readonly RRType[]): LookupAttempt[] {
  const out: LookupAttempt[] = [];
  for (const name of candidates) for (const type of types) out.push(queryServers(client, name, type));
  return out;
}


/** A whole resolution: every try, the trace, and the answer (the protocol's LookupResult). */
export type ResolveResult = LookupResult;

type Status = 'answer' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'refused';

function statusOf(attempts: LookupAttempt[]): Status {
  let timeout = false;
  let servfail = false;
  let refused = false;
  let noerror = false;
  for (const a of attempts) {
    const m = a.message;
    if (!m) {
      timeout = true;
      continue;
    }
    if (m.rcode === 'NOERROR') {
      if (m.answer.length > 0) return 'answer';
      noerror = true;
    } else if (m.rcode === 'SERVFAIL') servfail = true;
    else if (m.rcode !== 'NXDOMAIN') refused = true;
  }
  return timeout ? 'timeout' : servfail ? 'servfail' : refused ? 'refused' : noerror ? 'nodata' : 'nxdomain';
}

/** statusOf([a]). */
function statusOfOne(a: LookupAttempt): Status {
  const m = a.message;
  if (!m) return 'timeout';
  if (m.rcode === 'NOERROR') return m.answer.length > 0 ? 'answer' : 'nodata';
  if (m.rcode === 'SERVFAIL') return 'servfail';
  return m.rcode === 'NXDOMAIN' ? 'nxdomain' : 'refused';
}

function finish(query: string, types: RRType[], outcome: ResolveOutcome, attempts: LookupAttempt[], hops: TraceHop[], found?: LookupAttempt[]): ResolveResult {
  const addresses: string[] = [];
  if (found) {
    for (const a of found) {
      for (const r of a.message!.answer) if ((r.type === 'A' || r.type === 'AAAA') && types.includes(r.type)) addresses.push(r.data);
    }
  }
  return { query, types, outcome, name: found?.[0].name, attempts, hops, addresses };
}

/** Resolves `name` for `types` (['A'] for gethostbyname, ['A','AAAA'] for getaddrinfo AF_UNSPEC). */
export function resolve(client: StubClient, name: string, types: RRType[], flavor: ResolverFlavor = 'glibc'): ResolveResult {
  const hops: TraceHop[] = [];
  const attempts: LookupAttempt[] = [];
  let gotNodata = false;
  let gotServfail = false;
  let savedFirst: Status | undefined;
  let last: Status = 'nxdomain';
  const plan = candidatePlan(name, client.conf, flavor);
  const candidates = plan.candidates;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    hops.push(plan.hops[i]);
    let status: Status;
    if (types.length === 1) {
      const attempt = queryServers(client, c.name, types[0]);
      attempts.push(attempt);
      for (const h of attempt.hops) hops.push(h);
      status = statusOfOne(attempt);
      if (status === 'answer') return finish(name, types, 'found', attempts, hops, [attempt]);
    } else {
      const tries: LookupAttempt[] = [];
      for (const t of types) {
        const attempt = queryServers(client, c.name, t);
        tries.push(attempt);
        attempts.push(attempt);
        for (const h of attempt.hops) hops.push(h);
      }
      status = statusOf(tries);
      if (status === 'answer') return finish(name, types, 'found', attempts, hops, tries);
    }
    last = status;
    if (flavor === 'musl') {
      if (status === 'nxdomain') continue;
      return finish(name, types, status, attempts, hops);
    }
    if (i === 0 && plan.asIsFirst) savedFirst = status;
    if (status === 'nodata') gotNodata = true;
    else if (status === 'servfail') gotServfail = true;
    else if (status === 'timeout' || status === 'refused') return finish(name, types, status, attempts, hops);
  }
  const final: Status = savedFirst ?? (gotNodata ? 'nodata' : gotServfail ? 'servfail' : last);
  return finish(name, types, final === 'answer' ? 'found' : final, attempts, hops);
}
