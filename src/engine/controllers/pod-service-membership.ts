/**
 * Which Services a Pod change concerns (endpointsliceutil.GetPodServiceMemberships and
 * GetServicesToUpdateOnPodChange, staging/src/k8s.io/endpointslice/util/controller_utils.go).
 * Upstream lists every Service in the Pod's namespace; here the candidates come from the
 * services-by-selector-pair index, so the cost is O(Services sharing a label with the Pod).
 */

import type { Pod, Service } from '../../shared/api-types';
import { matchesMap } from '../store/label-selector';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import { INDEX, labelIndexValue } from './indexes';
import { hasSelector, isPodReady } from './service-predicates';

const NONE: ReadonlySet<string> = new Set();

/** labels object → the Services they put a Pod in (see podServiceMemberships). */
const memberships = new WeakMap<object, { store: ObjectStore; namespace: string; serviceVersion: number; services: ReadonlySet<string> }>();

/** `namespace/name` keys of the Services whose selector matches the Pod's labels (a shared set: do not modify). */
export function podServiceMemberships(store: ObjectStore, pod: Pod): ReadonlySet<string> {
  const labels = pod.metadata.labels;
  if (!labels) return NONE;
  const ns = pod.metadata.namespace ?? '';
  // The answer depends on the labels, the namespace and the Services only. Every version of a Pod
  // shares its (immutable) labels object, so it is worked out once per Pod until a Service changes.
  const serviceVersion = store.kindVersion('Service');
  const known = memberships.get(labels);
  if (known && known.store === store && known.namespace === ns && known.serviceVersion === serviceVersion) return known.services;
  const out = new Set<string>();
  for (const key of Object.keys(labels)) {
    for (const svc of store.byIndex<Service>(INDEX.servicesBySelectorPair, labelIndexValue(ns, key, labels[key]))) {
      const svcKey = `${ns}/${svc.metadata.name}`;
      if (out.has(svcKey) || !hasSelector(svc)) continue;
      if (matchesMap(svc.spec.selector!, labels)) out.add(svcKey);
    }
  }
  memberships.set(labels, { store, namespace: ns, serviceVersion, services: out });
  return out;
}


/**
 * podEndpointsChanged: [whether the endpoint built from the Pod may differ, whether the set of
 * Services it matches may differ (labels, hostname or subdomain changed)].
 */
export function podEndpointsChanged(oldPod: Pod, newPod: Pod): [podChanged: boolean, labelsChanged: boolean] {
  const labelsChanged =
    !sameMap(oldPod.metadata.labels, newPod.metadata.labels) ||
    oldPod.spec.hostname !== newPod.spec.hostname ||
    oldPod.spec.subdomain !== newPod.spec.subdomain;
  if (oldPod.metadata.deletionTimestamp !== newPod.metadata.deletionTimestamp) return [true, labelsChanged];
  if (isPodReady(oldPod) !== isPodReady(newPod)) return [true, labelsChanged];
  const a = oldPod.status?.podIPs ?? [];
  const b = newPod.status?.podIPs ?? [];
  if (a === b) return [false, labelsChanged];
  if (a.length !== b.length) return [true, labelsChanged];
  for (let i = 0; i < a.length; i++) if (a[i].ip !== b[i].ip) return [true, labelsChanged];
  return [false, labelsChanged];
}

/**
 * GetServicesToUpdateOnPodChange: the Pod's current Services; when its labels changed, plus its
 * former ones (all of them if the endpoint changed too, else only the symmetric difference).
 */
export function servicesToUpdateOnPodChange(store: ObjectStore, oldPod: Pod, newPod: Pod): ReadonlySet<string> {
  if (oldPod.metadata.resourceVersion === newPod.metadata.resourceVersion) return NONE;
  const [podChanged, labelsChanged] = podEndpointsChanged(oldPod, newPod);
  if (!podChanged && !labelsChanged) return NONE;
  const services = podServiceMemberships(store, newPod);
  if (!labelsChanged) return services;
  const oldServices = podServiceMemberships(store, oldPod);
  if (podChanged) {
    const both = new Set(services);
    for (const k of oldServices) both.add(k);
    return both;
  }
  const out = new Set<string>();
  for (const k of services) if (!oldServices.has(k)) out.add(k);
  for (const k of oldServices) if (!services.has(k)) out.add(k);
  return out;
}

/** The last answer of `servicesForPodEvent`: both endpoint controllers ask about the same event in turn. */
let lastAnswer: { event: WatchEvent; store: ObjectStore; serviceVersion: number; services: ReadonlySet<string> } | undefined;

/**
 * The Services a Pod watch event concerns, as the endpoints and EndpointSlice controllers queue
 * them (addPod/deletePod → GetPodServiceMemberships, updatePod → GetServicesToUpdateOnPodChange).
 * Both controllers receive the same event object one after the other; the second gets the first's
 * answer (it depends on the event's Pods and the Services, and no Service changed in between).
 */
export function servicesForPodEvent(store: ObjectStore, event: WatchEvent): ReadonlySet<string> {
  const serviceVersion = store.kindVersion('Service');
  if (lastAnswer && lastAnswer.event === event && lastAnswer.store === store && lastAnswer.serviceVersion === serviceVersion) return lastAnswer.services;
  const pod = event.object as Pod;
  const services = event.type === 'MODIFIED' && event.oldObject ? servicesToUpdateOnPodChange(store, event.oldObject as Pod, pod) : podServiceMemberships(store, pod);
  lastAnswer = { event, store, serviceVersion, services };
  return services;
}

function sameMap(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (a === b) return true;
  const ak = a ? Object.keys(a) : [];
  const bk = b ? Object.keys(b) : [];
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!b || b[k] !== a![k]) return false;
  return true;
}
