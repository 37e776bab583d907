/** Small object builders for the topology's tests (not shipped: only test files import it). */
import type { Endpoints, KubeObject, Node, Pod, PodPhase, Service } from '../../../../shared/api-types';

export function node(name: string, ip: string): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: ip }] } };
}

export function pod(name: string, opts: { labels?: Record<string, string>; node?: string; ip?: string; ready?: boolean; phase?: PodPhase; ports?: { name?: string; containerPort: number }[]; hostname?: string; subdomain?: string } = {}): Pod {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: opts.labels ?? {} },
    spec: { nodeName: opts.node ?? 'node1', hostname: opts.hostname, subdomain: opts.subdomain, containers: [{ name: 'container', image: 'kubetm/app', ports: opts.ports }] },
    status: { phase: opts.phase ?? 'Running', podIP: opts.ip ?? '20.109.5.11', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

export function service(name: string, spec: Service['spec']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { clusterIP: '10.96.1.1', ports: [{ port: 80, targetPort: 8080 }], ...spec } };
}

export function endpoints(name: string, ips: { ip: string; pod?: string }[]): Endpoints {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default' }, subsets: [{ addresses: ips.map(({ ip, pod: p }) => ({ ip, ...(p ? { targetRef: { kind: 'Pod', namespace: 'default', name: p } } : {}) })), ports: [{ port: 8080 }] }] };
}

export const threeNodes: KubeObject[] = [node('master', '192.168.0.30'), node('node1', '192.168.0.31'), node('node2', '192.168.0.32')];
