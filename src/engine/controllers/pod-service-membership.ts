/**
 * Which Services a Pod change concerns (endpointsliceutil.GetPodServiceMemberships and
 * GetServicesToUpdateOnPodChange, staging/src/k8s.io/endpointslice/util/controller_utils.go).
 * Upstream lists every Service in the Pod's namespace; here the candidates come from the
 * services-by-selector-pair index, so the cost is O(Services sharing a label with the Pod).
 */

import type { Pod, Service } from '../../shared/api-types';
import { matchesMap } from '../store/label-selector';
import type { ObjectStore } from '../store/object-store';
import { INDEX, labelIndexValue } from './indexes';
import { hasSelector, isPodReady } from './service-predicates';

/** `namespace/name` keys of the Services whose selector matches the Pod's labels. */
export function podServiceMemberships(store: ObjectStore, pod: Pod): Set<string> {
  const out = new Set<string>();
  const labels = pod.metadata.labels;
  if (!labels) return out;
  const ns = pod.metadata.namespace ?? '';
  for (const key of Object.keys(labels)) {
    for (const svc of store.byIndex<Service>(INDEX.servicesBySelectorPair, labelIndexValue(ns, key, labels[key]))) {
      const svcKey = `${ns}/${svc.metadata.name}`;
      if (out.has(svcKey) || !hasSelector(svc)) continue;
      if (matchesMap(svc.spec.selector!, labels)) out.add(svcKey);
    }
  }
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
  if (a.length !== b.length) return [true, labelsChanged];
  for (let i = 0; i < a.length; i++) if (a[i].ip !== b[i].ip) return [true, labelsChanged];
  return [false, labelsChanged];
}

/**
 * GetServicesToUpdateOnPodChange: the Pod's current Services; when its labels changed, plus its
 * former ones (all of them if the endpoint changed too, else only the symmetric difference).
 */
export function servicesToUpdateOnPodChange(store: ObjectStore, oldPod: Pod, newPod: Pod): Set<string> {
  if (oldPod.metadata.resourceVersion === newPod.metadata.resourceVersion) return new Set();
  const [podChanged, labelsChanged] = podEndpointsChanged(oldPod, newPod);
  if (!podChanged && !labelsChanged) return new Set();
  const services = podServiceMemberships(store, newPod);
  if (!labelsChanged) return services;
  const oldServices = podServiceMemberships(store, oldPod);
  if (podChanged) {
    for (const k of oldServices) services.add(k);
    return services;
  }
  const out = new Set<string>();
  for (const k of services) if (!oldServices.has(k)) out.add(k);
  for (const k of oldServices) if (!services.has(k)) out.add(k);
  return out;
}

function sameMap(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const ak = a ? Object.keys(a) : [];
  const bk = b ? Object.keys(b) : [];
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!b || b[k] !== a![k]) return false;
  return true;
}
