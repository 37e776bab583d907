/**
 * The narrow view of the cluster that DNS reads, like CoreDNS's `dnsController`
 * (plugin/kubernetes/controller.go): services by name and by cluster IP, the endpoints of a
 * service (from EndpointSlices, as CoreDNS reads them since 1.8), endpoints and pods by IP,
 * whether a namespace exists, and a change counter. The shapes mirror CoreDNS's stripped-down
 * objects (plugin/kubernetes/object/service.go, endpoint.go, pod.go), converted once per stored
 * object version.
 */

import type { EndpointSlice, Pod, Service, ServiceType } from '../../shared/api-types';
import { parseIPv4, parseIPv6 } from '../net/ip-address';

/** The record an address makes: A, AAAA, or — for anything that is not an IP — a CNAME. */
export function recordTypeOf(host: string): 'A' | 'AAAA' | 'CNAME' {
  if (parseIPv4(host) !== undefined) return 'A';
  if (parseIPv6(host) !== undefined) return 'AAAA';
  return 'CNAME';
}

/** endpointHostname's fallback: the address with dots (or colons) as dashes. */
export function dashIP(ip: string): string {
  if (ip.includes('.')) return ip.replaceAll('.', '-');
  if (ip.includes(':')) return ip.replaceAll(':', '-');
  return '';
}

/** A port as the kubernetes plugin sees it; `port: -1` is CoreDNS's sentinel for "no ports declared". */
export interface DnsPort {
  name: string;
  protocol: string;
  port: number;
}

/** object.Service. */
export interface DnsService {
  namespace: string;
  name: string;
  type: ServiceType;
  /** spec.clusterIPs, or [spec.clusterIP]; `['None']` for a headless service, `['']` for ExternalName. */
  clusterIPs: readonly string[];
  externalName: string;
  ports: readonly DnsPort[];
  /** spec.externalIPs then status.loadBalancer.ingress (ip, else hostname). */
  externalIPs: readonly string[];
  headless: boolean;
  /** The record type each cluster IP makes (parallel to clusterIPs). */
  clusterIPTypes: readonly ('A' | 'AAAA' | 'CNAME')[];
}

/** One ready address of an endpoint (object.EndpointAddress). */
export interface DnsEndpointAddress {
  ip: string;
  hostname: string;
  nodeName: string;
  /** The targetRef's name (a pod name), '' when absent or longer than a DNS label. */
  targetRefName: string;
  /** The targetRef's kind (`Pod`), '' when absent. */
  targetRefKind: string;
  /** The address with dots or colons as dashes (`20-109-5-11`), precomputed. */
  dashed: string;
  /** 'A' for IPv4, 'AAAA' for IPv6, 'CNAME' otherwise. */
  recordType: 'A' | 'AAAA' | 'CNAME';
}

/** object.Endpoints, built from one EndpointSlice: only ready addresses, one subset. */
export interface DnsEndpoints {
  /** The slice's name (`headless1-x7k2p`). */
  name: string;
  namespace: string;
  /** The service it belongs to (label kubernetes.io/service-name). */
  service: string;
  addresses: readonly DnsEndpointAddress[];
  ports: readonly DnsPort[];
}

/** object.Pod: CoreDNS keeps only the primary pod IP. */
export interface DnsPod {
  namespace: string;
  name: string;
  podIP: string;
}

/** What the kubernetes plugin and the DNS table read. Every lookup is O(1) or O(matches). */
export interface ZoneLister {
  service(namespace: string, name: string): DnsService | undefined;
  /** SvcIndexReverse: services whose cluster IPs include `ip`. */
  servicesByIP(ip: string): DnsService[];
  /** EpIndex: the endpoints (one per EndpointSlice) of a service, slices sorted by name (shared: read only). */
  endpointsOf(namespace: string, service: string): readonly DnsEndpoints[];
  /** EpIndexReverse: endpoints with a ready address `ip`. */
  endpointsByIP(ip: string): DnsEndpoints[];
  /** PodIndex: pods whose primary IP is `ip` (terminating pods are left out, as CoreDNS does). */
  podsByIP(ip: string): DnsPod[];
  namespaceExists(namespace: string): boolean;
  /** Every service, sorted by namespace then name (the zone transfer walks them). */
  services(): DnsService[];
  /** Increments on every change DNS can see; caches of derived data key on it. */
  epoch(): number;
  /** Unix seconds of the last change to the zone: CoreDNS's SOA serial (dnsControl.Modified). */
  modified(): number;
  /** Calls back with the service whose records may have changed (service or slice written). */
  onServiceChange(listener: (namespace: string, name: string) => void): () => void;
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** object.ToService. */
export function toDnsService(svc: Service): DnsService {
  const spec = svc.spec ?? {};
  const clusterIPs = spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs.slice() : [spec.clusterIP ?? ''];
  const ports: DnsPort[] =
    spec.ports && spec.ports.length > 0
      ? spec.ports.map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port }))
      : [{ name: '', protocol: '', port: -1 }];
  const externalIPs = [...(spec.externalIPs ?? []), ...(svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '')];
  return {
    namespace: svc.metadata.namespace ?? '',
    name: svc.metadata.name ?? '',
    type: spec.type ?? 'ClusterIP',
    clusterIPs,
    externalName: spec.externalName ?? '',
    ports,
    externalIPs,
    headless: clusterIPs[0] === 'None',
    clusterIPTypes: clusterIPs.map(recordTypeOf),
  };
}

/**
 * object.EndpointSliceToEndpoints: only ready endpoints (a nil `ready` counts as ready, per the
 * API docs), a sentinel port when the slice has none. FQDN slices are left out: the simulator's
 * controllers never write them and CoreDNS would only answer garbage for them.
 */
export function toDnsEndpoints(slice: EndpointSlice): DnsEndpoints | undefined {
  if (slice.addressType === 'FQDN') return undefined;
  const ports: DnsPort[] =
    slice.ports && slice.ports.length > 0
      ? slice.ports.map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? '', port: p.port ?? -1 }))
      : [{ name: '', protocol: '', port: -1 }];
  const addresses: DnsEndpointAddress[] = [];
  for (const ep of slice.endpoints ?? []) {
    if (ep.conditions?.ready === false) continue;
    const targetRefName = ep.targetRef?.name && ep.targetRef.name.length < 64 ? ep.targetRef.name : '';
    for (const ip of ep.addresses) {
      addresses.push({ ip, hostname: ep.hostname ?? '', nodeName: ep.nodeName ?? '', targetRefName, targetRefKind: ep.targetRef?.kind ?? '', dashed: dashIP(ip), recordType: recordTypeOf(ip) });
    }
  }
  return {
    name: slice.metadata.name ?? '',
    namespace: slice.metadata.namespace ?? '',
    service: slice.metadata.labels?.[SERVICE_NAME_LABEL] ?? '',
    addresses,
    ports,
  };
}

/** object.ToPod; undefined for a terminating pod or one without an IP (CoreDNS skips both). */
export function toDnsPod(pod: Pod): DnsPod | undefined {
  if (pod.metadata.deletionTimestamp) return undefined;
  const podIP = pod.status?.podIP ?? '';
  if (podIP === '') return undefined;
  return { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', podIP };
}
