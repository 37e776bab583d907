/**
 * The kubernetes plugin's record lookup (plugin/kubernetes/kubernetes.go `Records`,
 * `findServices`, `findPods`, `endpointHostname`): a parsed query name → backend records, each a
 * host (IP, or a name for ExternalName), a port and the name the record stands for. Spec
 * references are to the Kubernetes DNS-Based Service Discovery specification 1.1.0.
 */

import { canonicalIP } from '../net/ip-address';
import type { KubernetesConfig } from './corefile';
import { reverseKind } from './dns-name';
import type { RecordRequest } from './parse-query';
import { INVALID_REQUEST, parseRequestCached } from './parse-query';
import type { DnsEndpointAddress, DnsEndpoints, ZoneLister } from './zone-lister';
import { recordTypeOf } from './zone-lister';

/** msg.Service as the kubernetes plugin fills it (priority and weight are always 0). */
export interface BackendRecord {
  /** An IP address, or a domain name (ExternalName, PTR targets). */
  host: string;
  /** -1 when the service or endpoint declares no ports. */
  port: number;
  ttl: number;
  /** The name this record stands for (msg.Domain(Key)): SRV targets and additional A records use it. */
  key: string;
  /** TXT text. */
  text?: string;
  /** The record type the host makes, when already known (saves parsing the address again). */
  what?: 'A' | 'AAAA' | 'CNAME';
}

/** The errors IsNameError treats as NXDOMAIN. */
export type NameError = 'no items found' | 'namespace is not exposed' | typeof INVALID_REQUEST;
export const NO_ITEMS: NameError = 'no items found';
export const NS_NOT_EXPOSED: NameError = 'namespace is not exposed';

/** Records found, and the name error that decides NXDOMAIN (both may be set, as in Go). */
export interface BackendResult {
  records: BackendRecord[];
  err?: NameError;
}

/** What the lookups read: the cluster and the plugin's options. */
export interface KubernetesView {
  lister: ZoneLister;
  config: KubernetesConfig;
}

/** What kind of record a host makes (msg.Service.HostType): an IPv4, IPv6 address, or a CNAME. */
export function hostType(host: string): 'A' | 'AAAA' | 'CNAME' {
  return recordTypeOf(host);
}

/** hostType of a record, using the type found when the record was made. */
export function recordHostType(r: BackendRecord): 'A' | 'AAAA' | 'CNAME' {
  return r.what ?? recordTypeOf(r.host);
}

/** namespaceExposed: listed in `namespaces` (when given) and known to the API server. */
export function namespaceExposed(view: KubernetesView, namespace: string): boolean {
  const listed = view.config.namespaces;
  if (listed.length > 0 && !listed.includes(namespace)) return false;
  return view.lister.namespaceExists(namespace);
}

/**
 * endpointHostname: the endpoint's hostname; with `endpoint_pod_names`, the pod's name; else the
 * address with dots (or colons) as dashes — spec §2.4.1's "unique, system-assigned identifier".
 */
export function endpointHostname(addr: DnsEndpointAddress, endpointPodNames: boolean): string {
  if (addr.hostname !== '') return addr.hostname;
  if (endpointPodNames && addr.targetRefName !== '') return addr.targetRefName;
  return addr.dashed;
}

/** The endpoints the plugin sees for a service (none with `noendpoints`). */
export function endpointsOf(view: KubernetesView, namespace: string, service: string): readonly DnsEndpoints[] {
  return view.config.noEndpoints ? [] : view.lister.endpointsOf(namespace, service);
}

/** joinName for a head that is not empty: `head.zone`, or `head.` in the root zone. */
function nameIn(head: string, zone: string): string {
  return zone === '.' ? `${head}.` : `${head}.${zone}`;
}

/** Records: the backend records for lowercase `name` in `zone` (zone keeps the query's case). */
export function lookupRecords(view: KubernetesView, name: string, zone: string): BackendResult {
  const r = parseRequestCached(name, zone);
  if (r === INVALID_REQUEST) return { records: [], err: INVALID_REQUEST };
  if (r.podOrSvc === '') return { records: [] };
  if (reverseKind(name) > 0) return { records: [], err: NO_ITEMS };
  if (!namespaceExposed(view, r.namespace)) return { records: [], err: NS_NOT_EXPOSED };
  return r.podOrSvc === 'pod' ? findPods(view, r, zone) : findServices(view, r, zone);
}

/**
 * Pod records (spec §2.6, deprecated but required): `a-b-c-d.ns.pod.zone`. `insecure` answers
 * any well-formed address; `verified` only one a pod in that namespace has; `disabled` nothing.
 */
function findPods(view: KubernetesView, r: Readonly<RecordRequest>, zone: string): BackendResult {
  const mode = view.config.pods;
  if (mode === 'disabled') return { records: [], err: NO_ITEMS };
  const podname = r.service;
  if (podname === '') return { records: [] }; // `ns.pod.zone`: NODATA
  const key = nameIn(`${podname}.${r.namespace}.pod`, zone);
  const dashes = (podname.match(/-/g) ?? []).length;
  const ip = dashes === 3 && !podname.includes('--') ? podname.replaceAll('-', '.') : podname.replaceAll('-', ':');
  if (mode === 'insecure') {
    if (canonicalIP(ip) === undefined) return { records: [], err: NO_ITEMS };
    return { records: [{ host: ip, port: 0, ttl: view.config.ttl, key }] };
  }
  const records: BackendRecord[] = [];
  for (const pod of view.lister.podsByIP(ip)) {
    // CoreDNS compares the text: an IPv6 name must spell the address as the pod status does.
    if (pod.podIP === ip && pod.namespace.toLowerCase() === r.namespace) records.push({ host: ip, port: 0, ttl: view.config.ttl, key });
  }
  return records.length > 0 ? { records } : { records, err: NO_ITEMS };
}

function matchPortAndProtocol(aPort: string, bPort: string, aProtocol: string, bProtocol: string): boolean {
  return (aPort === '' || aPort === bPort.toLowerCase()) && (aProtocol === '' || aProtocol === bProtocol.toLowerCase());
}

/** findServices: ClusterIP (§2.3), headless and endpoint names (§2.4), ExternalName (§2.5). */
function findServices(view: KubernetesView, r: Readonly<RecordRequest>, zone: string): BackendResult {
  if (r.service === '') return { records: [] }; // `ns.svc.zone` of an existing namespace: NODATA
  let err: NameError | undefined = NO_ITEMS;
  const svc = view.lister.service(r.namespace, r.service);
  const records: BackendRecord[] = [];
  if (!svc) return { records, err };
  const ttl = view.config.ttl;
  const svcKey = nameIn(`${svc.name}.${svc.namespace}.svc`, zone);
  let endpoints: readonly DnsEndpoints[] | undefined;

  // `ignore empty_service`: NXDOMAIN for a ClusterIP service without ready addresses, so the
  // client moves on along its search path. Headless and ExternalName services are exempt.
  if (view.config.ignoreEmptyService && svc.type !== 'ExternalName' && !svc.headless) {
    endpoints = endpointsOf(view, svc.namespace, svc.name);
    if (!endpoints.some((e) => e.addresses.length > 0)) return { records, err };
  }

  if (svc.type === 'ExternalName') {
    // An ExternalName service has no endpoints, so `x.ext.ns.svc.zone` does not exist.
    if (r.endpoint !== '') return { records, err };
    if (hostType(svc.externalName) === 'CNAME') {
      records.push({ host: svc.externalName, port: 0, ttl, key: svcKey });
      err = undefined;
    }
    return { records, err };
  }

  if (svc.headless || r.endpoint !== '') {
    endpoints ??= endpointsOf(view, svc.namespace, svc.name);
    for (const ep of endpoints) {
      for (const addr of ep.addresses) {
        const hostname = endpointHostname(addr, view.config.endpointPodNames);
        if (r.endpoint !== '' && r.endpoint !== hostname.toLowerCase()) continue;
        for (const p of ep.ports) {
          if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
          records.push({ host: addr.ip, port: p.port, ttl, key: `${hostname}.${svcKey}`, what: addr.recordType });
          err = undefined;
        }
      }
    }
    return { records, err };
  }

  for (const p of svc.ports) {
    if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
    err = undefined;
    for (let i = 0; i < svc.clusterIPs.length; i++) records.push({ host: svc.clusterIPs[i], port: p.port, ttl, key: svcKey, what: svc.clusterIPTypes[i] });
  }
  return { records, err };
}
