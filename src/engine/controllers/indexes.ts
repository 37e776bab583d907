/**
 * Named store indexes shared by the controllers and the network layer (cf. client-go Indexers):
 * they turn "which Services select this Pod?" and "which Pod owns 20.109.5.11?" into lookups that
 * cost O(matches), so one change at 10,000 Pods touches only the objects it affects. Each index
 * is declared once per store, whoever asks first.
 */

import type { EndpointSlice, Node, Pod, Service } from '../../shared/api-types';
import type { IndexFunc, IndexUnchanged, ObjectStore } from '../store/object-store';
import { LABEL_SERVICE_NAME } from './well-known-labels';

/** Index names (prefixed so other layers' indexes never collide with ours). */
export const INDEX = {
  /** Pods by `namespace/labelKey=value`, one entry per label. */
  podsByLabel: 'ctl/pods-by-label',
  /** Pods by `spec.nodeName`. */
  podsByNode: 'ctl/pods-by-node',
  /** Pods by each of their pod IPs (host-network Pods excluded: their IP is the node's). */
  podsByIP: 'ctl/pods-by-ip',
  /** Services by namespace. */
  servicesByNamespace: 'ctl/services-by-namespace',
  /** Services with a selector, by `namespace/key=value` for each selector pair. */
  servicesBySelectorPair: 'ctl/services-by-selector-pair',
  /** Services by each allocated cluster IP (headless and ExternalName have none). */
  servicesByClusterIP: 'ctl/services-by-cluster-ip',
  /** Services by `nodePort/PROTOCOL`. */
  servicesByNodePort: 'ctl/services-by-node-port',
  /** Services by load-balancer ingress IP and by spec.externalIPs. */
  servicesByExternalIP: 'ctl/services-by-external-ip',
  /** EndpointSlices by `namespace/serviceName` (label kubernetes.io/service-name). */
  slicesByService: 'ctl/slices-by-service',
  /** Nodes by InternalIP/ExternalIP address. */
  nodesByAddress: 'ctl/nodes-by-address',
} as const;


/** Declares an index unless it exists already. */
export function ensureIndex(store: ObjectStore, name: string, kind: string, fn: IndexFunc, unchanged?: IndexUnchanged): void {
  if (!store.hasIndex(name)) store.addIndex(name, kind, fn, unchanged);
}

const NONE: readonly string[] = Object.freeze([]);

/** The `namespace/key=value` index value of one label or selector pair. */
export function labelIndexValue(namespace: string | undefined, key: string, value: string): string {
  return `${namespace ?? ''}/${key}=${value}`;
}

const podLabels: IndexFunc = (obj) => {
  const labels = obj.metadata.labels;
  if (!labels) return NONE;
  return Object.keys(labels).map((k) => labelIndexValue(obj.metadata.namespace, k, labels[k]));
};
const sameLabels: IndexUnchanged = (a, b) => a.metadata.labels === b.metadata.labels && a.metadata.namespace === b.metadata.namespace;

const podNode: IndexFunc = (obj) => {
  const node = (obj as Pod).spec?.nodeName;
  return node ? [node] : NONE;
};
const sameNode: IndexUnchanged = (a, b) => (a as Pod).spec?.nodeName === (b as Pod).spec?.nodeName;

const podIPs: IndexFunc = (obj) => {
  const pod = obj as Pod;
  if (pod.spec?.hostNetwork) return NONE;
  const ips = new Set<string>();
  if (pod.status?.podIP) ips.add(pod.status.podIP);
  for (const p of pod.status?.podIPs ?? []) if (p.ip) ips.add(p.ip);
  return ips.size === 0 ? NONE : [...ips];
};
const samePodIPs: IndexUnchanged = (a, b) => {
  const x = a as Pod;
  const y = b as Pod;
  return x.spec?.hostNetwork === y.spec?.hostNetwork && x.status?.podIP === y.status?.podIP && x.status?.podIPs === y.status?.podIPs;
};

const serviceNamespace: IndexFunc = (obj) => [obj.metadata.namespace ?? ''];

const serviceSelectorPairs: IndexFunc = (obj) => {
  const selector = (obj as Service).spec?.selector;
  if (!selector) return [];
  return Object.keys(selector).map((k) => labelIndexValue(obj.metadata.namespace, k, selector[k]));
};

const serviceClusterIPs: IndexFunc = (obj) => {
  const spec = (obj as Service).spec;
  if (!spec || spec.type === 'ExternalName') return [];
  const ips = new Set<string>();
  for (const ip of [spec.clusterIP, ...(spec.clusterIPs ?? [])]) if (ip && ip !== 'None') ips.add(ip);
  return [...ips];
};

const serviceNodePorts: IndexFunc = (obj) => {
  const spec = (obj as Service).spec;
  if (!spec || (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer')) return [];
  return (spec.ports ?? []).filter((p) => p.nodePort).map((p) => `${p.nodePort}/${p.protocol ?? 'TCP'}`);
};

const serviceExternalIPs: IndexFunc = (obj) => {
  const svc = obj as Service;
  if (!svc.spec || svc.spec.type === 'ExternalName') return [];
  const ips = new Set<string>(svc.spec.externalIPs ?? []);
  if (svc.spec.type === 'LoadBalancer') for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) ips.add(ing.ip);
  return [...ips];
};

const sliceService: IndexFunc = (obj) => {
  const name = obj.metadata.labels?.[LABEL_SERVICE_NAME];
  return name ? [`${obj.metadata.namespace ?? ''}/${name}`] : [];
};

const nodeAddresses: IndexFunc = (obj) =>
  ((obj as Node).status?.addresses ?? []).filter((a) => a.type === 'InternalIP' || a.type === 'ExternalIP').map((a) => a.address);

/** Declares every index this package uses (idempotent). */
export function ensureControllerIndexes(store: ObjectStore): void {
  ensureIndex(store, INDEX.podsByLabel, 'Pod', podLabels, sameLabels);
  ensureIndex(store, INDEX.podsByNode, 'Pod', podNode, sameNode);
  ensureIndex(store, INDEX.podsByIP, 'Pod', podIPs, samePodIPs);
  ensureIndex(store, INDEX.servicesByNamespace, 'Service', serviceNamespace);
  ensureIndex(store, INDEX.servicesBySelectorPair, 'Service', serviceSelectorPairs);
  ensureIndex(store, INDEX.servicesByClusterIP, 'Service', serviceClusterIPs);
  ensureIndex(store, INDEX.servicesByNodePort, 'Service', serviceNodePorts);
  ensureIndex(store, INDEX.servicesByExternalIP, 'Service', serviceExternalIPs);
  ensureIndex(store, INDEX.slicesByService, 'EndpointSlice', sliceService);
  ensureIndex(store, INDEX.nodesByAddress, 'Node', nodeAddresses);
}

/** EndpointSlices labelled for a Service (any manager), sorted by name. */
export function slicesForService(store: ObjectStore, namespace: string, name: string): EndpointSlice[] {
  return store.byIndex<EndpointSlice>(INDEX.slicesByService, `${namespace}/${name}`);
}
