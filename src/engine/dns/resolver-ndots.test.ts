import { describe, expect, it } from 'vitest';
import type { TraceHop } from '../../shared/dns-types';
import { nodeResolvConf, parseResolvConf } from './resolv-conf';
import { resolve, searchCandidates } from './stub-resolver';
import { pod, stackWith } from './testing/cluster-fixtures';
import { DEFAULT_WORLD } from '../world/world';

const podConf = parseResolvConf('search default.svc.cluster.local svc.cluster.local cluster.local lab.internal\nnameserver 10.96.0.10\noptions ndots:5\n');
const SEARCH = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'lab.internal'];
const searched = (name: string): string[] => SEARCH.map((d) => `${name}.${d}.`);

describe('search list and ndots (glibc res_search, musl name_from_dns_search)', () => {
  it.each([
    { name: 'headless1', flavor: 'glibc', expected: [...searched('headless1'), 'headless1.'] },
    { name: 'pod-a.headless1', flavor: 'glibc', expected: [...searched('pod-a.headless1'), 'pod-a.headless1.'] },
    { name: 'google.com', flavor: 'glibc', expected: [...searched('google.com'), 'google.com.'] },
    { name: 'google.com.', flavor: 'glibc', expected: ['google.com.'] },
    { name: 'a.b.c.d.e.f', flavor: 'glibc', expected: ['a.b.c.d.e.f.', ...searched('a.b.c.d.e.f')] },
    { name: 'a.b.c.d.e.f', flavor: 'musl', expected: ['a.b.c.d.e.f.'] },
    { name: 'headless1', flavor: 'musl', expected: [...searched('headless1'), 'headless1.'] },
  ] as const)('$flavor tries $name as $expected', ({ name, flavor, expected }) => {
    expect(searchCandidates(name, podConf, flavor).map((c) => c.name)).toEqual(expected);
  });

  it('uses ndots 1 and the internal domain on a node', () => {
    const conf = nodeResolvConf(DEFAULT_WORLD);
    expect(searchCandidates('user1', conf).map((c) => c.name)).toEqual(['user1.lab.internal.', 'user1.']);
    expect(searchCandidates('google.com', conf).map((c) => c.name)).toEqual(['google.com.', 'google.com.lab.internal.']);
  });
});

const queries = (hops: TraceHop[]): string[] => hops.flatMap((h) => (h.type === 'dns-query' ? [`${h.from.id}>${h.to.id} ${h.name} ${h.qtype} ${h.rcode ?? 'timeout'}`] : []));
const pod4 = pod('pod4', '20.109.5.40');

describe('resolving from a pod', () => {
  it.each([
    { name: 'service1', found: 'service1.default.svc.cluster.local.', addresses: ['10.103.83.21'], tries: 1 },
    { name: 'headless1', found: 'headless1.default.svc.cluster.local.', addresses: ['20.109.5.11', '20.109.5.12', '20.109.5.13'], tries: 1 },
    { name: 'pod-a.headless1', found: 'pod-a.headless1.default.svc.cluster.local.', addresses: ['20.109.5.11'], tries: 1 },
    { name: 'kube-dns.kube-system', found: 'kube-dns.kube-system.svc.cluster.local.', addresses: ['10.96.0.10'], tries: 2 },
    { name: 'service1.default.svc.cluster.local', found: 'service1.default.svc.cluster.local.', addresses: ['10.103.83.21'], tries: 5 },
    { name: 'user1', found: 'user1.lab.internal.', addresses: ['192.168.0.21'], tries: 4 },
    { name: 'node1', found: 'node1.lab.internal.', addresses: ['192.168.0.31'], tries: 4 },
    { name: 'google.com', found: 'google.com.', addresses: ['142.250.196.110'], tries: 5 },
    { name: 'google.com.', found: 'google.com.', addresses: ['142.250.196.110'], tries: 1 },
  ])('$name → $found after $tries tries', ({ name, found, addresses, tries }) => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, name);
    expect(r.outcome).toBe('found');
    expect(r.name).toBe(found);
    expect(r.addresses.slice().sort()).toEqual(addresses);
    expect(r.attempts).toHaveLength(tries);
    expect(r.hops.filter((h) => h.type === 'search')).toHaveLength(tries);
  });

  it('google.com: three cluster NXDOMAINs and the internal domain, then the name as is', () => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, 'google.com');
    expect(r.attempts.map((a) => `${a.name} ${a.message!.rcode}`)).toEqual([
      'google.com.default.svc.cluster.local. NXDOMAIN',
      'google.com.svc.cluster.local. NXDOMAIN',
      'google.com.cluster.local. NXDOMAIN',
      'google.com.lab.internal. NXDOMAIN',
      'google.com. NOERROR',
    ]);
  });

  it('NODATA: glibc keeps searching and ends with NODATA; musl stops at once', () => {
    const { stack } = stackWith();
    const glibc = stack.resolveFromPod(pod4, 'headless1', ['AAAA'], 'glibc');
    expect(glibc.outcome).toBe('nodata');
    expect(glibc.attempts.map((a) => a.message!.rcode)).toEqual(['NOERROR', 'NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN']);
    const musl = stack.resolveFromPod(pod4, 'headless1', ['AAAA'], 'musl');
    expect(musl.outcome).toBe('nodata');
    expect(musl.attempts).toHaveLength(1);
  });

  it('A and AAAA together (getaddrinfo AF_UNSPEC): found when either has addresses', () => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, 'service1', ['A', 'AAAA']);
    expect(r.outcome).toBe('found');
    expect(r.attempts.map((a) => `${a.type} ${a.message!.rcode} ${a.message!.answer.length}`)).toEqual(['A NOERROR 1', 'AAAA NOERROR 0']);
  });

  it('an unknown name is NXDOMAIN after every candidate', () => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, 'nosuchname');
    expect(r.outcome).toBe('nxdomain');
    expect(r.attempts).toHaveLength(5);
  });

  it('a dead DNS server: the query times out and the search stops', () => {
    const { stack } = stackWith();
    const client = { ...stack.clientForPod(pod4), conf: { ...podConf, nameservers: ['10.96.0.99'] } };
    const r = resolve(client, 'service1', ['A']);
    expect(r.outcome).toBe('timeout');
    expect(queries(r.hops)).toEqual(['default/pod4>10.96.0.99 service1.default.svc.cluster.local. A timeout']);
  });

  it('resolves from a node through the internal DNS (dnsPolicy Default / hosts)', () => {
    const { stack } = stackWith();
    const r = resolve(stack.clientForHost({ kind: 'node', id: 'node1', ip: '192.168.0.31' }), 'user1', ['A']);
    expect(r.name).toBe('user1.lab.internal.');
    expect(queries(r.hops)).toEqual(['node1>ns.lab.internal user1.lab.internal. A NOERROR']);
  });
});
