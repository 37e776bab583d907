/**
 * The EndpointSlice reconciler (staging/src/k8s.io/endpointslice/reconciler.go and utils.go),
 * as a pure computation: given a Service, its selected Pods and the slices it already has,
 * decide which slices to create, update and delete. Rules kept from upstream:
 *
 * - one group of slices per address type (from spec.ipFamilies) and per distinct port mapping
 *   (Pods whose named targetPort resolves differently land in different slices; a Pod lacking a
 *   named port lands in a slice without that port);
 * - endpoints are identified by addresses + hostname + targetRef (endpointHash); existing slices
 *   keep their endpoints in place and are updated only when an endpoint changed, left, or the
 *   Service's labels changed; new endpoints fill updated slices (fullest first), then an
 *   unchanged slice they fit in, then new slices of at most maxEndpointsPerSlice (100);
 * - a Service with no endpoints keeps one empty placeholder slice per address type;
 * - slices that would be deleted are recycled as updates when new ones would be created.
 *
 * Where upstream picks "any" element of a hash set, the simulator takes Pods in name order.
 */

import type { AddressType, EndpointSlice, EndpointSlicePort, Node, Pod, Service, SliceEndpoint } from '../../shared/api-types';
import { jsonEqual, jsonEqualExcept } from '../store/clone';
import { findPort, fixedTargetPort } from './find-port';
import { LABEL_HEADLESS, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './well-known-labels';
import { isPodReady, isServiceIPSet, podIPList, shouldPodBeInEndpoints, shouldSetHostname } from './service-predicates';

/** Name the EndpointSlice controller signs its slices with (managed-by label). */
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** Node label read for an endpoint's zone (v1.LabelTopologyZone). */
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

/** The writes one reconcile wants. Slices to create carry generateName and no name. */
export interface SliceChanges {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

/** Inputs of one reconcile. */
export interface SliceReconcileInput {
  service: Service;
  pods: readonly Pod[];
  /** Slices labelled for this Service and managed by this controller. */
  existing: readonly EndpointSlice[];
  maxEndpointsPerSlice: number;
  /** Node by name, for the endpoint's zone (and to skip Pods on unknown nodes). */
  nodeByName: (name: string) => Node | undefined;
}

/** Reconcile: the creates, updates and deletes that bring the slices to the desired state. */
export function reconcileEndpointSlices(input: SliceReconcileInput): SliceChanges {
  const { service } = input;
  const out: SliceChanges = { create: [], update: [], delete: [] };
  const supported = addressTypesForService(service);
  const byType = new Map<AddressType, EndpointSlice[]>();
  for (const slice of input.existing) {
    if (!supported.includes(slice.addressType)) {
      out.delete.push(slice);
      continue;
    }
    let list = byType.get(slice.addressType);
    if (!list) byType.set(slice.addressType, (list = []));
    list.push(slice);
  }
  const typeChanges: SliceChanges[] = [];
  for (const addressType of supported) typeChanges.push(reconcileByAddressType(input, byType.get(addressType) ?? [], addressType));
  // Deletions of unsupported address types go last, as upstream issues them after the per-type work.
  const unsupported = out.delete;
  out.delete = [];
  for (const c of typeChanges) {
    out.create.push(...c.create);
    out.update.push(...c.update);
    out.delete.push(...c.delete);
  }
  out.delete.push(...unsupported);
  return out;
}

function reconcileByAddressType(input: SliceReconcileInput, existing: EndpointSlice[], addressType: AddressType): SliceChanges {
  const { service } = input;
  let toCreate: EndpointSlice[] = [];
  const toUpdate: EndpointSlice[] = [];
  let toDelete: EndpointSlice[] = [];

  const existingByPortMap = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    if (ownedBy(slice, service)) {
      const key = portMapKey(slice.ports ?? []);
      let list = existingByPortMap.get(key);
      if (!list) existingByPortMap.set(key, (list = []));
      list.push(slice);
    } else {
      toDelete.push(slice);
    }
  }

  const desiredPorts = new Map<string, EndpointSlicePort[]>();
  const desiredByPortMap = new Map<string, Map<string, SliceEndpoint>>();
  // Without named target ports every Pod resolves the Service's ports alike: work them out once.
  const fixedPorts = service.spec.ports?.every((sp) => fixedTargetPort(sp) !== undefined) ? endpointPorts(service, undefined) : undefined;
  const fixedKey = fixedPorts ? portMapKey(fixedPorts) : '';
  const nodes = new Map<string, Node | undefined>(); // Node lookups, once per name per reconcile
  for (const pod of input.pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = fixedPorts ?? endpointPorts(service, pod);
    const key = fixedPorts ? fixedKey : portMapKey(ports);
    if (!desiredByPortMap.has(key)) desiredByPortMap.set(key, new Map());
    if (!desiredPorts.has(key)) desiredPorts.set(key, ports);
    const nodeName = pod.spec.nodeName;
    let node: Node | undefined;
    if (nodeName) {
      if (nodes.has(nodeName)) node = nodes.get(nodeName);
      else nodes.set(nodeName, (node = input.nodeByName(nodeName)));
    }
    // Upstream skips (and retries later) a Pod whose Node is unknown, unless not-ready addresses are published.
    if (!node && !service.spec.publishNotReadyAddresses) continue;
    const endpoint = podToEndpoint(pod, node, service, addressType);
    if (endpoint.addresses.length > 0) desiredByPortMap.get(key)!.set(endpointHash(endpoint), endpoint);
  }

  for (const [key, desired] of desiredByPortMap) {
    const r = reconcileByPortMapping(input, existingByPortMap.get(key) ?? [], desired, { ports: desiredPorts.get(key)!, addressType });
    toCreate.push(...r.create);
    toUpdate.push(...r.update);
    toDelete.push(...r.delete);
  }
  for (const [key, slices] of existingByPortMap) if (!desiredByPortMap.has(key)) toDelete.push(...slices);

  // When no endpoint slices would usually exist, keep a placeholder.
  if (existing.length === toDelete.length && toCreate.length < 1) {
    const placeholder = newEndpointSlice(service, { ports: [], addressType });
    if (toDelete.length === 1 && placeholderEqual(toDelete[0], placeholder)) toDelete = [];
    else toCreate.push(placeholder);
  }

  // finalize: turn creates into updates of slices that would otherwise be deleted.
  for (let i = 0; i < toDelete.length; ) {
    if (toCreate.length === 0) break;
    const del = toDelete[i];
    const slice = toCreate[toCreate.length - 1];
    if (del.addressType === slice.addressType && ownedBy(del, service)) {
      slice.metadata.name = del.metadata.name;
      toCreate = toCreate.slice(0, -1);
      toUpdate.push(slice);
      toDelete.splice(i, 1);
    } else {
      i++;
    }
  }
  if (service.metadata.deletionTimestamp) toCreate = [];
  return { create: toCreate, update: toUpdate, delete: toDelete };
}

function reconcileByPortMapping(
  input: SliceReconcileInput,
  existing: EndpointSlice[],
  desired: Map<string, SliceEndpoint>,
  meta: { ports: EndpointSlicePort[]; addressType: AddressType },
): SliceChanges {
  const { service, maxEndpointsPerSlice: max } = input;
  const slicesByName = new Map<string, EndpointSlice>();
  const unchanged = new Set<string>();
  const toUpdateNames = new Set<string>();
  const toDeleteNames = new Set<string>();

  // 1. Drop endpoints no longer desired, refresh changed ones.
  for (const slice of existing) {
    const name = slice.metadata.name!;
    slicesByName.set(name, slice);
    const kept: SliceEndpoint[] = [];
    let updated = false;
    for (const ep of slice.endpoints ?? []) {
      const h = endpointHash(ep);
      const got = desired.get(h);
      if (got) {
        kept.push(got);
        if (!endpointsEqualBeyondHash(got, ep)) updated = true;
        desired.delete(h);
      }
    }
    const { labels, changed: labelsChanged } = sliceLabels(slice.metadata.labels, service);
    if (updated || (slice.endpoints ?? []).length !== kept.length) {
      if (kept.length === 0) {
        toDeleteNames.add(name);
      } else {
        // A copy with new endpoints and labels; the rest is shared with the stored slice.
        slicesByName.set(name, { ...slice, metadata: { ...slice.metadata, labels }, endpoints: kept });
        toUpdateNames.add(name);
      }
    } else if (labelsChanged) {
      slicesByName.set(name, { ...slice, metadata: { ...slice.metadata, labels }, endpoints: [...slice.endpoints] });
      toUpdateNames.add(name);
    } else {
      unchanged.add(name);
    }
  }


  // 2. Fill slices being updated anyway, fullest first.
  if (desired.size > 0 && toUpdateNames.size > 0) {
    const slices = [...toUpdateNames].map((n) => slicesByName.get(n)!).sort((a, b) => b.endpoints.length - a.endpoints.length);
    for (const slice of slices) while (desired.size > 0 && slice.endpoints.length < max) slice.endpoints.push(popFirst(desired));
  }

  // 3. Fit the rest into one unchanged slice if possible, else new slices.
  const toCreate: EndpointSlice[] = [];
  while (desired.size > 0) {
    let sliceToFill: EndpointSlice | undefined;
    if (desired.size < max && unchanged.size > 0) {
      const found = sliceToFillAmong([...unchanged].map((n) => slicesByName.get(n)!), desired.size, max);
      if (found) {
        // Only its endpoints list grows: copy that, share the rest.
        sliceToFill = { ...found, metadata: { ...found.metadata }, endpoints: [...found.endpoints] };
        slicesByName.set(found.metadata.name!, sliceToFill);
      }
    }
    if (!sliceToFill) sliceToFill = newEndpointSlice(service, meta);
    while (desired.size > 0 && sliceToFill.endpoints.length < max) sliceToFill.endpoints.push(popFirst(desired));
    if (sliceToFill.metadata.name) {
      toUpdateNames.add(sliceToFill.metadata.name);
      unchanged.delete(sliceToFill.metadata.name);
    } else {
      toCreate.push(sliceToFill);
    }
  }
  return {
    create: toCreate,
    update: [...toUpdateNames].map((n) => slicesByName.get(n)!),
    delete: [...toDeleteNames].map((n) => slicesByName.get(n)!),
  };
}

/** Takes the oldest desired endpoint (Map order: Pods in name order). */
function popFirst(desired: Map<string, SliceEndpoint>): SliceEndpoint {
  const [h, ep] = desired.entries().next().value as [string, SliceEndpoint];
  desired.delete(h);
  return ep;
}

/** getSliceToFill: the slice that ends closest to full after adding `count` endpoints. */
function sliceToFillAmong(slices: EndpointSlice[], count: number, max: number): EndpointSlice | undefined {
  let closestDiff = max;
  let closest: EndpointSlice | undefined;
  for (const slice of slices) {
    const diff = max - (count + slice.endpoints.length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (diff === 0) return closest;
    }
  }
  return closest;
}

/** getAddressTypesForService: one address type per IP family of the Service (legacy fallbacks kept). */
export function addressTypesForService(service: Service): AddressType[] {
  const families = service.spec.ipFamilies ?? [];
  const out: AddressType[] = [];
  for (const f of families) if ((f === 'IPv4' || f === 'IPv6') && !out.includes(f)) out.push(f);
  if (out.length > 0) return out;
  const ip = service.spec.clusterIP;
  if (ip && ip !== 'None') return [ip.includes(':') ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}

/**
 * getEndpointPorts: the Service's ports resolved on this Pod (ports whose named target is missing
 * are left out). Without a Pod, only numeric target ports resolve (they need none).
 */
export function endpointPorts(service: Service, pod: Pod | undefined): EndpointSlicePort[] {
  const ports = service.spec.ports ?? [];
  if (ports.length === 0 && service.spec.clusterIP === 'None') return [];
  const out: EndpointSlicePort[] = [];
  for (const sp of ports) {
    const port = pod ? findPort(pod, sp) : fixedTargetPort(sp);
    if (port === undefined) continue;
    const p: EndpointSlicePort = { name: sp.name ?? '', protocol: sp.protocol ?? 'TCP', port };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

/** podToEndpoint: conditions, hostname (only when subdomain matches), nodeName, zone, targetRef. */
export function podToEndpoint(pod: Pod, node: Node | undefined, service: Service, addressType: AddressType): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  // "ready" is never true for a terminating Pod, unless publishNotReadyAddresses.
  const ready = service.spec.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: SliceEndpoint = {
    addresses: podIPList(pod).filter((ip) => ip.includes(':') === (addressType === 'IPv6')),
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, service)) ep.hostname = pod.spec.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
  if (zone) ep.zone = zone;
  return ep;
}

/** newEndpointSlice: generateName `<service>-`, the Service's labels, a controller ownerReference. */
export function newEndpointSlice(service: Service, meta: { ports: EndpointSlicePort[]; addressType: AddressType }): EndpointSlice {
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${service.metadata.name}-`,
      namespace: service.metadata.namespace,
      labels: sliceLabels(undefined, service).labels,
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Service', name: service.metadata.name ?? '', uid: service.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
      ],
    },
    addressType: meta.addressType,
    endpoints: [],
    ports: meta.ports.map((p) => ({ ...p })),
  };
  return slice;
}

/**
 * setEndpointSliceLabels: the Service's labels (reserved keys skipped) plus the headless marker,
 * service-name and managed-by; `changed` reports a difference in the non-reserved labels only.
 */
export function sliceLabels(current: Readonly<Record<string, string>> | undefined, service: Service): { labels: Record<string, string>; changed: boolean } {
  const epLabels: Record<string, string> = {};
  const svcLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(current ?? {})) if (!reserved(k)) epLabels[k] = v;
  for (const [k, v] of Object.entries(service.metadata.labels ?? {})) if (!reserved(k)) svcLabels[k] = v;
  const changed = !jsonEqual(epLabels, svcLabels);
  if (!isServiceIPSet(service)) svcLabels[LABEL_HEADLESS] = '';
  svcLabels[LABEL_SERVICE_NAME] = service.metadata.name ?? '';
  svcLabels[LABEL_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER_NAME;
  return { labels: svcLabels, changed };
}

function reserved(k: string): boolean {
  return k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === LABEL_HEADLESS;
}

/** ownedBy: the slice has an ownerReference to this Service's UID. */
function ownedBy(slice: EndpointSlice, service: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === service.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

/**
 * NewPortMapKey: identifies a set of ports regardless of order. Only ever a Map key (never shown),
 * so any encoding that is equal exactly for equal port sets will do.
 */
export function portMapKey(ports: readonly EndpointSlicePort[]): string {
  if (ports.length === 0) return '';
  if (ports.length === 1) return portIdentity(ports[0]);
  const parts: string[] = [];
  for (const p of ports) parts.push(portIdentity(p));
  // Identities never contain U+0001 (the plain form's parts cannot, JSON escapes it).
  return parts.sort().join('\u0001');
}

/** One port's (name, protocol, port, appProtocol) as text: plain for validated ports, JSON otherwise. */
function portIdentity(p: EndpointSlicePort): string {
  const name = p.name ?? '';
  const protocol = p.protocol ?? '';
  const app = p.appProtocol ?? '';
  if (Number.isInteger(p.port) && plain(name) && plain(protocol) && plain(app)) return `P${p.port}\u0000${name}\u0000${protocol}\u0000${app}`;
  return `J${JSON.stringify([name, protocol, p.port ?? null, app])}`;
}

/** hashEndpoint: identity of an endpoint — sorted addresses, hostname, targetRef namespace/name (a Map key only). */
export function endpointHash(ep: SliceEndpoint): string {
  const hostname = ep.hostname ?? '';
  const namespace = ep.targetRef?.namespace ?? '';
  const name = ep.targetRef?.name ?? '';
  const addresses = ep.addresses;
  if (addresses.length === 1 && typeof addresses[0] === 'string' && plain(addresses[0]) && plain(hostname) && plain(namespace) && plain(name)) {
    return `P${addresses[0]}\u0000${hostname}\u0000${namespace}\u0000${name}`;
  }
  return `J${JSON.stringify([[...addresses].sort(), hostname, namespace, name])}`;
}

/** A string the plain key forms can carry: a string without U+0000 or U+0001 (separators). */
function plain(text: unknown): boolean {
  return typeof text === 'string' && !text.includes('\u0000') && !text.includes('\u0001');
}

/** EndpointsEqualBeyondHash: nodeName, zone, conditions and targetRef (resourceVersion ignored). */
export function endpointsEqualBeyondHash(a: SliceEndpoint, b: SliceEndpoint): boolean {
  if (a.nodeName !== b.nodeName || a.zone !== b.zone) return false;
  const ac = a.conditions ?? {};
  const bc = b.conditions ?? {};
  if (ac.ready !== bc.ready || ac.serving !== bc.serving || ac.terminating !== bc.terminating) return false;
  const ar = a.targetRef as unknown;
  const br = b.targetRef as unknown;
  if (!ar || !br) return !ar && !br; // an absent reference equals only an absent one
  if (typeof ar === 'object' && typeof br === 'object') return jsonEqualExcept(ar, br, 'resourceVersion');
  return jsonEqual({ ...(ar as object), resourceVersion: undefined }, { ...(br as object), resourceVersion: undefined });
}

/** placeholderSliceCompare: same namespace, labels, owners, address type, and nothing in it. */
function placeholderEqual(existing: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    existing.metadata.namespace === placeholder.metadata.namespace &&
    jsonEqual(existing.metadata.labels ?? {}, placeholder.metadata.labels ?? {}) &&
    jsonEqual(existing.metadata.ownerReferences ?? [], placeholder.metadata.ownerReferences ?? []) &&
    existing.addressType === placeholder.addressType &&
    (existing.endpoints ?? []).length === 0 &&
    (existing.ports ?? []).length === 0
  );
}
