/**
 * The endpoints controller (pkg/controller/endpoint/endpoints_controller.go): keeps one core/v1
 * Endpoints per Service *with a selector*, named like the Service.
 *
 * - ExternalName Services and Services without a selector are skipped: their Endpoints, if any,
 *   are the user's. If a selector is removed the controller simply stops — whatever Endpoints
 *   exist stay as they were (frozen); if one is added the controller overwrites the object
 *   (upstream does not ask who made it: a Service with a selector owns its Endpoints).
 * - When the Service is deleted the Endpoints of the same name are deleted — upstream does this
 *   whoever created them, so deleting a selector-less Service also deletes hand-made Endpoints.
 * - Each selected Pod with an IP, not terminal and not terminating, becomes an address
 *   (`addresses` when Ready or publishNotReadyAddresses, else `notReadyAddresses`) for every
 *   Service port whose targetPort resolves on it (FindPort); subsets are repacked canonically.
 * - Labels are the Service's, plus `service.kubernetes.io/headless: ""` for headless Services;
 *   the last-change-trigger-time annotation comes from the TriggerTimeTracker.
 * - A write happens only when subsets or labels differ (upstream's no-op check).
 */

import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service, ServicePort } from '../../shared/api-types';
import { jsonEqual } from '../store/clone';
import { splitNamespacedName } from '../store/keys';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import { findPort, fixedTargetPort } from './find-port';
import { ensureControllerIndexes } from './indexes';
import { servicesForPodEvent } from './pod-service-membership';
import { podsForSelector } from './pods-for-selector';
import { QueueController } from './queue-controller';
import { repackSubsets, subsetsEqualIgnoringResourceVersion } from './endpoints-repack';
import { hasSelector, isPodReady, isServiceIPSet, podIPList, shouldPodBeInEndpoints, shouldSetHostname } from './service-predicates';
import { LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker } from './trigger-time-tracker';
import { LABEL_HEADLESS } from './well-known-labels';

/** Annotation set when more than 1000 addresses were truncated (v1.EndpointsOverCapacity). */
export const ENDPOINTS_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
/** Upstream maxCapacity: the most addresses one Endpoints object holds. */
export const ENDPOINTS_MAX_CAPACITY = 1000;

/** What the endpoints controller needs. */
export interface EndpointsControllerConfig {
  store: ObjectStore;
  /**
   * Queue existing Endpoints at start so those without a Service are deleted
   * (upstream checkLeftoverEndpoints, run once when the controller starts). Default true.
   */
  checkLeftoverEndpoints?: boolean;
}

/** Maintains core/v1 Endpoints for Services with selectors. */
export class EndpointsController extends QueueController {
  readonly name = 'endpoints-controller';
  readonly #store: ObjectStore;
  readonly #tracker = new TriggerTimeTracker();

  constructor(config: EndpointsControllerConfig) {
    super();
    this.#store = config.store;
    ensureControllerIndexes(this.#store);
    this.#store.watch((e) => this.#onEvent(e), ['Service', 'Pod', 'Endpoints']);
    for (const svc of this.#store.list<Service>('Service')) this.queue.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
    if (config.checkLeftoverEndpoints ?? true) {
      for (const ep of this.#store.list<Endpoints>('Endpoints')) this.queue.add(`${ep.metadata.namespace}/${ep.metadata.name}`);
    }
  }

  #onEvent(e: WatchEvent): void {
    const obj = e.object;
    switch (obj.kind) {
      case 'Service':
        this.queue.add(`${obj.metadata.namespace}/${obj.metadata.name}`);
        return;
      case 'Endpoints':
        // Only deletions matter (onEndpointsDelete): a Service that still wants them gets them back.
        if (e.type === 'DELETED') this.queue.add(`${obj.metadata.namespace}/${obj.metadata.name}`);
        return;
      case 'Pod':
        for (const k of servicesForPodEvent(this.#store, e)) this.queue.add(k);
        return;
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = splitNamespacedName(key);
    const store = this.#store;
    const service = store.get<Service>('Service', namespace, name);
    if (!service) {
      // The Service is gone: delete the Endpoints of the same name, whoever made them.
      store.delete('Endpoints', namespace, name);
      this.#tracker.deleteService(namespace, name);
      return;
    }
    if (service.spec.type === 'ExternalName') return; // issues.k8s.io/105986
    if (!hasSelector(service)) return; // Endpoints of selector-less Services are managed out of band.

    const pods = podsForSelector(store, namespace, service.spec.selector!);
    const triggerTime = this.#tracker.compute(service, pods);
    const publishNotReady = service.spec.publishNotReadyAddresses === true;
    const ports = service.spec.ports ?? [];
    // When no target port is a name, every Pod offers the same ports: build that list once and give
    // each Pod one subset with all of them (repacking then takes its direct path; the result is the
    // same as from one subset per Pod and port).
    const shared = sharedEndpointPorts(ports);
    const subsets: EndpointSubset[] = [];
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, false)) continue;
      const address = podToEndpointAddress(service, pod);
      if (!address) continue;
      const ready = publishNotReady || isPodReady(pod);
      if (ports.length === 0) {
        // Allow a headless Service not to have ports.
        if (service.spec.clusterIP === 'None') subsets.push(ready ? { addresses: [address] } : { notReadyAddresses: [address] });
        continue;
      }
      if (shared) {
        subsets.push(ready ? { addresses: [address], ports: shared } : { notReadyAddresses: [address], ports: shared });
        continue;
      }
      for (const sp of ports) {
        const portNum = findPort(pod, sp);
        if (portNum === undefined) continue; // The Pod lacks the named port: no endpoint for this Service port.
        const epp = endpointPort(sp, portNum);
        subsets.push(ready ? { addresses: [address], ports: [epp] } : { notReadyAddresses: [address], ports: [epp] });
      }
    }
    const repacked = repackSubsets(subsets);

    const current = store.get<Endpoints>('Endpoints', namespace, name);
    const serviceLabels = nonEmpty(service.metadata.labels);
    if (current) {
      if (
        subsetsEqualIgnoringResourceVersion(current.subsets, repacked) &&
        labelsMatchService(current.metadata.labels, service.metadata.labels) &&
        capacityAnnotationSetCorrectly(current)
      ) {
        return; // Endpoints are equal: skip the update.
      }
    }
    // Metadata and subsets are replaced below; everything else is shared with the stored object.
    const next: Endpoints = current ? { ...current } : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
    const annotations: Record<string, string> = { ...(next.metadata.annotations ?? {}) };
    if (triggerTime) annotations[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
    else delete annotations[LAST_CHANGE_TRIGGER_TIME];
    const final = truncateEndpoints(repacked);
    if (final.truncated) annotations[ENDPOINTS_OVER_CAPACITY] = 'truncated';
    else delete annotations[ENDPOINTS_OVER_CAPACITY];
    const labels: Record<string, string> = { ...(serviceLabels ?? {}) };
    if (!isServiceIPSet(service)) labels[LABEL_HEADLESS] = '';
    else delete labels[LABEL_HEADLESS];
    next.metadata = { ...next.metadata, labels: nonEmpty(labels), annotations: nonEmpty(annotations) };
    if (!next.metadata.labels) delete next.metadata.labels;
    if (!next.metadata.annotations) delete next.metadata.annotations;
    if (final.subsets.length > 0) next.subsets = final.subsets;
    else delete next.subsets;
    if (current) store.update(next);
    else store.create(next);
  }
}

/**
 * podToEndpointAddressForService: the Pod IP of the Service's primary IP family (spec.ipFamilies[0];
 * before families were defaulted, the ClusterIP's family, or for headless the Pod IP's), with
 * nodeName and a targetRef to the Pod.
 */
function podToEndpointAddress(service: Service, pod: Pod): EndpointAddress | undefined {
  let family: 'IPv4' | 'IPv6' = 'IPv4';
  if (service.spec.ipFamilies && service.spec.ipFamilies.length > 0) family = service.spec.ipFamilies[0];
  else if (service.spec.clusterIP && service.spec.clusterIP !== 'None') family = service.spec.clusterIP.includes(':') ? 'IPv6' : 'IPv4';
  else if ((pod.status?.podIP ?? '').includes(':')) family = 'IPv6';
  const ip = podIPList(pod).find((p) => p.includes(':') === (family === 'IPv6'));
  if (!ip) return undefined;
  const address: EndpointAddress = {
    ip,
    nodeName: pod.spec.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  if (shouldSetHostname(pod, service)) return { ip, hostname: pod.spec.hostname, nodeName: address.nodeName, targetRef: address.targetRef };
  return address;
}

/** The EndpointPort a Service port becomes (built without `delete`, which leaves slow dictionary-mode objects). */
function endpointPort(sp: ServicePort, port: number): EndpointPort {
  const epp: EndpointPort = sp.name ? { name: sp.name, port, protocol: sp.protocol ?? 'TCP' } : { port, protocol: sp.protocol ?? 'TCP' };
  if (sp.appProtocol) epp.appProtocol = sp.appProtocol;
  return epp;
}

/** The Service's ports as every Pod offers them, when no target port is a name; undefined otherwise. */
function sharedEndpointPorts(ports: readonly ServicePort[]): EndpointPort[] | undefined {
  if (ports.length === 0) return undefined;
  const out: EndpointPort[] = [];
  for (const sp of ports) {
    const port = fixedTargetPort(sp);
    if (port === undefined) return undefined;
    out.push(endpointPort(sp, port));
  }
  return out;
}

/** capacityAnnotationSetCorrectly: under capacity and no over-capacity annotation. */
function capacityAnnotationSetCorrectly(ep: Endpoints): boolean {
  let n = 0;
  for (const s of ep.subsets ?? []) n += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
  if (n > ENDPOINTS_MAX_CAPACITY) return false;
  return !(ep.metadata.annotations && ENDPOINTS_OVER_CAPACITY in ep.metadata.annotations);
}

/**
 * truncateEndpoints: beyond 1000 addresses, keeps a proportional share per subset, ready
 * addresses first (not-ready ones dropped when the ready ones alone exceed the capacity).
 */
function truncateEndpoints(subsets: EndpointSubset[]): { subsets: EndpointSubset[]; truncated: boolean } {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= ENDPOINTS_MAX_CAPACITY) return { subsets, truncated: false };
  const truncateReady = totalReady > ENDPOINTS_MAX_CAPACITY;
  const max = truncateReady ? ENDPOINTS_MAX_CAPACITY : ENDPOINTS_MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  const out = subsets.map((s) => {
    const inSubset = truncateReady ? (s.addresses?.length ?? 0) : (s.notReadyAddresses?.length ?? 0);
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    const next: EndpointSubset = { ...s };
    if (truncateReady) {
      next.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      delete next.notReadyAddresses;
      canBeAdded -= next.addresses.length;
      if (next.addresses.length === 0) delete next.addresses;
    } else {
      next.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= next.notReadyAddresses.length;
      if (next.notReadyAddresses.length === 0) delete next.notReadyAddresses;
    }
    return next;
  });
  return { subsets: out, truncated: true };
}

/** The Endpoints' labels, the headless marker left out, equal the Service's (no copies made). */
function labelsMatchService(current: Readonly<Record<string, string>> | undefined, service: Readonly<Record<string, string>> | undefined): boolean {
  let count = 0;
  if (current) {
    for (const k in current) {
      if (k === LABEL_HEADLESS || current[k] === undefined) continue;
      count++;
      if (!jsonEqual(current[k], service?.[k])) return false;
    }
  }
  if (service) for (const k in service) if (service[k] !== undefined) count--;
  return count === 0;
}

/** An empty map serializes as nothing (omitempty): keep the object free of `{}`. */
function nonEmpty<T extends object>(map: T | undefined): T | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}
