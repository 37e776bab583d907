import { describe, expect, it } from 'vitest';
import type { TraceHop } from '../../shared/dns-types';
import { pod, stackWith } from './testing/cluster-fixtures';

type QueryHop = Extract<TraceHop, { type: 'dns-query' }>;
const queryHops = (hops: TraceHop[]): QueryHop[] => hops.filter((h): h is QueryHop => h.type === 'dns-query');
const path = (hops: TraceHop[]): string[] => queryHops(hops).map((h) => `${h.from.id} → ${h.to.id}${h.cache ? ` (${h.cache})` : ''}`);
const pod4 = pod('pod4', '20.109.5.40');

describe('the DNS chain: pod → CoreDNS → internal DNS → resolver → root → TLD → authoritative', () => {
  it('walks the whole chain on a cold cache', () => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, 'google.com.');
    expect(r.outcome).toBe('found');
    expect(path(r.hops)).toEqual([
      'default/pod4 → coredns (miss)',
      'coredns → ns.lab.internal (miss)',
      'ns.lab.internal → dns.google (miss)',
      'dns.google → a.root-servers.net',
      'dns.google → a.gtld-servers.net',
      'dns.google → ns1.google.com',
    ]);
    const [, , , root, tld, auth] = queryHops(r.hops);
    expect(root.note).toBe('referral to com.');
    expect(tld.note).toBe('referral to google.com.');
    expect(auth.answers).toEqual([{ name: 'google.com.', type: 'A', ttl: 300, data: '142.250.196.110' }]);
    // The client sees the answer capped by CoreDNS's `cache 30`.
    expect(r.attempts[0].message!.answer).toEqual([{ name: 'google.com.', type: 'A', ttl: 30, data: '142.250.196.110' }]);
  });

  it('answers the second lookup from CoreDNS’s cache, with the TTL run down', () => {
    const { stack, clock } = stackWith();
    stack.resolveFromPod(pod4, 'google.com.');
    clock.advance(10_000);
    const r = stack.resolveFromPod(pod4, 'google.com.');
    expect(path(r.hops)).toEqual(['default/pod4 → coredns (hit)']);
    expect(r.attempts[0].message!.answer[0].ttl).toBe(20);
  });

  it('after CoreDNS’s 30s, the internal DNS answers from its cache; the resolver keeps the delegations', () => {
    const { stack, clock } = stackWith();
    stack.resolveFromPod(pod4, 'google.com.');
    clock.advance(31_000);
    const second = stack.resolveFromPod(pod4, 'google.com.');
    expect(path(second.hops)).toEqual(['default/pod4 → coredns (miss)', 'coredns → ns.lab.internal (hit)']);
    expect(queryHops(second.hops)[1].answers![0].ttl).toBe(269);
    clock.advance(300_000);
    const third = stack.resolveFromPod(pod4, 'google.com.');
    expect(path(third.hops)).toEqual(['default/pod4 → coredns (miss)', 'coredns → ns.lab.internal (miss)', 'ns.lab.internal → dns.google (miss)', 'dns.google → ns1.google.com']);
  });

  it('chases a CNAME across zones at the resolver', () => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, 'www.github.com.');
    expect(r.attempts[0].message!.answer.map((a) => `${a.name} ${a.type} ${a.data}`)).toEqual(['www.github.com. CNAME github.com.', 'github.com. A 20.200.245.247']);
  });

  it('caches a negative answer for min(SOA TTL, MINIMUM) at the resolver', () => {
    const { stack, clock } = stackWith();
    const first = stack.resolveFromPod(pod4, 'nosuch.google.com.');
    expect(first.outcome).toBe('nxdomain');
    const soa = first.attempts[0].message!.authority[0];
    expect(soa.name).toBe('google.com.');
    expect(soa.ttl).toBe(30); // min(60, 60) at google.com, then CoreDNS's cap of 30
    clock.advance(31_000);
    const again = stack.resolveFromPod(pod4, 'nosuch.google.com.');
    expect(path(again.hops)).toEqual(['default/pod4 → coredns (miss)', 'coredns → ns.lab.internal (hit)']);
  });

  it('AAAA from the internet (dual-stack sites)', () => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, 'google.com.', ['AAAA']);
    expect(r.addresses).toEqual(['2404:6800:4004:827::200e']);
    const pages = stack.resolveFromPod(pod4, 'kubetm.github.io.', ['AAAA']);
    expect(pages.addresses.slice().sort()).toEqual(['2606:50c0:8000::153', '2606:50c0:8001::153', '2606:50c0:8002::153', '2606:50c0:8003::153']);
  });

  it('internal names are answered by the internal DNS, never the internet', () => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, 'user1');
    const last = r.hops.slice(r.hops.findIndex((h) => h.type === 'search' && h.name === 'user1.lab.internal.'));
    expect(path(last)).toEqual(['default/pod4 → coredns (miss)', 'coredns → ns.lab.internal']);
    expect(queryHops(last)[1].note).toBe('from /etc/hosts');
  });

  it('a TLD the world does not have is NXDOMAIN from the root', () => {
    const { stack } = stackWith();
    const r = stack.resolveFromPod(pod4, 'something.invalid.');
    expect(r.outcome).toBe('nxdomain');
    expect(r.attempts[0].message!.authority.map((a) => a.name)).toEqual(['.']);
  });
});
