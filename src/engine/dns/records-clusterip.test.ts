import { describe, expect, it } from 'vitest';
import { ask, chapterObjects, lines, service, slice, stackWith, zone } from './testing/cluster-fixtures';

// The store was filled at the course's start time: the zone's SOA serial (dnsControl.Modified).
const SOA = 'cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1772442000 7200 1800 86400 30';

const objects = [
  ...chapterObjects(),
  service('dual', { clusterIPs: ['10.96.100.5', 'fd00:10:96::5'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  slice('dual', [{ ip: '20.109.5.30' }], { ports: [{ name: 'http', port: 8080 }] }),
];
const { stack } = stackWith(objects);

describe('ClusterIP service records (spec §2.3)', () => {
  it.each([
    { qname: 'service1.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: 'service1.default.svc.cluster.local. 30 IN A 10.103.83.21', authority: '' },
    { qname: 'service1.default.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: '', authority: SOA },
    { qname: 'service1.default.svc.cluster.local.', qtype: 'TXT', rcode: 'NOERROR', answer: '', authority: SOA },
    { qname: 'service1.default.svc.cluster.local.', qtype: 'MX', rcode: 'NOERROR', answer: '', authority: SOA },
    { qname: 'service9.default.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '', authority: SOA },
    { qname: 'service9.default.svc.cluster.local.', qtype: 'MX', rcode: 'NXDOMAIN', answer: '', authority: SOA },
    { qname: 'kubernetes.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: 'kubernetes.default.svc.cluster.local. 30 IN A 10.96.0.1', authority: '' },
    { qname: 'kube-dns.kube-system.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: 'kube-dns.kube-system.svc.cluster.local. 30 IN A 10.96.0.10', authority: '' },
    // A name with an endpoint label resolves the endpoint even for a ClusterIP service (findServices).
    { qname: '20-109-5-21.service1.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: '20-109-5-21.service1.default.svc.cluster.local. 30 IN A 20.109.5.21', authority: '' },
    { qname: 'pod9.service1.default.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '', authority: SOA },
    // `_port._proto` also narrows an A query.
    { qname: '_http._tcp.service1.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: '_http._tcp.service1.default.svc.cluster.local. 30 IN A 10.103.83.21', authority: '' },
    { qname: 'dual.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: 'dual.default.svc.cluster.local. 30 IN A 10.96.100.5', authority: '' },
    { qname: 'dual.default.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: 'dual.default.svc.cluster.local. 30 IN AAAA fd00:10:96::5', authority: '' },
  ])('$qname $qtype → $rcode', ({ qname, qtype, rcode, answer, authority }) => {
    const m = ask(stack, qname, qtype as 'A');
    expect(m.rcode).toBe(rcode);
    expect(m.aa).toBe(true);
    expect(lines(m.answer)).toEqual(zone(answer));
    expect(lines(m.authority)).toEqual(zone(authority));
  });

  it.each([
    {
      qname: '_http._tcp.service1.default.svc.cluster.local.',
      answer: '_http._tcp.service1.default.svc.cluster.local. 30 IN SRV 0 100 80 service1.default.svc.cluster.local.',
      additional: 'service1.default.svc.cluster.local. 30 IN A 10.103.83.21',
    },
    {
      // The bare name matches every port, unnamed ones too; two records share 100 × 2 → weight 50.
      qname: 'service1.default.svc.cluster.local.',
      answer: `service1.default.svc.cluster.local. 30 IN SRV 0 50 80 service1.default.svc.cluster.local.
               service1.default.svc.cluster.local. 30 IN SRV 0 50 8443 service1.default.svc.cluster.local.`,
      additional: 'service1.default.svc.cluster.local. 30 IN A 10.103.83.21',
    },
    {
      // Dual-stack: one SRV (duplicates dropped), weight from both entries, both addresses as extra.
      qname: '_http._tcp.dual.default.svc.cluster.local.',
      answer: '_http._tcp.dual.default.svc.cluster.local. 30 IN SRV 0 50 80 dual.default.svc.cluster.local.',
      additional: `dual.default.svc.cluster.local. 30 IN A 10.96.100.5
                   dual.default.svc.cluster.local. 30 IN AAAA fd00:10:96::5`,
    },
  ])('SRV $qname', ({ qname, answer, additional }) => {
    const m = ask(stack, qname, 'SRV');
    expect(m.rcode).toBe('NOERROR');
    expect(lines(m.answer)).toEqual(zone(answer));
    expect(lines(m.additional)).toEqual(zone(additional));
  });

  it.each([
    { qname: '_https._tcp.service1.default.svc.cluster.local.', why: 'no port has that name (unnamed ports have no SRV)' },
    { qname: '_http._udp.service1.default.svc.cluster.local.', why: 'the port is TCP' },
  ])('SRV $qname is NXDOMAIN: $why', ({ qname }) => {
    const m = ask(stack, qname, 'SRV');
    expect(m.rcode).toBe('NXDOMAIN');
    expect(lines(m.authority)).toEqual(zone(SOA));
  });

  it.each([
    { qname: 'Service1.Default.SVC.cluster.local.', answer: 'Service1.Default.SVC.cluster.local. 30 IN A 10.103.83.21', authority: '' },
    { qname: 'SERVICE1.default.svc.CLUSTER.LOCAL.', answer: 'SERVICE1.default.svc.CLUSTER.LOCAL. 30 IN A 10.103.83.21', authority: '' },
  ])('matches $qname case-insensitively and answers in its case', ({ qname, answer }) => {
    const m = ask(stack, qname, 'A');
    expect(m.question.name).toBe(qname);
    expect(lines(m.answer)).toEqual(zone(answer));
  });

  it('keeps the query case in the SOA of a negative answer', () => {
    const m = ask(stack, 'nope.default.svc.CLUSTER.LOCAL.', 'A');
    expect(m.rcode).toBe('NXDOMAIN');
    expect(lines(m.authority)).toEqual(zone('CLUSTER.LOCAL. 30 IN SOA ns.dns.CLUSTER.LOCAL. hostmaster.CLUSTER.LOCAL. 1772442000 7200 1800 86400 30'));
  });

  it('answers authoritatively without recursion available, as CoreDNS does for its zone', () => {
    const m = ask(stack, 'service1.default.svc.cluster.local.', 'A');
    expect(m.aa).toBe(true);
    expect(m.ra).toBe(false);
  });
});
