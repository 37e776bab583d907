import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../shared/api-types';
import { Scheduler } from './scheduler';
import { clusterFixture, pendingPod, withControllers } from './test-support/cluster-fixture';

function schedule(pods: Pod[]) {
  const fx = clusterFixture();
  withControllers(fx, new Scheduler({ store: fx.store, clock: fx.clock }));
  for (const p of pods) {
    fx.store.create(p);
    fx.settle();
  }
  return pods.map((p) => fx.store.get<Pod>('Pod', 'default', p.metadata.name!)!);
}

describe('Scheduler', () => {
  it('spreads Pods over the workers, least loaded first, ties by name, never on the control plane', () => {
    const placed = schedule(['a', 'b', 'c', 'd', 'e'].map((n) => pendingPod(n)));
    expect(placed.map((p) => p.spec.nodeName)).toEqual(['node1', 'node2', 'node1', 'node2', 'node1']);
  });

  it('is deterministic', () => {
    const run = () => schedule(['x', 'y', 'z'].map((n) => pendingPod(n))).map((p) => p.spec.nodeName);
    expect(run()).toEqual(run());
  });

  it('records PodScheduled=True when binding', () => {
    const [p] = schedule([pendingPod('a')]);
    expect(p.status?.conditions).toEqual([{ lastProbeTime: null, lastTransitionTime: '2026-03-02T09:00:00Z', status: 'True', type: 'PodScheduled' }]);
  });

  it.each([
    { name: 'an explicit nodeName is respected, even on the tainted control plane', spec: { nodeName: 'master' }, node: 'master' },
    {
      name: 'a Pod tolerating the control-plane taint may land there',
      spec: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } },
      node: 'master',
    },
    { name: 'a nodeSelector picks the matching node', spec: { nodeSelector: { 'kubernetes.io/hostname': 'node2' } }, node: 'node2' },
  ])('$name', ({ spec, node }) => {
    const [p] = schedule([pendingPod('a', {}, spec as Partial<Pod['spec']>)]);
    expect(p.spec.nodeName).toBe(node);
  });

  it('reports an unschedulable Pod with the scheduler\'s message', () => {
    const [p] = schedule([pendingPod('a', {}, { nodeSelector: { disk: 'ssd' } } as Partial<Pod['spec']>)]);
    expect(p.spec.nodeName).toBeUndefined();
    const cond = p.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(cond?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });
});

describe('Scheduler filter results are shared until a Node changes', () => {
  it('a Node that becomes unschedulable stops receiving Pods at once, and a labelled one starts', () => {
    const fx = clusterFixture();
    withControllers(fx, new Scheduler({ store: fx.store, clock: fx.clock }));
    const place = (p: Pod): string | undefined => {
      fx.store.create(p);
      fx.settle();
      return fx.store.get<Pod>('Pod', 'default', p.metadata.name!)!.spec.nodeName;
    };
    expect(place(pendingPod('a'))).toBe('node1');
    const node1 = fx.store.get<Node>('Node', undefined, 'node1')!;
    fx.store.update({ ...node1, spec: { ...node1.spec, unschedulable: true } });
    expect([place(pendingPod('b')), place(pendingPod('c'))]).toEqual(['node2', 'node2']);
    // Pods with a nodeSelector have their own filter result, also dropped when Nodes change.
    const ssd = pendingPod('d', {}, { nodeSelector: { disk: 'ssd' } } as Partial<Pod['spec']>);
    expect(place(ssd)).toBeUndefined();
    const node2 = fx.store.get<Node>('Node', undefined, 'node2')!;
    fx.store.update({ ...node2, metadata: { ...node2.metadata, labels: { ...node2.metadata.labels, disk: 'ssd' } } });
    fx.settle();
    expect(fx.store.get<Pod>('Pod', 'default', 'd')!.spec.nodeName).toBe('node2');
  });
});
