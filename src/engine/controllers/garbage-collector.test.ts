import { describe, expect, it } from 'vitest';
import type { ConfigMap, KubeObject } from '../../shared/api-types';
import { GarbageCollector } from './garbage-collector';
import { clusterFixture, svc, withControllers } from './test-support/cluster-fixture';

const dependent = (name: string, owners: { kind: string; name: string; uid: string }[]): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ownerReferences: owners.map((o) => ({ apiVersion: 'v1', ...o })) },
});

describe('GarbageCollector', () => {
  it('deletes a dependent whose only owner is deleted', () => {
    const fx = clusterFixture();
    withControllers(fx, new GarbageCollector({ store: fx.store }));
    const s = fx.store.create(svc('a', { ports: [{ port: 80 }] }));
    fx.store.create(dependent('d', [{ kind: 'Service', name: 'a', uid: s.metadata.uid! }]));
    fx.settle();
    expect(fx.store.get('ConfigMap', 'default', 'd')).toBeDefined();
    fx.store.delete('Service', 'default', 'a');
    fx.settle();
    expect(fx.store.get('ConfigMap', 'default', 'd')).toBeUndefined();
  });

  it('only drops the reference when another owner remains, and collects orphans created with a dead owner', () => {
    const fx = clusterFixture();
    withControllers(fx, new GarbageCollector({ store: fx.store }));
    const a = fx.store.create(svc('a', { ports: [{ port: 80 }] }));
    const b = fx.store.create(svc('b', { ports: [{ port: 80 }] }));
    fx.store.create(dependent('d', [
      { kind: 'Service', name: 'a', uid: a.metadata.uid! },
      { kind: 'Service', name: 'b', uid: b.metadata.uid! },
    ]));
    fx.store.create(dependent('orphan', [{ kind: 'Service', name: 'gone', uid: 'nope' }]));
    fx.store.delete('Service', 'default', 'a');
    fx.settle();
    expect(fx.store.get<KubeObject>('ConfigMap', 'default', 'd')?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
    expect(fx.store.get('ConfigMap', 'default', 'orphan')).toBeUndefined();
  });
});
