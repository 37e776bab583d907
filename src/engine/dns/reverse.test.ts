import { describe, expect, it } from 'vitest';
import { ask, lines, stackWith, zone } from './testing/cluster-fixtures';

describe('PTR records (spec §2.3.3, §2.4.3; reverse.go)', () => {
  it.each([
    { name: 'a cluster IP names its service', qname: '21.83.103.10.in-addr.arpa.', answer: '21.83.103.10.in-addr.arpa. 30 IN PTR service1.default.svc.cluster.local.' },
    { name: 'the DNS service', qname: '10.0.96.10.in-addr.arpa.', answer: '10.0.96.10.in-addr.arpa. 30 IN PTR kube-dns.kube-system.svc.cluster.local.' },
    { name: 'a headless endpoint with a hostname', qname: '11.5.109.20.in-addr.arpa.', answer: '11.5.109.20.in-addr.arpa. 30 IN PTR pod-a.headless1.default.svc.cluster.local.' },
    { name: 'a headless endpoint without one: dashed IP', qname: '13.5.109.20.in-addr.arpa.', answer: '13.5.109.20.in-addr.arpa. 30 IN PTR 20-109-5-13.headless1.default.svc.cluster.local.' },
    { name: "a ClusterIP service's endpoint too", qname: '21.5.109.20.in-addr.arpa.', answer: '21.5.109.20.in-addr.arpa. 30 IN PTR 20-109-5-21.service1.default.svc.cluster.local.' },
    { name: 'a CoreDNS pod', qname: '2.0.96.20.in-addr.arpa.', answer: '2.0.96.20.in-addr.arpa. 30 IN PTR 20-96-0-2.kube-dns.kube-system.svc.cluster.local.' },
    { name: 'case is kept', qname: '21.83.103.10.IN-ADDR.ARPA.', answer: '21.83.103.10.IN-ADDR.ARPA. 30 IN PTR service1.default.svc.cluster.local.' },
  ])('$name', ({ qname, answer }) => {
    const { stack } = stackWith();
    const m = ask(stack, qname, 'PTR');
    expect(m.rcode).toBe('NOERROR');
    expect(m.aa).toBe(true);
    expect(lines(m.answer)).toEqual(zone(answer));
  });

  it('falls through for an address the cluster does not know: forward → internal DNS (bogus-priv)', () => {
    const { stack } = stackWith();
    const ex = stack.query({ kind: 'pod', id: 'default/pod4' }, '10.96.0.10', '99.99.96.10.in-addr.arpa', 'PTR');
    expect(ex.message.rcode).toBe('NXDOMAIN');
    expect(ex.hops.flatMap((h) => (h.type === 'dns-query' ? [h.to.id] : []))).toEqual(['coredns', 'ns.lab.internal']);
  });

  it('a not-ready endpoint has no PTR (falls through)', () => {
    const { stack } = stackWith();
    const ex = stack.query({ kind: 'pod', id: 'default/pod4' }, '10.96.0.10', '7.1.111.20.in-addr.arpa', 'PTR');
    expect(ex.hops.length).toBeGreaterThan(1);
    expect(ex.message.answer).toEqual([]);
  });

  it('resolves an internal host by address through the chain', () => {
    const { stack } = stackWith();
    const m = ask(stack, '21.0.168.192.in-addr.arpa.', 'PTR');
    // dnsmasq answers from /etc/hosts with TTL 0; CoreDNS's cache clamps that to its 5s minimum
    // and sends every record out with that duration.
    expect(lines(m.answer)).toEqual(zone('21.0.168.192.in-addr.arpa. 5 IN PTR user1.lab.internal.'));
  });
});
