/**
 * What listens on the machines outside Pods: the nodes' system daemons (sshd, kubelet,
 * kube-proxy's health port, Calico's BGP; on the control plane the apiserver, etcd, the
 * controller-manager and the scheduler — all TLS except kube-proxy's healthz) and the world's
 * hosts (DNS servers on 53, web sites on 80/443, the router's admin page).
 */

import type { Protocol } from '../../shared/api-types';
import type { WorldHost } from '../world/world';

/** What speaks on a host port. */
export type HostService = 'ssh' | 'http' | 'https' | 'dns' | 'bgp';

/** A listening port on a node or world host. */
export interface HostPort {
  port: number;
  protocol: Protocol;
  service: HostService;
  /** The process, as `ss -ltnp` would name it. */
  process: string;
}

const NODE_PORTS: HostPort[] = [
  { port: 22, protocol: 'TCP', service: 'ssh', process: 'sshd' },
  { port: 179, protocol: 'TCP', service: 'bgp', process: 'bird' },
  { port: 10250, protocol: 'TCP', service: 'https', process: 'kubelet' },
  { port: 10256, protocol: 'TCP', service: 'http', process: 'kube-proxy' },
];

const CONTROL_PLANE_PORTS: HostPort[] = [
  { port: 2379, protocol: 'TCP', service: 'https', process: 'etcd' },
  { port: 2380, protocol: 'TCP', service: 'https', process: 'etcd' },
  { port: 6443, protocol: 'TCP', service: 'https', process: 'kube-apiserver' },
  { port: 10257, protocol: 'TCP', service: 'https', process: 'kube-controller-manager' },
  { port: 10259, protocol: 'TCP', service: 'https', process: 'kube-scheduler' },
];

/** Ports a cluster node's own processes listen on. */
export function nodeHostPorts(controlPlane: boolean): HostPort[] {
  return controlPlane ? [...NODE_PORTS, ...CONTROL_PLANE_PORTS] : [...NODE_PORTS];
}

/** Ports a world host listens on, by its role. */
export function worldHostPorts(host: WorldHost): HostPort[] {
  const dns: HostPort[] = [
    { port: 53, protocol: 'UDP', service: 'dns', process: 'named' },
    { port: 53, protocol: 'TCP', service: 'dns', process: 'named' },
  ];
  switch (host.role) {
    case 'router':
      return [{ port: 80, protocol: 'TCP', service: 'http', process: 'httpd' }, ...dns];
    case 'dns':
    case 'root-dns':
    case 'tld-dns':
    case 'auth-dns':
      return dns;
    case 'resolver':
      return [...dns, { port: 443, protocol: 'TCP', service: 'https', process: 'doh' }];
    case 'web':
      return [
        { port: 80, protocol: 'TCP', service: 'http', process: 'httpd' },
        { port: 443, protocol: 'TCP', service: 'https', process: 'httpd' },
      ];
    case 'pc':
      return host.site
        ? [
            { port: 22, protocol: 'TCP', service: 'ssh', process: 'sshd' },
            { port: 80, protocol: 'TCP', service: 'http', process: 'httpd' },
          ]
        : [{ port: 22, protocol: 'TCP', service: 'ssh', process: 'sshd' }];
    case 'node':
      return nodeHostPorts(false);
  }
}
