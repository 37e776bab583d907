/**
 * Copy-on-write snapshots of the Services in each namespace, for recording what a container saw
 * when it started (service env vars are fixed at container start). Stored Services are frozen, so
 * a snapshot is just an array of references; containers starting between two Service changes in a
 * namespace share the same array, so 10,000 Pods cost 10,000 pointers, not 10,000 copies.
 */

import type { Service } from '../../shared/api-types';
import type { ObjectStore } from '../store/object-store';
import { INDEX, ensureControllerIndexes } from './indexes';

/** Per-namespace Service snapshots, rebuilt lazily after a change. */
export class ServiceSnapshots {
  readonly #store: ObjectStore;
  readonly #cache = new Map<string, readonly Service[]>();

  constructor(store: ObjectStore) {
    this.#store = store;
    ensureControllerIndexes(store);
    store.watch((e) => this.#cache.delete(e.object.metadata.namespace ?? ''), ['Service']);
  }

  /** The Services of a namespace as they are now (an immutable, shareable array). */
  current(namespace: string): readonly Service[] {
    let snap = this.#cache.get(namespace);
    if (!snap) {
      snap = Object.freeze(this.#store.byIndex<Service>(INDEX.servicesByNamespace, namespace));
      this.#cache.set(namespace, snap);
    }
    return snap;
  }
}
