import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../../shared/api-types';
import { defaultCorefile } from './corefile';
import { ask, chapterObjects, lines, namespace, pod, service, slice, stackWith, zone } from './testing/cluster-fixtures';

// The lookup path remembers derived data (a pod's resolv.conf and search list, parsed query names,
// the lister's service and endpoint views, the zone's SOA). None of it may outlive the change that
// makes it wrong: each test asks once (filling the caches), changes the cluster, and asks again.

const addresses = (r: { addresses: string[] }): string[] => r.addresses.slice().sort();

describe('remembered lookup data follows changes', () => {
  it('a Service written anew answers with its new cluster IP; deleted, it is gone', () => {
    const { stack, store } = stackWith();
    const pod4 = pod('pod4', '20.109.5.40');
    expect(stack.resolveFromPod(pod4, 'service1').addresses).toEqual(['10.103.83.21']);
    const svc = store.get<Service>('Service', 'default', 'service1')!;
    store.update({ ...svc, spec: { ...svc.spec, clusterIP: '10.103.83.99', clusterIPs: ['10.103.83.99'] } });
    expect(stack.resolveFromPod(pod4, 'service1').addresses).toEqual(['10.103.83.99']);
    store.delete('Service', 'default', 'service1');
    expect(stack.resolveFromPod(pod4, 'service1').outcome).toBe('nxdomain');
    store.create(service('service1', { clusterIP: '10.103.83.7', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
    expect(stack.resolveFromPod(pod4, 'service1').addresses).toEqual(['10.103.83.7']);
  });

  it('EndpointSlice changes show in headless answers at once', () => {
    const { stack, store } = stackWith();
    const pod4 = pod('pod4', '20.109.5.40');
    expect(addresses(stack.resolveFromPod(pod4, 'headless1'))).toEqual(['20.109.5.11', '20.109.5.12', '20.109.5.13']);
    expect(stack.resolveFromPod(pod4, 'pod-z.headless1').outcome).toBe('nxdomain');
    const hs = store.get<EndpointSlice>('EndpointSlice', 'default', 'headless1-abcde')!;
    store.update({ ...hs, endpoints: [...(hs.endpoints ?? []), { addresses: ['20.109.5.99'], conditions: { ready: true }, hostname: 'pod-z' }] });
    expect(addresses(stack.resolveFromPod(pod4, 'headless1'))).toEqual(['20.109.5.11', '20.109.5.12', '20.109.5.13', '20.109.5.99']);
    expect(stack.resolveFromPod(pod4, 'pod-z.headless1').addresses).toEqual(['20.109.5.99']);
    store.create(slice('headless1', [{ ip: '20.109.5.98' }], { name: 'headless1-zzzzz', ports: [{ name: 'http', port: 8080 }] }));
    expect(addresses(stack.resolveFromPod(pod4, 'headless1'))).toContain('20.109.5.98');
    store.delete('EndpointSlice', 'default', 'headless1-abcde');
    store.delete('EndpointSlice', 'default', 'headless1-zzzzz');
    expect(stack.resolveFromPod(pod4, 'headless1').outcome).toBe('nxdomain');
  });

  it('namespaces created and deleted change NXDOMAIN into NODATA and back', () => {
    const { stack, store } = stackWith();
    expect(ask(stack, 'later.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    store.create(namespace('later'));
    expect(ask(stack, 'later.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
    store.delete('Namespace', undefined, 'later');
    expect(ask(stack, 'later.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  it('the SOA in a denial carries the serial of the last change', () => {
    const { stack, store, clock } = stackWith();
    const soa = (): string[] => lines(ask(stack, 'nosuch.default.svc.cluster.local.', 'A').authority);
    expect(soa()).toEqual(zone('cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1772442000 7200 1800 86400 30'));
    clock.advance(90_000);
    expect(soa()).toEqual(zone('cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1772442000 7200 1800 86400 30'));
    store.create(service('late', { clusterIP: '10.96.203.1', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
    expect(soa()).toEqual(zone('cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1772442090 7200 1800 86400 30'));
  });

  it('a pod written anew with another dnsConfig searches its new list (ndots 1: as is first)', () => {
    const { stack } = stackWith();
    const before = pod('pod4', '20.109.5.40');
    expect(stack.resolveFromPod(before, 'service1.default').outcome).toBe('found');
    const after = pod('pod4', '20.109.5.40', { dnsPolicy: 'None', dnsConfig: { nameservers: ['10.96.0.10'], searches: ['lab.internal'] } });
    const r = stack.resolveFromPod(after, 'service1.default');
    expect(r.outcome).toBe('nxdomain');
    expect(r.hops.filter((h) => h.type === 'search').map((h) => h.name)).toEqual(['service1.default.', 'service1.default.lab.internal.']);
    expect(stack.resolveFromPod(before, 'service1.default').outcome).toBe('found');
  });

  it('the same name parsed against zones of different lengths is parsed for each', () => {
    const objects = [...chapterObjects(), service('svc', { namespace: 'x', clusterIP: '10.96.210.1', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }), namespace('x')];
    const wide = stackWith(objects).stack;
    // With `svc.cluster.local` as the zone, `svc.x.svc.cluster.local.` reads as namespace `x` → INVALID.
    const narrow = stackWith(objects, defaultCorefile('cluster.local').replace('kubernetes cluster.local', 'kubernetes svc.cluster.local')).stack;
    const name = 'svc.x.svc.cluster.local.';
    for (let i = 0; i < 2; i++) {
      expect(lines(ask(wide, name, 'A').answer)).toEqual(zone('svc.x.svc.cluster.local. 30 IN A 10.96.210.1'));
      expect(ask(narrow, name, 'A').rcode).toBe('NXDOMAIN');
    }
  });
});
