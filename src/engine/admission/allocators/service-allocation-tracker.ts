/**
 * Keeps the allocators consistent with the store whoever writes Services: existing Services are
 * marked at start, and watch events mark new values and release values a Service no longer holds
 * (type change away from NodePort/LoadBalancer, deletion). This plays the role of upstream's
 * repair controllers (ipallocator/controller/repair.go, portallocator/controller/repair.go),
 * synchronously.
 */

import type { KubeObject, Service } from '../../../shared/api-types';
import type { ObjectStore } from '../../store/object-store';
import type { ClusterIPAllocator } from './cluster-ip-allocator';
import type { NodePortAllocator } from './node-port-allocator';

/** The cluster IPs a stored Service holds. */
export function serviceClusterIPs(svc: KubeObject): string[] {
  const spec = (svc as Service).spec ?? {};
  const ips = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0 ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : [];
  return ips.filter((ip) => typeof ip === 'string' && ip !== '' && ip !== 'None');
}

/** The node ports (and health-check node port) a stored Service holds. */
export function serviceNodePorts(svc: KubeObject): number[] {
  const spec = (svc as Service).spec ?? {};
  const ports = (spec.ports ?? []).map((p) => p?.nodePort).filter((p): p is number => typeof p === 'number' && p > 0);
  const hc = spec.healthCheckNodePort;
  if (typeof hc === 'number' && hc > 0) ports.push(hc);
  return ports;
}

/** Marks what the store holds and follows Service events; returns the unsubscribe function. */
export function trackServiceAllocations(store: ObjectStore, ips: ClusterIPAllocator, ports: NodePortAllocator): () => void {
  for (const svc of store.list('Service')) {
    serviceClusterIPs(svc).forEach((ip) => ips.mark(ip));
    serviceNodePorts(svc).forEach((p) => ports.mark(p));
  }
  return store.watch((event) => {
    const nowIPs = event.type === 'DELETED' ? [] : serviceClusterIPs(event.object);
    const nowPorts = event.type === 'DELETED' ? [] : serviceNodePorts(event.object);
    const before = event.type === 'MODIFIED' ? event.oldObject : event.type === 'DELETED' ? event.object : undefined;
    if (before) {
      for (const ip of serviceClusterIPs(before)) if (!nowIPs.includes(ip)) ips.release(ip);
      for (const p of serviceNodePorts(before)) if (!nowPorts.includes(p)) ports.release(p);
    }
    nowIPs.forEach((ip) => ips.mark(ip));
    nowPorts.forEach((p) => ports.mark(p));
  }, ['Service']);
}
