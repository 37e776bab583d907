import { describe, expect, it } from 'vitest';
import { ask, lines, stackWith, zone } from './testing/cluster-fixtures';

const SOA = 'cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1772442000 7200 1800 86400 30';
const { stack } = stackWith();

describe('zone apex, schema version, NXDOMAIN vs NODATA', () => {
  it.each([
    { name: 'apex SOA', qname: 'cluster.local.', qtype: 'SOA', rcode: 'NOERROR', answer: SOA, additional: '' },
    {
      name: 'apex NS: the service in front of CoreDNS, its address as glue',
      qname: 'cluster.local.',
      qtype: 'NS',
      rcode: 'NOERROR',
      answer: 'cluster.local. 30 IN NS kube-dns.kube-system.svc.cluster.local.',
      additional: 'kube-dns.kube-system.svc.cluster.local. 30 IN A 10.96.0.10',
    },
    { name: 'ns.dns.<zone>', qname: 'ns.dns.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: 'ns.dns.cluster.local. 30 IN A 10.96.0.10', additional: '' },
    // 28800 in the kubernetes plugin; the cache plugin sends every reply out with TTL ≤ 30.
    { name: 'dns-version (through the cache: TTL capped)', qname: 'dns-version.cluster.local.', qtype: 'TXT', rcode: 'NOERROR', answer: 'dns-version.cluster.local. 30 IN TXT "1.1.0"', additional: '' },
  ])('$name', ({ qname, qtype, rcode, answer, additional }) => {
    const m = ask(stack, qname, qtype as 'A');
    expect(m.rcode).toBe(rcode);
    expect(lines(m.answer)).toEqual(zone(answer));
    expect(lines(m.additional)).toEqual(zone(additional));
  });

  it('serves dns-version with TTL 28800 when no cache sits in front (spec §2.2)', () => {
    const { stack: s } = stackWith(undefined, '.:53 {\n  kubernetes cluster.local\n}\n');
    expect(lines(ask(s, 'dns-version.cluster.local.', 'TXT').answer)).toEqual(zone('dns-version.cluster.local. 28800 IN TXT "1.1.0"'));
  });

  it.each([
    { qname: 'cluster.local.', qtype: 'A', rcode: 'NOERROR', why: 'the apex exists' },
    { qname: 'cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', why: 'the apex exists' },
    { qname: 'svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', why: 'parse.go: NODATA for `svc.<zone>`' },
    { qname: 'pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', why: 'parse.go: NODATA for `pod.<zone>`' },
    { qname: 'default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', why: 'an existing namespace' },
    { qname: 'nosuchns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', why: 'no such namespace' },
    { qname: 'service1.nosuchns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', why: 'no such namespace' },
    { qname: 'foo.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', why: 'neither svc nor pod' },
    { qname: 'dns-version.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', why: 'dns-version exists only as TXT in the plugin' },
    { qname: 'foo.cluster.local.', qtype: 'TXT', rcode: 'NOERROR', why: 'the TXT path answers NODATA for any one label' },
    { qname: 'a.b.c.service1.default.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', why: 'too many labels' },
    { qname: '*.default.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', why: 'wildcards were removed in CoreDNS 1.9' },
    { qname: 'service1.default.svc.cluster.local.', qtype: 'SOA', rcode: 'NOERROR', why: 'SOA exists only at the apex' },
    { qname: 'service1.default.svc.cluster.local.', qtype: 'NS', rcode: 'NOERROR', why: 'NS below the apex: like any other type' },
    { qname: 'nope.default.svc.cluster.local.', qtype: 'NS', rcode: 'NXDOMAIN', why: 'NS below the apex: like any other type' },
  ])('$qname $qtype → $rcode ($why), with the SOA as authority', ({ qname, qtype, rcode }) => {
    const m = ask(stack, qname, qtype as 'A');
    expect(m.rcode).toBe(rcode);
    expect(m.answer).toEqual([]);
    expect(lines(m.authority)).toEqual(zone(SOA));
  });

  it('bumps the SOA serial to the virtual time of the last change', () => {
    const { stack: s, store, clock } = stackWith();
    clock.advance(90_000);
    store.delete('Service', 'default', 'service1');
    const m = ask(s, 'cluster.local.', 'SOA');
    expect(m.answer[0].data).toBe('ns.dns.cluster.local. hostmaster.cluster.local. 1772442090 7200 1800 86400 30');
  });
});
