/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring/): Endpoints that a
 * user wrote for a Service *without a selector* are mirrored into EndpointSlices named
 * `<endpoints>-<5 random chars>`, managed-by endpointslicemirroring-controller.k8s.io and owned by
 * the Endpoints object — so kube-proxy and DNS, which read slices, see hand-made endpoints too.
 *
 * Mirroring happens only while the Endpoints exist, carry no `endpointslice.kubernetes.io/skip-mirror:
 * "true"` label and no leader-election annotation, and a Service of the same name exists with no
 * selector; otherwise the mirrored slices are deleted. Rules kept from reconciler.go: one slice per
 * (address type, port set) — each Endpoints subset maps 1:1 to a slice — at most 1000 addresses per
 * subset, invalid IPs skipped, labels and annotations copied (minus the trigger-time and
 * last-applied annotations), endpoints carry only the `ready` condition.
 */

import type { AddressType, EndpointAddress, EndpointSlice, EndpointSlicePort, Endpoints, Service, SliceEndpoint } from '../../shared/api-types';
import { canonicalIP, ipFamily } from '../net/ip-address';
import type { Random } from '../random';
import { jsonEqual } from '../store/clone';
import { splitNamespacedName } from '../store/keys';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import { repackSubsets } from './endpoints-repack';
import { createSlice, updateSlice } from './endpointslice-writes';
import { endpointHash, endpointsEqualBeyondHash, portMapKey } from './endpointslice-reconciler';
import { ensureControllerIndexes, slicesForService } from './indexes';
import { QueueController } from './queue-controller';
import { hasSelector } from './service-predicates';
import { LAST_CHANGE_TRIGGER_TIME } from './trigger-time-tracker';
import { ANNOTATION_LAST_APPLIED, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, LABEL_SKIP_MIRROR } from './well-known-labels';

/** Name the mirroring controller signs its slices with (managed-by label). */
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
/** Leader-election record annotation (resourcelock.LeaderElectionRecordAnnotationKey): such Endpoints are never mirrored. */
const LEADER_ELECTION_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

/** What the mirroring controller needs. */
export interface EndpointSliceMirroringControllerConfig {
  store: ObjectStore;
  /** The engine's seeded randomness; the controller forks its own stream for slice names. */
  random: Random;
  /** --mirroring-max-endpoints-per-subset (default 1000). */
  maxEndpointsPerSubset?: number;
}

interface DesiredGroup {
  addressType: AddressType;
  ports: EndpointSlicePort[];
  endpoints: Map<string, SliceEndpoint>;
}

/** Mirrors user-managed Endpoints of selector-less Services into EndpointSlices. */
export class EndpointSliceMirroringController extends QueueController {
  readonly name = 'endpointslice-mirroring-controller';
  readonly #store: ObjectStore;
  readonly #names: Random;
  readonly #maxPerSubset: number;
  #writing = false;

  constructor(config: EndpointSliceMirroringControllerConfig) {
    super();
    this.#store = config.store;
    this.#names = config.random.fork('endpointslice-mirroring-controller/names');
    this.#maxPerSubset = config.maxEndpointsPerSubset ?? 1000;
    ensureControllerIndexes(this.#store);
    this.#store.watch((e) => this.#onEvent(e), ['Endpoints', 'Service', 'EndpointSlice']);
    for (const ep of this.#store.list<Endpoints>('Endpoints')) if (shouldMirror(ep)) this.queue.add(keyOf(ep));
  }

  #onEvent(e: WatchEvent): void {
    const obj = e.object;
    if (obj.kind === 'Endpoints') {
      const ep = obj as Endpoints;
      if (shouldMirror(ep) || (e.oldObject && shouldMirror(e.oldObject as Endpoints))) this.queue.add(keyOf(ep));
    } else if (obj.kind === 'Service') {
      const svc = obj as Service;
      if (e.type === 'MODIFIED') {
        if (hasSelector(svc) !== hasSelector(e.oldObject as Service)) this.queue.add(keyOf(svc));
      } else if (!hasSelector(svc)) {
        this.queue.add(keyOf(svc));
      }
    } else if (obj.kind === 'EndpointSlice' && !this.#writing) {
      for (const o of [obj, e.oldObject]) {
        if (!o || o.metadata.labels?.[LABEL_MANAGED_BY] !== MIRRORING_CONTROLLER_NAME) continue;
        const svcName = o.metadata.labels?.[LABEL_SERVICE_NAME];
        if (svcName) this.queue.add(`${o.metadata.namespace}/${svcName}`);
      }
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = splitNamespacedName(key);
    const store = this.#store;
    const mirrored = slicesForService(store, namespace, name).filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME);
    const endpoints = store.get<Endpoints>('Endpoints', namespace, name);
    const service = store.get<Service>('Service', namespace, name);
    if (!endpoints || !shouldMirror(endpoints) || !service || hasSelector(service)) {
      this.#write(namespace, { create: [], update: [], delete: mirrored });
      return;
    }
    this.#write(namespace, this.#reconcile(endpoints, mirrored));
  }

  #reconcile(endpoints: Endpoints, existing: EndpointSlice[]): { create: EndpointSlice[]; update: EndpointSlice[]; delete: EndpointSlice[] } {
    const desired = new Map<string, DesiredGroup>();
    for (const subset of repackSubsets(endpoints.subsets ?? [])) {
      const ports = (subset.ports ?? []).map((p) => {
        const out: EndpointSlicePort = { name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port };
        if (p.appProtocol) out.appProtocol = p.appProtocol;
        return out;
      });
      const groupFor = (addressType: AddressType): DesiredGroup => {
        const k = `${addressType}-${portMapKey(ports)}`;
        let g = desired.get(k);
        if (!g) desired.set(k, (g = { addressType, ports, endpoints: new Map() }));
        return g;
      };
      groupFor('IPv4');
      groupFor('IPv6');
      let added = 0;
      const add = (address: EndpointAddress, ready: boolean): void => {
        if (added >= this.#maxPerSubset) return;
        const ep = addressToEndpoint(address, ready);
        if (!ep) return; // Not a valid IP: skipped (upstream records a warning event).
        const g = groupFor(ipFamily(ep.addresses[0]) === 'IPv6' ? 'IPv6' : 'IPv4');
        g.endpoints.set(endpointHash(ep), ep);
        added++;
      };
      for (const a of subset.addresses ?? []) add(a, true);
      for (const a of subset.notReadyAddresses ?? []) add(a, false);
    }

    const existingByKey = new Map<string, EndpointSlice[]>();
    for (const slice of existing) {
      const k = `${slice.addressType}-${portMapKey(slice.ports ?? [])}`;
      let list = existingByKey.get(k);
      if (!list) existingByKey.set(k, (list = []));
      list.push(slice);
    }

    const create: EndpointSlice[] = [];
    const update: EndpointSlice[] = [];
    const del: EndpointSlice[] = [];
    for (const [k, group] of desired) {
      const slices = existingByKey.get(k) ?? [];
      if (group.endpoints.size === 0) {
        del.push(...slices);
        continue;
      }
      if (slices.length > 0) {
        del.push(...slices.slice(1));
        const first = slices[0];
        const compareAnnotations = mirroredAnnotations(endpoints.metadata.annotations);
        const compareLabels = withoutKeys(first.metadata.labels, [LABEL_MANAGED_BY, LABEL_SERVICE_NAME]);
        if (!sliceNeedsChange(first, group.endpoints) && mapEqual(endpoints.metadata.labels, compareLabels) && mapEqual(compareAnnotations, first.metadata.annotations)) {
          continue;
        }
      }
      const slice = newMirroredSlice(endpoints, group.ports, group.addressType, slices[0]?.metadata.name);
      for (const ep of group.endpoints.values()) {
        if (slice.endpoints.length >= this.#maxPerSubset) break;
        slice.endpoints.push(ep);
      }
      (slice.metadata.name ? update : create).push(slice);
    }
    for (const [k, slices] of existingByKey) if (!desired.has(k)) del.push(...slices);

    // recycleSlices: reuse slices marked for deletion instead of creating new ones (per address type).
    for (const type of ['IPv4', 'IPv6'] as const) {
      const creates = create.filter((s) => s.addressType === type);
      const deletes = del.filter((s) => s.addressType === type);
      for (let i = 0; i < creates.length && i < deletes.length; i++) {
        create.splice(create.indexOf(creates[i]), 1);
        del.splice(del.indexOf(deletes[i]), 1);
        creates[i].metadata.name = deletes[i].metadata.name;
        delete creates[i].metadata.generateName;
        update.push(creates[i]);
      }
    }
    if (endpoints.metadata.deletionTimestamp) create.length = 0;
    return { create, update, delete: del };
  }

  #write(namespace: string, changes: { create: EndpointSlice[]; update: EndpointSlice[]; delete: EndpointSlice[] }): void {
    this.#writing = true;
    try {
      for (const s of changes.create) createSlice(this.#store, s, this.#names);
      for (const s of changes.update) updateSlice(this.#store, s);
      for (const s of changes.delete) this.#store.delete('EndpointSlice', namespace, s.metadata.name ?? '');
    } finally {
      this.#writing = false;
    }
  }
}

/** shouldMirror: no skip-mirror label set to "true", no leader-election annotation. */
function shouldMirror(ep: Endpoints): boolean {
  return ep.metadata.labels?.[LABEL_SKIP_MIRROR] !== 'true' && !(ep.metadata.annotations && LEADER_ELECTION_ANNOTATION in ep.metadata.annotations);
}

function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

/** addressToEndpoint: the IP re-printed canonically, `ready` only, targetRef/nodeName/hostname copied. */
function addressToEndpoint(address: EndpointAddress, ready: boolean): SliceEndpoint | undefined {
  const ip = canonicalIP(address.ip);
  if (!ip) return undefined;
  const ep: SliceEndpoint = { addresses: [ip], conditions: { ready } };
  if (address.hostname) ep.hostname = address.hostname;
  if (address.targetRef) ep.targetRef = { ...address.targetRef };
  if (address.nodeName !== undefined) ep.nodeName = address.nodeName;
  return ep;
}

/** newEndpointSlice (mirroring utils.go): labels and annotations cloned from the Endpoints. */
function newMirroredSlice(endpoints: Endpoints, ports: EndpointSlicePort[], addressType: AddressType, name: string | undefined): EndpointSlice {
  const labels: Record<string, string> = { ...(endpoints.metadata.labels ?? {}) };
  labels[LABEL_SERVICE_NAME] = endpoints.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = MIRRORING_CONTROLLER_NAME;
  const annotations = mirroredAnnotations(endpoints.metadata.annotations);
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      ...(name ? { name } : { generateName: `${endpoints.metadata.name}-` }),
      namespace: endpoints.metadata.namespace,
      labels,
      ...(annotations ? { annotations } : {}),
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Endpoints', name: endpoints.metadata.name ?? '', uid: endpoints.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
      ],
    },
    addressType,
    endpoints: [],
    ports: ports.map((p) => ({ ...p })),
  };
  return slice;
}

function mirroredAnnotations(annotations: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  const out = withoutKeys(annotations, [LAST_CHANGE_TRIGGER_TIME, ANNOTATION_LAST_APPLIED]);
  return out && Object.keys(out).length > 0 ? out : undefined;
}

/** totalChanges ≠ 0: an endpoint to add, remove or update in the slice. */
function sliceNeedsChange(slice: EndpointSlice, desired: Map<string, SliceEndpoint>): boolean {
  let matches = 0;
  for (const ep of slice.endpoints ?? []) {
    const got = desired.get(endpointHash(ep));
    if (!got) return true;
    matches++;
    if (!endpointsEqualBeyondHash(got, ep)) return true;
  }
  return desired.size - matches !== 0;
}

function withoutKeys(map: Readonly<Record<string, string>> | undefined, keys: string[]): Record<string, string> | undefined {
  if (!map) return undefined;
  const out = { ...map };
  for (const k of keys) delete out[k];
  return out;
}

/** Semantic equality of string maps: nil and empty are equal, as apiequality.Semantic treats them. */
function mapEqual(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  return jsonEqual(a ?? {}, b ?? {});
}
