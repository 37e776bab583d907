import { describe, expect, it } from 'vitest';
import { ask, chapterObjects, lines, service, stackWith, zone } from './testing/cluster-fixtures';

const GITHUB_PAGES = ['185.199.108.153', '185.199.109.153', '185.199.110.153', '185.199.111.153'];
const objects = [
  ...chapterObjects(),
  service('to-service1', { type: 'ExternalName', externalName: 'service1.default.svc.cluster.local' }),
  service('to-nowhere', { type: 'ExternalName', externalName: 'nowhere.example.com' }),
];

describe('ExternalName services (spec §2.5)', () => {
  it('answers a CNAME query with the CNAME only', () => {
    const { stack } = stackWith(objects);
    const m = ask(stack, 'externalname1.default.svc.cluster.local.', 'CNAME');
    expect(m.rcode).toBe('NOERROR');
    expect(lines(m.answer)).toEqual(zone('externalname1.default.svc.cluster.local. 30 IN CNAME github.github.io.'));
  });

  it('chases an A query through the whole server: CNAME first, then the target addresses from upstream', () => {
    const { stack } = stackWith(objects);
    const exchange = stack.query({ kind: 'pod', id: 'default/pod4' }, '10.96.0.10', 'externalname1.default.svc.cluster.local', 'A');
    const m = exchange.message;
    expect(m.rcode).toBe('NOERROR');
    expect(m.answer[0]).toEqual({ name: 'externalname1.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'github.github.io.' });
    // The upstream answer passed through the cache: TTL 3600 capped at 30.
    expect(lines(m.answer.slice(1))).toEqual(GITHUB_PAGES.map((ip) => `github.github.io. 30 IN A ${ip}`).sort());
    const path = exchange.hops.flatMap((h) => (h.type === 'dns-query' ? [`${h.from.id} → ${h.to.id} ${h.name} ${h.qtype}`] : []));
    expect(path).toEqual([
      'default/pod4 → coredns externalname1.default.svc.cluster.local. A',
      'coredns → coredns github.github.io. A',
      'coredns → ns.lab.internal github.github.io. A',
      'ns.lab.internal → dns.google github.github.io. A',
      'dns.google → a.root-servers.net github.github.io. A',
      'dns.google → a0.nic.io github.github.io. A',
      'dns.google → dns1.p05.nsone.net github.github.io. A',
    ]);
  });

  it('gives every record the remaining cache time on the next lookup', () => {
    const { stack, clock } = stackWith(objects);
    ask(stack, 'externalname1.default.svc.cluster.local.', 'A');
    clock.advance(12_000);
    const m = ask(stack, 'externalname1.default.svc.cluster.local.', 'A');
    // The target comes from CoreDNS's cache (18s left); the reply then leaves the cache plugin
    // with every TTL set to that minimum, the CNAME's too.
    expect(lines(m.answer)).toEqual([...GITHUB_PAGES.map((ip) => `github.github.io. 18 IN A ${ip}`), 'externalname1.default.svc.cluster.local. 18 IN CNAME github.github.io.'].sort());
  });

  it('follows a CNAME into the cluster zone without asking upstream', () => {
    const { stack } = stackWith(objects);
    const m = ask(stack, 'to-service1.default.svc.cluster.local.', 'A');
    expect(lines(m.answer, true)).toEqual(zone(
      `to-service1.default.svc.cluster.local. 30 IN CNAME service1.default.svc.cluster.local.
       service1.default.svc.cluster.local. 30 IN A 10.103.83.21`,
      true,
    ));
  });

  it('keeps the CNAME when the target does not resolve (NOERROR, as CoreDNS answers)', () => {
    const { stack } = stackWith(objects);
    const m = ask(stack, 'to-nowhere.default.svc.cluster.local.', 'A');
    expect(m.rcode).toBe('NOERROR');
    expect(lines(m.answer)).toEqual(zone('to-nowhere.default.svc.cluster.local. 30 IN CNAME nowhere.example.com.'));
  });

  it.each([
    { qname: 'externalname1.default.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR' },
    { qname: 'externalname1.default.svc.cluster.local.', qtype: 'TXT', rcode: 'NOERROR' },
    { qname: 'x.externalname1.default.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN' },
  ])('$qname $qtype → $rcode without records', ({ qname, qtype, rcode }) => {
    const { stack } = stackWith(objects);
    const m = ask(stack, qname, qtype as 'A');
    expect(m.rcode).toBe(rcode);
    expect(m.answer).toEqual([]);
  });

  it('changing the externalName redirects the next lookup', () => {
    const { stack, store } = stackWith(objects);
    const svc = store.get('Service', 'default', 'externalname1')!;
    store.update({ ...svc, spec: { ...(svc.spec as object), externalName: 'www.example.com' } } as typeof svc);
    const m = ask(stack, 'externalname1.default.svc.cluster.local.', 'A');
    expect(lines(m.answer, true)).toEqual(zone(
      `externalname1.default.svc.cluster.local. 30 IN CNAME www.example.com.
       www.example.com. 30 IN CNAME example.com.
       example.com. 30 IN A 23.192.228.80`,
      true,
    ));
  });
});
