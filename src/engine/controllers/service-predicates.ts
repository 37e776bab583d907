/**
 * Small predicates the endpoint controllers and the kubelet share, each a transcription of an
 * upstream helper (named in its comment) so every controller applies the same rule.
 */

import type { Pod, Service } from '../../shared/api-types';

/**
 * True when the Service has a selector the controllers act on. Upstream tests `Selector == nil`;
 * an empty `selector: {}` never reaches them as non-nil because the apiserver stores Services as
 * protobuf, where an empty map and a nil map encode the same way — so both count as "no selector".
 */
export function hasSelector(svc: Service): boolean {
  const selector = svc.spec?.selector;
  return !!selector && Object.keys(selector).length > 0;
}

/** helper.IsServiceIPSet: a virtual IP is allocated (not headless `None`, not ExternalName's empty). */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  const conditions = pod.status?.conditions;
  if (conditions) for (const c of conditions) if (c.type === 'Ready' && c.status === 'True') return true;
  return false;
}

/** podutil.IsPodTerminal: phase Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** The pod's IPs, primary first (status.podIPs, falling back to status.podIP). */
export function podIPList(pod: Pod): string[] {
  const ips: string[] = [];
  const podIPs = pod.status?.podIPs;
  if (podIPs) for (const p of podIPs) if (p.ip) ips.push(p.ip);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  return ips;
}

/**
 * endpointsliceutil.ShouldPodBeInEndpoints: not terminal, has an IP, and (unless terminating Pods
 * are wanted, as the EndpointSlice controller wants them) not being deleted.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * endpointsliceutil.ShouldSetHostname: an endpoint carries a hostname only when the Pod sets
 * spec.hostname AND its spec.subdomain names this very Service in the same namespace.
 */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec.hostname && pod.spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;
}
