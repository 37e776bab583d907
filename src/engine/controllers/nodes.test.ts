import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CONFIG } from '../../shared/cluster-config';
import { VirtualClock } from '../virtual-clock';
import { DEFAULT_WORLD } from '../world/world';
import { createNodes } from './nodes';

describe('createNodes', () => {
  const nodes = createNodes(DEFAULT_WORLD, new VirtualClock(DEFAULT_CLUSTER_CONFIG.startTime));

  it.each([
    { name: 'master', ip: '192.168.0.30', controlPlane: true, podCIDR: '20.96.0.0/24' },
    { name: 'node1', ip: '192.168.0.31', controlPlane: false, podCIDR: '20.96.1.0/24' },
    { name: 'node2', ip: '192.168.0.32', controlPlane: false, podCIDR: '20.96.2.0/24' },
  ])('$name: InternalIP $ip, control plane $controlPlane', ({ name, ip, controlPlane, podCIDR }) => {
    const n = nodes.find((x) => x.metadata.name === name)!;
    expect(n.status?.addresses).toEqual([
      { type: 'InternalIP', address: ip },
      { type: 'Hostname', address: name },
    ]);
    expect(n.metadata.labels?.['kubernetes.io/hostname']).toBe(name);
    expect(n.metadata.labels?.['kubernetes.io/os']).toBe('linux');
    expect('node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})).toBe(controlPlane);
    expect(n.spec?.taints ?? []).toEqual(controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []);
    expect(n.spec?.podCIDR).toBe(podCIDR);
    expect(n.status?.nodeInfo?.kubeletVersion).toMatch(/^v1\.32\.\d+$/);
    expect(n.status?.nodeInfo?.containerRuntimeVersion).toMatch(/^containerd:\/\/1\.7\.\d+$/);
    expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('is deterministic', () => {
    expect(createNodes(DEFAULT_WORLD, new VirtualClock(DEFAULT_CLUSTER_CONFIG.startTime))).toEqual(nodes);
  });
});
