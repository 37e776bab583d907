import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Pod } from '../../shared/api-types';
import { cloneObject } from '../store/clone';
import { EndpointSliceController } from './endpointslice-controller';
import { GarbageCollector } from './garbage-collector';
import { clusterFixture, runningPod, svc, withControllers } from './test-support/cluster-fixture';

function setup(seed?: number) {
  const fx = clusterFixture(seed === undefined ? {} : { seed });
  withControllers(fx, new EndpointSliceController({ store: fx.store, random: fx.random }), new GarbageCollector({ store: fx.store }));
  const slices = (service: string): EndpointSlice[] =>
    fx.store.list<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
  return { fx, slices };
}

const ref = (p: Pod) => ({ kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid });

describe('EndpointSliceController', () => {
  it('creates a named, labelled, owned slice with one endpoint per Pod', () => {
    const { fx, slices } = setup();
    const p1 = fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    const p2 = fx.store.create(runningPod('pod2', '20.109.5.12', { app: 'a' }, { ready: false, node: 'node2' }));
    const s = fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80, targetPort: 8080 }] }, { labels: { team: 'x' } }));
    fx.settle();
    const [slice, ...rest] = slices('svc1');
    expect(rest).toEqual([]);
    expect(slice.metadata.name).toMatch(/^svc1-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.generateName).toBe('svc1-');
    expect(slice.metadata.generation).toBe(1);
    expect(slice.metadata.labels).toEqual({
      team: 'x',
      'kubernetes.io/service-name': 'svc1',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'svc1', uid: s.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': '2026-03-02T09:00:00Z' });
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: '', protocol: 'TCP', port: 8080 }]);
    expect(slice.endpoints).toEqual([
      { addresses: ['20.109.5.11'], conditions: { ready: true, serving: true, terminating: false }, targetRef: ref(p1), nodeName: 'node1' },
      { addresses: ['20.109.5.12'], conditions: { ready: false, serving: false, terminating: false }, targetRef: ref(p2), nodeName: 'node2' },
    ]);
  });

  it('names slices deterministically from the seed', () => {
    const names = [1, 1, 2].map((seed) => {
      const { fx, slices } = setup(seed);
      fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
      fx.settle();
      return slices('svc1')[0].metadata.name;
    });
    expect(names[0]).toBe(names[1]);
    expect(names[0]).not.toBe(names[2]);
  });

  it.each([
    {
      name: 'a terminating ready Pod is serving and terminating but not ready',
      pod: { ...runningPod('p', '20.109.5.11', { app: 'a' }), metadata: { name: 'p', namespace: 'default', labels: { app: 'a' }, deletionTimestamp: '2026-03-02T09:00:05Z' } } as Pod,
      publish: false,
      conditions: { ready: false, serving: true, terminating: true },
    },
    { name: 'publishNotReadyAddresses makes an unready Pod ready', pod: runningPod('p', '20.109.5.11', { app: 'a' }, { ready: false }), publish: true, conditions: { ready: true, serving: false, terminating: false } },
  ])('$name', ({ pod, publish, conditions }) => {
    const { fx, slices } = setup();
    fx.store.create(pod);
    fx.store.create(svc('svc1', { selector: { app: 'a' }, publishNotReadyAddresses: publish, ports: [{ port: 80 }] }));
    fx.settle();
    expect(slices('svc1')[0].endpoints[0].conditions).toEqual(conditions);
  });

  it('sets hostname only for the Service named by the Pod subdomain, and labels headless slices', () => {
    const { fx, slices } = setup();
    fx.store.create(runningPod('pod4', '20.109.5.14', { svc: 'headless' }, { spec: { hostname: 'pod-a', subdomain: 'headless1' } }));
    fx.store.create(svc('headless1', { selector: { svc: 'headless' }, clusterIP: 'None', ports: [{ port: 80, targetPort: 8080 }] }));
    fx.store.create(svc('plain', { selector: { svc: 'headless' }, ports: [{ port: 80 }] }));
    fx.settle();
    const [h] = slices('headless1');
    expect(h.endpoints[0].hostname).toBe('pod-a');
    expect(h.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(slices('plain')[0].endpoints[0].hostname).toBeUndefined();
    expect(slices('plain')[0].metadata.labels?.['service.kubernetes.io/headless']).toBeUndefined();
  });

  it('groups Pods by resolved ports: a Pod lacking the named port lands in a port-less slice', () => {
    const { fx, slices } = setup();
    const named = { containers: [{ name: 'c', image: 'kubetm/app', ports: [{ name: 'web', containerPort: 8080, protocol: 'TCP' as const }] }] };
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }, { spec: named }));
    fx.store.create(runningPod('pod2', '20.109.5.12', { app: 'a' }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] }));
    fx.settle();
    const byPorts = Object.fromEntries(slices('svc1').map((s) => [JSON.stringify(s.ports), s.endpoints.map((e) => e.addresses[0])]));
    expect(byPorts).toEqual({ '[{"name":"http","protocol":"TCP","port":8080}]': ['20.109.5.11'], '[]': ['20.109.5.12'] });
  });

  it('caps slices at 100 endpoints', () => {
    const { fx, slices } = setup();
    for (let i = 0; i < 150; i++) fx.store.create(runningPod(`pod${String(i).padStart(3, '0')}`, `20.109.${5 + (i >> 6)}.${i & 63}`, { app: 'a' }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    expect(slices('svc1').map((s) => s.endpoints.length).sort((a, b) => a - b)).toEqual([50, 100]);
  });

  it('keeps one empty placeholder slice for a Service without endpoints', () => {
    const { fx, slices } = setup();
    fx.store.create(svc('svc1', { selector: { app: 'nothing' }, ports: [{ port: 80 }] }));
    fx.settle();
    const all = slices('svc1');
    expect(all).toHaveLength(1);
    expect(all[0].endpoints).toEqual([]);
    expect(all[0].ports).toEqual([]);
  });

  it('updates the slice in place when a Pod goes, and back to a placeholder when the last one goes', () => {
    const { fx, slices } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.store.create(runningPod('pod2', '20.109.5.12', { app: 'a' }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    const name = slices('svc1')[0].metadata.name;
    fx.store.delete('Pod', 'default', 'pod1');
    fx.settle();
    expect(slices('svc1').map((s) => [s.metadata.name, s.endpoints.map((e) => e.addresses[0]), s.metadata.generation])).toEqual([[name, ['20.109.5.12'], 2]]);
    fx.store.delete('Pod', 'default', 'pod2');
    fx.settle();
    expect(slices('svc1').map((s) => [s.metadata.name, s.endpoints, s.ports])).toEqual([[name, [], []]]);
  });

  it('makes one slice per IP family for a dual-stack Service', () => {
    const { fx, slices } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }, { ipv6: 'fd00:20::b' }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.50', 'fd00:10::50'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack', ports: [{ port: 80 }] }));
    fx.settle();
    expect(slices('svc1').map((s) => [s.addressType, s.endpoints[0].addresses]).sort()).toEqual([
      ['IPv4', ['20.109.5.11']],
      ['IPv6', ['fd00:20::b']],
    ]);
  });

  it.each([
    { name: 'ExternalName', service: svc('svc1', { type: 'ExternalName', externalName: 'github.github.io', selector: { app: 'a' } }) },
    { name: 'selector-less', service: svc('svc1', { ports: [{ port: 80 }] }) },
  ])('gives a $name Service no slices', ({ service }) => {
    const { fx, slices } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.store.create(service);
    fx.settle();
    expect(slices('svc1')).toEqual([]);
  });

  it('leaves slices frozen when the selector is removed, and the garbage collector removes them with the Service', () => {
    const { fx, slices } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    const s = fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    const before = slices('svc1');
    const noSelector = cloneObject(s);
    delete noSelector.spec.selector;
    fx.store.update(noSelector);
    fx.store.delete('Pod', 'default', 'pod1');
    fx.settle();
    expect(slices('svc1')).toEqual(before);
    fx.store.delete('Service', 'default', 'svc1');
    fx.settle();
    expect(slices('svc1')).toEqual([]);
  });

  it('recreates a managed slice someone deleted', () => {
    const { fx, slices } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    fx.store.delete('EndpointSlice', 'default', slices('svc1')[0].metadata.name!);
    fx.settle();
    expect(slices('svc1').map((s) => s.endpoints[0].addresses[0])).toEqual(['20.109.5.11']);
  });

  it('skips no-op writes', () => {
    const { fx, slices } = setup();
    const pod = fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    const rv = slices('svc1')[0].metadata.resourceVersion;
    fx.store.update({ ...cloneObject(pod), metadata: { ...cloneObject(pod.metadata), labels: { app: 'a', extra: 'y' } } });
    fx.settle();
    expect(slices('svc1')[0].metadata.resourceVersion).toBe(rv);
  });
});
