/**
 * The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go): for
 * every Service with a selector (ExternalName excluded), keeps discovery.k8s.io/v1 slices named
 * `<service>-<5 random chars>`, labelled kubernetes.io/service-name and
 * endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io, owned by the Service.
 * The slice computation lives in endpointslice-reconciler.ts.
 *
 * As upstream: removing a Service's selector stops the controller (existing slices stay, frozen);
 * deleting the Service leaves the slices to the garbage collector (ownerReferences), which
 * garbage-collector.ts simulates; a managed slice changed or deleted by someone else is
 * reconciled again.
 */

import type { EndpointSlice, Node, Service } from '../../shared/api-types';
import type { Random } from '../random';
import { splitNamespacedName } from '../store/keys';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import { createSlice, updateSlice } from './endpointslice-writes';
import { ENDPOINTSLICE_CONTROLLER_NAME, reconcileEndpointSlices } from './endpointslice-reconciler';
import { ensureControllerIndexes, slicesForService } from './indexes';
import { servicesForPodEvent } from './pod-service-membership';
import { podsForSelector } from './pods-for-selector';
import { QueueController } from './queue-controller';
import { hasSelector } from './service-predicates';
import { LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker } from './trigger-time-tracker';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './well-known-labels';

/** What the EndpointSlice controller needs. */
export interface EndpointSliceControllerConfig {
  store: ObjectStore;
  /** The engine's seeded randomness; the controller forks its own stream for slice names. */
  random: Random;
  /** kube-controller-manager --max-endpoints-per-slice (default 100). */
  maxEndpointsPerSlice?: number;
}

/** Maintains EndpointSlices for Services with selectors. */
export class EndpointSliceController extends QueueController {
  readonly name = 'endpointslice-controller';
  readonly #store: ObjectStore;
  readonly #names: Random;
  readonly #max: number;
  readonly #tracker = new TriggerTimeTracker();
  readonly #nodeByName = (name: string): Node | undefined => this.#store.get<Node>('Node', undefined, name);
  #writing = false;

  constructor(config: EndpointSliceControllerConfig) {
    super();
    this.#store = config.store;
    this.#names = config.random.fork('endpointslice-controller/names');
    this.#max = config.maxEndpointsPerSlice ?? 100;
    ensureControllerIndexes(this.#store);
    this.#store.watch((e) => this.#onEvent(e), ['Service', 'Pod', 'EndpointSlice']);
    for (const svc of this.#store.list<Service>('Service')) this.queue.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
  }

  #onEvent(e: WatchEvent): void {
    const obj = e.object;
    if (obj.kind === 'Service') {
      this.queue.add(`${obj.metadata.namespace}/${obj.metadata.name}`);
    } else if (obj.kind === 'Pod') {
      for (const k of servicesForPodEvent(this.#store, e)) this.queue.add(k);
    } else if (obj.kind === 'EndpointSlice' && !this.#writing) {
      // Someone else touched a slice: re-sync the Service(s) it belongs (or belonged) to.
      const touched = [obj, e.oldObject].filter((o) => o && o.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME);
      const renamed = e.oldObject && e.oldObject.metadata.labels?.[LABEL_SERVICE_NAME] !== obj.metadata.labels?.[LABEL_SERVICE_NAME];
      for (const o of renamed ? [obj, e.oldObject] : touched) {
        const svcName = o?.metadata.labels?.[LABEL_SERVICE_NAME];
        if (svcName) this.queue.add(`${o!.metadata.namespace}/${svcName}`);
      }
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = splitNamespacedName(key);
    const store = this.#store;
    const service = store.get<Service>('Service', namespace, name);
    if (!service) {
      this.#tracker.deleteService(namespace, name);
      return; // The garbage collector deletes the slices through their ownerReferences.
    }
    if (service.spec.type === 'ExternalName') return;
    if (!hasSelector(service)) return; // Slices of selector-less Services are made out of band (or mirrored).
    const pods = podsForSelector(store, namespace, service.spec.selector!);
    const existing = slicesForService(store, namespace, name).filter(
      (s) => s.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME && !s.metadata.deletionTimestamp,
    );
    const triggerTime = this.#tracker.compute(service, pods);
    const changes = reconcileEndpointSlices({
      service,
      pods,
      existing,
      maxEndpointsPerSlice: this.#max,
      nodeByName: this.#nodeByName,
    });
    this.#writing = true;
    try {
      for (const slice of changes.create) createSlice(store, withTriggerTime(slice, triggerTime), this.#names);
      for (const slice of changes.update) updateSlice(store, withTriggerTime(slice, triggerTime));
      for (const slice of changes.delete) store.delete('EndpointSlice', namespace, slice.metadata.name ?? '');
    } finally {
      this.#writing = false;
    }
  }
}

/** addTriggerTimeAnnotation: set it, or clear it when there is no new trigger. */
function withTriggerTime(slice: EndpointSlice, triggerTime: string | undefined): EndpointSlice {
  const annotations: Record<string, string> = { ...(slice.metadata.annotations ?? {}) };
  if (triggerTime) annotations[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  const metadata = { ...slice.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete (metadata as { annotations?: unknown }).annotations;
  return { ...slice, metadata };
}
