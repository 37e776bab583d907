import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, Service } from '../../shared/api-types';
import { cloneObject } from '../store/clone';
import { EndpointSliceController } from './endpointslice-controller';
import { EndpointSliceMirroringController } from './endpointslice-mirroring-controller';
import { EndpointsController } from './endpoints-controller';
import { GarbageCollector } from './garbage-collector';
import { clusterFixture, runningPod, svc, withControllers } from './test-support/cluster-fixture';

function endpoints(name: string, subsets: Endpoints['subsets'], meta: Partial<Endpoints['metadata']> = {}): Endpoints {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default', ...meta }, subsets };
}

function setup() {
  const fx = clusterFixture();
  withControllers(fx, new EndpointSliceMirroringController({ store: fx.store, random: fx.random }), new GarbageCollector({ store: fx.store }));
  const slices = (name: string): EndpointSlice[] =>
    fx.store.list<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
  return { fx, slices };
}

describe('EndpointSliceMirroringController', () => {
  it('mirrors hand-made Endpoints of a selector-less Service', () => {
    const { fx, slices } = setup();
    fx.store.create(svc('endpoint2', { ports: [{ port: 8080 }] }));
    const ep = fx.store.create(
      endpoints(
        'endpoint2',
        [{ addresses: [{ ip: '20.109.5.12' }], notReadyAddresses: [{ ip: '20.109.5.13' }], ports: [{ port: 8080, protocol: 'TCP' }] }],
        { labels: { team: 'x' }, annotations: { note: 'kept', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'endpoints.kubernetes.io/last-change-trigger-time': 'x' } },
      ),
    );
    fx.settle();
    const [slice, ...rest] = slices('endpoint2');
    expect(rest).toEqual([]);
    expect(slice.metadata.name).toMatch(/^endpoint2-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toEqual({
      team: 'x',
      'kubernetes.io/service-name': 'endpoint2',
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
    });
    expect(slice.metadata.annotations).toEqual({ note: 'kept' });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Endpoints', name: 'endpoint2', uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: '', protocol: 'TCP', port: 8080 }]);
    expect(slice.endpoints).toEqual([
      { addresses: ['20.109.5.12'], conditions: { ready: true } },
      { addresses: ['20.109.5.13'], conditions: { ready: false } },
    ]);
  });

  it.each<{ name: string; service: Service | undefined; labels: Record<string, string> }>([
    { name: 'the skip-mirror label is "true"', service: svc('e', { ports: [{ port: 80 }] }), labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    { name: 'no Service of that name exists', service: undefined, labels: {} },
    { name: 'the Service has a selector', service: svc('e', { selector: { app: 'a' }, ports: [{ port: 80 }] }), labels: {} },
  ])('does not mirror when $name', ({ service, labels }) => {
    const { fx, slices } = setup();
    if (service) fx.store.create(service);
    fx.store.create(endpoints('e', [{ addresses: [{ ip: '20.109.5.12' }], ports: [{ port: 80 }] }], { labels }));
    fx.settle();
    expect(slices('e')).toEqual([]);
  });

  it('maps each port set to its own slice and skips invalid addresses', () => {
    const { fx, slices } = setup();
    fx.store.create(svc('e', { ports: [{ port: 80 }] }));
    fx.store.create(
      endpoints('e', [
        { addresses: [{ ip: '20.109.5.12' }, { ip: 'not-an-ip' }], ports: [{ name: 'a', port: 80, protocol: 'TCP' }] },
        { addresses: [{ ip: '192.168.0.21' }], ports: [{ name: 'b', port: 8080, protocol: 'TCP' }] },
      ]),
    );
    fx.settle();
    expect(slices('e').map((s) => [s.ports?.[0].port, s.endpoints.map((x) => x.addresses[0])]).sort()).toEqual([
      [80, ['20.109.5.12']],
      [8080, ['192.168.0.21']],
    ]);
  });

  it('follows Endpoints updates in place and deletes the slices with the Endpoints', () => {
    const { fx, slices } = setup();
    fx.store.create(svc('e', { ports: [{ port: 80 }] }));
    const ep = fx.store.create(endpoints('e', [{ addresses: [{ ip: '20.109.5.12' }], ports: [{ port: 80 }] }]));
    fx.settle();
    const name = slices('e')[0].metadata.name;
    const next = cloneObject(ep);
    next.subsets = [{ addresses: [{ ip: '20.109.5.13' }], ports: [{ port: 80 }] }];
    fx.store.update(next);
    fx.settle();
    expect(slices('e').map((s) => [s.metadata.name, s.endpoints[0].addresses[0]])).toEqual([[name, '20.109.5.13']]);
    fx.store.delete('Endpoints', 'default', 'e');
    fx.settle();
    expect(slices('e')).toEqual([]);
  });

  it('drops the mirrored slices when the Service gains a selector', () => {
    const { fx, slices } = setup();
    const s = fx.store.create(svc('e', { ports: [{ port: 80 }] }));
    fx.store.create(endpoints('e', [{ addresses: [{ ip: '20.109.5.12' }], ports: [{ port: 80 }] }]));
    fx.settle();
    expect(slices('e')).toHaveLength(1);
    const withSelector = cloneObject(s);
    withSelector.spec.selector = { app: 'a' };
    fx.store.update(withSelector);
    fx.settle();
    expect(slices('e')).toEqual([]);
  });
});

describe('Removing a selector (kubernetes/kubernetes#123471)', () => {
  it('leaves the frozen controller slice and adds a mirrored one for the frozen Endpoints', () => {
    const { fx, slices } = setup();
    withControllers(fx, new EndpointsController({ store: fx.store }), new EndpointSliceController({ store: fx.store, random: fx.random }));
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    const s = fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    const noSelector = cloneObject(s);
    delete noSelector.spec.selector;
    fx.store.update(noSelector);
    fx.settle();
    expect(slices('svc1').map((x) => [x.metadata.labels?.['endpointslice.kubernetes.io/managed-by'], x.endpoints.map((e) => e.addresses[0])]).sort()).toEqual([
      ['endpointslice-controller.k8s.io', ['20.109.5.11']],
      ['endpointslicemirroring-controller.k8s.io', ['20.109.5.11']],
    ]);
  });
});
