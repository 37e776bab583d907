import { describe, expect, it } from 'vitest';
import { ask, chapterObjects, lines, service, slice, stackWith, zone } from './testing/cluster-fixtures';

const SOA = 'cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1772442000 7200 1800 86400 30';

const objects = [
  ...chapterObjects(),
  service('empty-headless', { clusterIP: 'None', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  slice('empty-headless', [{ ip: '20.109.6.1', ready: false }], { ports: [{ name: 'http', port: 8080 }] }),
  service('noports', { clusterIP: 'None' }),
  slice('noports', [{ ip: '20.109.6.9' }]),
  service('v6-headless', { clusterIP: 'None', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  slice('v6-headless', [{ ip: 'fd00:20::7' }], { addressType: 'IPv6', ports: [{ name: 'http', port: 8080 }] }),
];
const { stack } = stackWith(objects);

describe('headless service records (spec §2.4)', () => {
  it.each([
    {
      name: 'the service name lists every ready endpoint, not-ready pod-c excluded',
      qname: 'headless1.default.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: `headless1.default.svc.cluster.local. 30 IN A 20.109.5.11
               headless1.default.svc.cluster.local. 30 IN A 20.109.5.12
               headless1.default.svc.cluster.local. 30 IN A 20.109.5.13`,
    },
    { name: 'IPv4-only: AAAA is NODATA', qname: 'headless1.default.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: '' },
    { name: 'hostname.subdomain', qname: 'pod-a.headless1.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: 'pod-a.headless1.default.svc.cluster.local. 30 IN A 20.109.5.11' },
    { name: 'pod-b', qname: 'pod-b.headless1.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: 'pod-b.headless1.default.svc.cluster.local. 30 IN A 20.109.5.12' },
    { name: 'an endpoint without hostname answers by its dashed IP', qname: '20-109-5-13.headless1.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: '20-109-5-13.headless1.default.svc.cluster.local. 30 IN A 20.109.5.13' },
    { name: 'an endpoint with a hostname is not also its dashed IP', qname: '20-109-5-11.headless1.default.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
    { name: 'not-ready pod-c has no name', qname: 'pod-c.headless1.default.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
    { name: 'no ready endpoints: NXDOMAIN (§2.4.1)', qname: 'empty-headless.default.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
    { name: 'no ports: the sentinel port still gives A records', qname: 'noports.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: 'noports.default.svc.cluster.local. 30 IN A 20.109.6.9' },
    { name: 'IPv6 endpoint', qname: 'v6-headless.default.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: 'v6-headless.default.svc.cluster.local. 30 IN AAAA fd00:20::7' },
    { name: 'IPv6 dashed name', qname: 'fd00-20--7.v6-headless.default.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: 'fd00-20--7.v6-headless.default.svc.cluster.local. 30 IN AAAA fd00:20::7' },
  ])('$name', ({ qname, qtype, rcode, answer }) => {
    const m = ask(stack, qname, qtype as 'A');
    expect(m.rcode).toBe(rcode);
    expect(lines(m.answer)).toEqual(zone(answer));
    expect(lines(m.authority)).toEqual(answer === '' ? zone(SOA) : []);
  });

  it.each([
    {
      name: 'named port: one SRV per ready endpoint, to its name, weight 100/3, the endpoint port',
      qname: '_http._tcp.headless1.default.svc.cluster.local.',
      answer: `_http._tcp.headless1.default.svc.cluster.local. 30 IN SRV 0 33 8080 pod-a.headless1.default.svc.cluster.local.
               _http._tcp.headless1.default.svc.cluster.local. 30 IN SRV 0 33 8080 pod-b.headless1.default.svc.cluster.local.
               _http._tcp.headless1.default.svc.cluster.local. 30 IN SRV 0 33 8080 20-109-5-13.headless1.default.svc.cluster.local.`,
      additional: `pod-a.headless1.default.svc.cluster.local. 30 IN A 20.109.5.11
                   pod-b.headless1.default.svc.cluster.local. 30 IN A 20.109.5.12
                   20-109-5-13.headless1.default.svc.cluster.local. 30 IN A 20.109.5.13`,
    },
    {
      name: 'the bare service name gives the same (every port matches)',
      qname: 'headless1.default.svc.cluster.local.',
      answer: `headless1.default.svc.cluster.local. 30 IN SRV 0 33 8080 pod-a.headless1.default.svc.cluster.local.
               headless1.default.svc.cluster.local. 30 IN SRV 0 33 8080 pod-b.headless1.default.svc.cluster.local.
               headless1.default.svc.cluster.local. 30 IN SRV 0 33 8080 20-109-5-13.headless1.default.svc.cluster.local.`,
      additional: `pod-a.headless1.default.svc.cluster.local. 30 IN A 20.109.5.11
                   pod-b.headless1.default.svc.cluster.local. 30 IN A 20.109.5.12
                   20-109-5-13.headless1.default.svc.cluster.local. 30 IN A 20.109.5.13`,
    },
    {
      name: 'one endpoint by name',
      qname: 'pod-a.headless1.default.svc.cluster.local.',
      answer: 'pod-a.headless1.default.svc.cluster.local. 30 IN SRV 0 100 8080 pod-a.headless1.default.svc.cluster.local.',
      additional: 'pod-a.headless1.default.svc.cluster.local. 30 IN A 20.109.5.11',
    },
  ])('SRV: $name', ({ qname, answer, additional }) => {
    const m = ask(stack, qname, 'SRV');
    expect(m.rcode).toBe('NOERROR');
    expect(lines(m.answer)).toEqual(zone(answer));
    expect(lines(m.additional)).toEqual(zone(additional));
  });

  it('a service without ports has A records but no SRV (port -1 is skipped): NODATA', () => {
    const m = ask(stack, 'noports.default.svc.cluster.local.', 'SRV');
    expect(m.rcode).toBe('NOERROR');
    expect(m.answer).toEqual([]);
  });

  it('reflects endpoint changes at once (the kubernetes plugin reads the live cluster)', () => {
    const { stack: s, store } = stackWith(objects);
    const before = ask(s, 'headless1.default.svc.cluster.local.', 'A');
    expect(before.answer).toHaveLength(3);
    const current = store.get('EndpointSlice', 'default', 'headless1-abcde')!;
    store.update({ ...current, endpoints: [(current as unknown as { endpoints: unknown[] }).endpoints[0]] } as typeof current);
    const after = ask(s, 'headless1.default.svc.cluster.local.', 'A');
    expect(lines(after.answer)).toEqual(zone('headless1.default.svc.cluster.local. 30 IN A 20.109.5.11'));
  });
});
