import { describe, expect, it } from 'vitest';
import type { Pod } from '../../shared/api-types';
import { cloneObject } from '../store/clone';
import { EndpointSliceController } from './endpointslice-controller';
import { EndpointsController } from './endpoints-controller';
import { clusterFixture, runningPod, svc, withControllers } from './test-support/cluster-fixture';

describe('one Pod change at 10,000 Pods and 1,000 Services', () => {
  it('queues and syncs only the Services the change concerns', () => {
    const fx = clusterFixture();
    const [endpoints, slices] = withControllers(fx, new EndpointsController({ store: fx.store }), new EndpointSliceController({ store: fx.store, random: fx.random }));
    for (let s = 0; s < 1000; s++) fx.store.create(svc(`svc-${s}`, { clusterIP: `10.96.${s >> 8}.${s & 255}`, selector: { app: `app-${s}` }, ports: [{ port: 80, targetPort: 8080 }] }));
    for (let p = 0; p < 10_000; p++) {
      fx.store.create(runningPod(`pod-${p}`, `20.${100 + (p >> 16)}.${(p >> 8) & 255}.${p & 255}`, { app: `app-${p % 1000}`, tier: 'web' }, { node: p % 2 ? 'node1' : 'node2' }));
    }
    fx.settle();
    expect(fx.store.count('Endpoints')).toBe(1000);

    const before = [endpoints.syncCount, slices.syncCount];
    const pod = fx.store.get<Pod>('Pod', 'default', 'pod-0')!;
    const moved = cloneObject(pod);
    moved.metadata.labels = { app: 'app-1', tier: 'web' };
    fx.store.update(moved);
    expect(endpoints.pendingKeys().sort()).toEqual(['default/svc-0', 'default/svc-1']);
    expect(slices.pendingKeys().sort()).toEqual(['default/svc-0', 'default/svc-1']);
    fx.settle();
    expect([endpoints.syncCount - before[0], slices.syncCount - before[1]]).toEqual([2, 2]);

    // A change that concerns no Service (an annotation) queues nothing.
    const touched = cloneObject(fx.store.get<Pod>('Pod', 'default', 'pod-5')!);
    touched.metadata.annotations = { note: 'x' };
    fx.store.update(touched);
    expect([endpoints.pendingKeys(), slices.pendingKeys()]).toEqual([[], []]);
  }, 60_000);
});
