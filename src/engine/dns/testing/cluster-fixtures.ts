/**
 * Test fixtures for DNS: small builders for the objects the chapter uses (Services,
 * EndpointSlices as the controllers write them, Pods, Namespaces), a store holding them, a DNS
 * stack over it, and answer comparison in zone-file text. Test support only.
 */

import type { EndpointSlice, KubeObject, Namespace, Pod, Service, ServicePort } from '../../../shared/api-types';
import type { DnsMessage, ResourceRecord, RRType } from '../../../shared/dns-types';
import type { DnsStack } from '../dns-stack';
import { createRandom } from '../../random';
import { ObjectStore } from '../../store/object-store';
import { VirtualClock } from '../../virtual-clock';
import { DEFAULT_WORLD } from '../../world/world';
import { createDnsStack } from '../dns-stack';
import { formatRecord, parseRecords } from '../zone-text';

/** 2026-03-02T09:00:00Z, the course's start time. */
export const START = Date.UTC(2026, 2, 2, 9, 0, 0);

export function namespace(name: string): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A Service; `clusterIP: 'None'` makes it headless. */
export function service(
  name: string,
  spec: { namespace?: string; type?: Service['spec']['type']; clusterIP?: string; clusterIPs?: string[]; ports?: ServicePort[]; externalName?: string } = {},
): Service {
  const type = spec.type ?? 'ClusterIP';
  const clusterIPs = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : undefined);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: spec.namespace ?? 'default' },
    spec: {
      type,
      ...(clusterIPs ? { clusterIP: clusterIPs[0], clusterIPs } : {}),
      ...(spec.ports ? { ports: spec.ports } : {}),
      ...(spec.externalName ? { externalName: spec.externalName } : {}),
    },
  };
}

/** An endpoint of a slice. */
export interface EndpointSpec {
  ip: string;
  ready?: boolean;
  hostname?: string;
  pod?: string;
}

/** An EndpointSlice for `serviceName`, as the endpointslice controller writes it. */
export function slice(
  serviceName: string,
  endpoints: EndpointSpec[],
  opts: { namespace?: string; name?: string; addressType?: 'IPv4' | 'IPv6'; ports?: { name?: string; port: number; protocol?: 'TCP' | 'UDP' }[] } = {},
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: opts.name ?? `${serviceName}-abcde`, namespace: opts.namespace ?? 'default', labels: { 'kubernetes.io/service-name': serviceName } },
    addressType: opts.addressType ?? 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.ready ?? true, terminating: false },
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', namespace: opts.namespace ?? 'default', name: e.pod } } : {}),
    })),
    ports: (opts.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

/** A running Pod with an IP. */
export function pod(name: string, ip: string, opts: { namespace?: string; hostname?: string; subdomain?: string; dnsPolicy?: Pod['spec']['dnsPolicy']; hostNetwork?: boolean; dnsConfig?: Pod['spec']['dnsConfig'] } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default' },
    spec: {
      containers: [{ name: 'app', image: 'kubetm/app' }],
      ...(opts.hostname ? { hostname: opts.hostname } : {}),
      ...(opts.subdomain ? { subdomain: opts.subdomain } : {}),
      ...(opts.dnsPolicy ? { dnsPolicy: opts.dnsPolicy } : {}),
      ...(opts.hostNetwork ? { hostNetwork: true } : {}),
      ...(opts.dnsConfig ? { dnsConfig: opts.dnsConfig } : {}),
    },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
  };
}

/** The chapter's cluster: kube-dns, service1, headless1 (pod-a, pod-b ready; pod-c not), externalname1. */
export function chapterObjects(): KubeObject[] {
  return [
    namespace('default'),
    namespace('kube-system'),
    service('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
    service('kube-dns', {
      namespace: 'kube-system',
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    }),
    slice('kube-dns', [{ ip: '20.96.0.2', pod: 'coredns-6d4b75cb6d-7xk2p' }, { ip: '20.96.0.3', pod: 'coredns-6d4b75cb6d-qw8zr' }], {
      namespace: 'kube-system',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153 },
      ],
    }),
    service('service1', { clusterIP: '10.103.83.21', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }, { port: 8443, protocol: 'TCP' }] }),
    slice('service1', [{ ip: '20.109.5.21', pod: 'pod1' }], { ports: [{ name: 'http', port: 8080 }, { port: 8443 }] }),
    service('headless1', { clusterIP: 'None', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] }),
    slice(
      'headless1',
      [
        { ip: '20.109.5.11', hostname: 'pod-a', pod: 'pod-a' },
        { ip: '20.109.5.12', hostname: 'pod-b', pod: 'pod-b' },
        { ip: '20.109.5.13', pod: 'pod-d' },
        { ip: '20.111.1.7', hostname: 'pod-c', pod: 'pod-c', ready: false },
      ],
      { ports: [{ name: 'http', port: 8080 }] },
    ),
    service('externalname1', { type: 'ExternalName', externalName: 'github.github.io' }),
    pod('pod-a', '20.109.5.11', { hostname: 'pod-a', subdomain: 'headless1' }),
    pod('pod-b', '20.109.5.12', { hostname: 'pod-b', subdomain: 'headless1' }),
    pod('pod4', '20.109.5.40'),
  ];
}

/** A store holding `objects`. */
export function storeWith(objects: KubeObject[], clock = new VirtualClock(START)): ObjectStore {
  const store = new ObjectStore({ clock, random: createRandom(7) });
  for (const o of objects) store.create(o);
  return store;
}

/** A DNS stack over a store with `objects` (the chapter's by default). */
export function stackWith(objects: KubeObject[] = chapterObjects(), corefile?: string, seed = 20240106): { stack: DnsStack; store: ObjectStore; clock: VirtualClock } {
  const clock = new VirtualClock(START);
  const store = storeWith(objects, clock);
  const stack = createDnsStack({ store, clock, random: createRandom(seed), world: DEFAULT_WORLD, clusterDomain: 'cluster.local', dnsServiceIP: '10.96.0.10', corefile });
  return { stack, store, clock };
}

/** The pod the tests ask from. */
export const CLIENT = { kind: 'pod' as const, id: 'default/pod4', ip: '20.109.5.40' };

/** One query to CoreDNS at the kube-dns service IP. */
export function ask(stack: DnsStack, name: string, type: RRType): DnsMessage {
  return stack.query(CLIENT, '10.96.0.10', name, type).message;
}

/** Records as sorted zone-file lines (answers may be shuffled by loadbalance). */
export function lines(records: readonly ResourceRecord[], ordered = false): string[] {
  const out = records.map(formatRecord);
  return ordered ? out : out.sort();
}

/** Expected records, written as zone-file text, as sorted lines. */
export function zone(text: string, ordered = false): string[] {
  return lines(parseRecords(text), ordered);
}
