/**
 * The garbage collector (pkg/controller/garbagecollector/), reduced to background cascading
 * deletion: when an object is deleted, every object listing it in metadata.ownerReferences loses
 * that reference, and an object left with no existing owner is deleted. This is how a deleted
 * Service's EndpointSlices disappear (the EndpointSlice controller never deletes them itself) and
 * how mirrored slices follow their Endpoints. An owner "exists" when an object of that kind and
 * name exists with the referenced UID.
 */

import type { KubeObject } from '../../shared/api-types';
import { isNamespacedKind } from '../../shared/api-types';
import { cloneObject } from '../store/clone';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import { ensureIndex } from './indexes';
import { QueueController } from './queue-controller';

/** What the garbage collector needs. */
export interface GarbageCollectorConfig {
  store: ObjectStore;
  /** Kinds whose objects may have owners (default: EndpointSlice, Endpoints, Pod, ConfigMap, Service). */
  dependentKinds?: readonly string[];
}

const DEFAULT_DEPENDENT_KINDS = ['EndpointSlice', 'Endpoints', 'Pod', 'ConfigMap', 'Service'];

/** Deletes objects whose owners are all gone. */
export class GarbageCollector extends QueueController {
  readonly name = 'garbage-collector';
  readonly #store: ObjectStore;
  readonly #kinds: readonly string[];

  constructor(config: GarbageCollectorConfig) {
    super();
    this.#store = config.store;
    this.#kinds = config.dependentKinds ?? DEFAULT_DEPENDENT_KINDS;
    for (const kind of this.#kinds) ensureIndex(this.#store, indexName(kind), kind, ownerUIDs, sameOwnerReferences);
    this.#store.watch((e) => this.#onEvent(e));
    for (const kind of this.#kinds) for (const obj of this.#store.list(kind)) if (obj.metadata.ownerReferences?.length) this.queue.add(gcKey(obj));
  }

  #onEvent(e: WatchEvent): void {
    const obj = e.object;
    if (e.type === 'DELETED' && obj.metadata.uid) {
      for (const kind of this.#kinds) for (const dep of this.#store.byIndex(indexName(kind), obj.metadata.uid)) this.queue.add(gcKey(dep));
    } else if (this.#kinds.includes(obj.kind) && obj.metadata.ownerReferences?.length) {
      // A dependent created (or re-pointed) at an owner that does not exist is collected too.
      if (e.type === 'ADDED' || !sameOwners(e.oldObject, obj)) this.queue.add(gcKey(obj));
    }
  }

  protected sync(key: string): void {
    const [kind, namespace, ...rest] = key.split('/');
    const name = rest.join('/');
    const obj = this.#store.get(kind, namespace || undefined, name);
    const refs = obj?.metadata.ownerReferences ?? [];
    if (!obj || refs.length === 0) return;
    const present = refs.filter((r) => {
      const owner = this.#store.get(r.kind, isNamespacedKind(r.kind) ? obj.metadata.namespace : undefined, r.name);
      return owner !== undefined && owner.metadata.uid === r.uid;
    });
    if (present.length === refs.length) return;
    if (present.length === 0) {
      this.#store.delete(kind, namespace || undefined, name);
      return;
    }
    const next = cloneObject(obj);
    next.metadata.ownerReferences = present.map((r) => ({ ...r }));
    this.#store.update(next);
  }
}

const NO_OWNERS: readonly string[] = Object.freeze([]);

function ownerUIDs(obj: KubeObject): readonly string[] {
  const refs = obj.metadata.ownerReferences;
  return refs && refs.length > 0 ? refs.map((r) => r.uid) : NO_OWNERS;
}

function sameOwnerReferences(a: KubeObject, b: KubeObject): boolean {
  return a.metadata.ownerReferences === b.metadata.ownerReferences;
}

function indexName(kind: string): string {
  return `ctl/gc-owner-uid/${kind}`;
}

function gcKey(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function sameOwners(a: KubeObject | undefined, b: KubeObject): boolean {
  if (a && a.metadata.ownerReferences === b.metadata.ownerReferences) return true;
  const au = (a?.metadata.ownerReferences ?? []).map((r) => r.uid).join(',');
  const bu = (b.metadata.ownerReferences ?? []).map((r) => r.uid).join(',');
  return au === bu;
}
