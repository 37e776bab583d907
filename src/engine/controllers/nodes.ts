/**
 * The cluster's Node objects as a kubeadm cluster on the course's three machines registers them:
 * kubelet v1.32 on containerd 1.7, Ubuntu 22.04; the control-plane node labelled and tainted by
 * kubeadm (`node-role.kubernetes.io/control-plane:NoSchedule`); InternalIP from the internal
 * network, Hostname the short host name; spec.podCIDR a /24 per node handed out in registration
 * order from the cluster CIDR by kube-controller-manager (--allocate-node-cidrs, as kubeadm's
 * --pod-network-cidr turns on). Calico does not use spec.podCIDR — it gives each node its own
 * /26 blocks (see pod-ip-allocator.ts) — which is why Pod IPs do not fall inside it, exactly as
 * on a real Calico cluster.
 */

import type { Node } from '../../shared/api-types';
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from '../../shared/cluster-config';
import { cidrAddress, parseCidr } from '../net/ip-address';
import { createRandom } from '../random';
import type { VirtualClock } from '../virtual-clock';
import type { World } from '../world/world';

/** Versions the simulated nodes report. */
export const NODE_VERSIONS = {
  kubelet: 'v1.32.4',
  containerRuntime: 'containerd://1.7.27',
  osImage: 'Ubuntu 22.04.5 LTS',
  kernel: '5.15.0-139-generic',
} as const;

/** The control-plane taint kubeadm puts on its node. */
export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;

/** Node objects for the world's cluster machines (first one is the control plane). */
export function createNodes(world: World, clock: VirtualClock, options: { config?: Pick<ClusterConfig, 'podCIDR' | 'podCIDRv6'> } = {}): Node[] {
  const config = options.config ?? DEFAULT_CLUSTER_CONFIG;
  const now = clock.timestamp();
  return world.internal.nodes.map((host, index) => {
    const name = host.name.split('.')[0];
    const controlPlane = index === 0;
    const ids = createRandom(hashName(name));
    const hex = (n: number): string => Array.from({ length: n }, () => ids.int(16).toString(16)).join('');
    const podCIDRs = nodePodCIDRs(config, index);
    const labels: Record<string, string> = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
    };
    if (controlPlane) {
      labels['node-role.kubernetes.io/control-plane'] = '';
      labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    }
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels,
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: {
        podCIDR: podCIDRs[0],
        podCIDRs,
        ...(controlPlane ? { taints: [{ ...CONTROL_PLANE_TAINT }] } : {}),
      },
      status: {
        addresses: [
          { type: 'InternalIP', address: host.ipv4[0] },
          { type: 'Hostname', address: name },
        ],
        allocatable: { cpu: '2', 'ephemeral-storage': '46478571001', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3912596Ki', pods: '110' },
        capacity: { cpu: '2', 'ephemeral-storage': '50431432Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4014996Ki', pods: '110' },
        conditions: [
          { type: 'NetworkUnavailable', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'CalicoIsUp', message: 'Calico is running on this node' },
          { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
          { type: 'DiskPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
          { type: 'PIDPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
          { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
        ],
        nodeInfo: {
          architecture: 'amd64',
          bootID: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
          containerRuntimeVersion: NODE_VERSIONS.containerRuntime,
          kernelVersion: NODE_VERSIONS.kernel,
          kubeProxyVersion: '',
          kubeletVersion: NODE_VERSIONS.kubelet,
          machineID: hex(32),
          operatingSystem: 'linux',
          osImage: NODE_VERSIONS.osImage,
          systemUUID: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`.toUpperCase(),
        },
      },
    };
    (node.status as Record<string, unknown>).daemonEndpoints = { kubeletEndpoint: { Port: 10250 } };
    return node;
  });
}

/** The /24 (IPv4) and /64 (IPv6) a node-ipam controller hands the index-th registered node. */
function nodePodCIDRs(config: Pick<ClusterConfig, 'podCIDR' | 'podCIDRv6'>, index: number): string[] {
  const out: string[] = [];
  const v4 = parseCidr(config.podCIDR);
  if (v4) out.push(`${cidrAddress(v4, BigInt(index) << 8n)}/24`);
  const v6 = config.podCIDRv6 ? parseCidr(config.podCIDRv6) : undefined;
  if (v6) out.push(`${cidrAddress(v6, BigInt(index) << 64n)}/64`);
  return out;
}

function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
