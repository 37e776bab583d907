/**
 * The API server's storage: objects keyed `Kind/namespace/name`, a global resourceVersion,
 * watch events (ADDED / MODIFIED / DELETED) delivered synchronously to subscribers, and named
 * indexes so that controllers and DNS look objects up in O(1) or O(matches) — nothing here
 * rescans the world on a change (cf. client-go's cache.Indexer).
 *
 * The store does no validation: admission (src/engine/admission) guards what users write;
 * controllers write their own objects straight here, as trusted clients.
 */

import type { KubeObject } from '../../shared/api-types';
import type { Random } from '../random';
import type { VirtualClock } from '../virtual-clock';
import { deepFreeze, jsonEqual } from './clone';
import { keyOf, objectKey } from './keys';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  /** The object after the change (for DELETED, the last stored state). */
  object: T;
  /** The object before a MODIFIED change. */
  oldObject?: T;
}

export type WatchListener = (event: WatchEvent) => void;

/** Maps an object to the index values it is filed under (e.g. a Service to its cluster IPs). */
export type IndexFunc = (obj: KubeObject) => readonly string[];

interface Index {
  kind: string;
  fn: IndexFunc;
  /** value → set of object keys */
  entries: Map<string, Set<string>>;
}

export class ObjectStore {
  #objects = new Map<string, Map<string, KubeObject>>(); // kind → key → object
  #resourceVersion = 0;
  #listeners: { listener: WatchListener; kinds?: ReadonlySet<string> }[] = [];
  #indexes = new Map<string, Index>();
  #clock: VirtualClock;
  #uids: Random;
  #freeze: <T>(value: T) => T;

  /**
   * `freeze` (default on) deep-freezes every stored object so a reader that mutates one fails
   * loudly. Tests always run with it; hosts turn it off for speed (like a framework's dev mode),
   * running the same code paths.
   */
  constructor(deps: { clock: VirtualClock; random: Random; freeze?: boolean }) {
    this.#clock = deps.clock;
    this.#uids = deps.random.fork('uid');
    this.#freeze = deps.freeze === false ? (value) => value : deepFreeze;
  }

  /** The last resourceVersion handed out. */
  get resourceVersion(): string {
    return String(this.#resourceVersion);
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.#objects.get(kind)?.get(objectKey(kind, namespace, name)) as T | undefined;
  }

  /** Objects of a kind (in one namespace if given), sorted by namespace then name, like the apiserver lists them. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const byKey = this.#objects.get(kind);
    if (!byKey) return [];
    const out: T[] = [];
    for (const obj of byKey.values()) {
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj as T);
    }
    return out.sort(compareObjects);
  }

  count(kind: string): number {
    return this.#objects.get(kind)?.size ?? 0;
  }

  /** Stores a new object: assigns uid, resourceVersion and creationTimestamp unless present. */
  create<T extends KubeObject>(obj: T): T {
    const key = keyOf(obj);
    const byKey = this.#kindMap(obj.kind);
    if (byKey.has(key)) throw new Error(`store: ${key} already exists`);
    const stored = this.#freeze({
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: obj.metadata.uid ?? this.#uids.uuid(),
        resourceVersion: this.#nextVersion(),
        creationTimestamp: obj.metadata.creationTimestamp ?? this.#clock.timestamp(),
      },
    });
    byKey.set(key, stored);
    this.#indexAdd(stored, key);
    this.#emit({ type: 'ADDED', object: stored });
    return stored;
  }

  /**
   * Replaces a stored object. Identity fields (uid, creationTimestamp) are kept from the stored
   * copy. A write that changes nothing bumps no resourceVersion and emits no event, so
   * controllers that skip no-op writes stay quiet (as the endpoints controller does upstream).
   */
  update<T extends KubeObject>(obj: T): { object: T; changed: boolean } {
    const key = keyOf(obj);
    const byKey = this.#kindMap(obj.kind);
    const old = byKey.get(key) as T | undefined;
    if (!old) throw new Error(`store: ${key} not found`);
    const candidate = {
      ...obj,
      metadata: { ...obj.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, resourceVersion: old.metadata.resourceVersion },
    };
    if (jsonEqual(candidate, old)) return { object: old, changed: false };
    candidate.metadata.resourceVersion = this.#nextVersion();
    const stored = this.#freeze(candidate);
    this.#indexRemove(old, key);
    byKey.set(key, stored);
    this.#indexAdd(stored, key);
    this.#emit({ type: 'MODIFIED', object: stored, oldObject: old });
    return { object: stored, changed: true };
  }

  delete<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const key = objectKey(kind, namespace, name);
    const byKey = this.#objects.get(kind);
    const old = byKey?.get(key) as T | undefined;
    if (!byKey || !old) return undefined;
    byKey.delete(key);
    this.#indexRemove(old, key);
    this.#resourceVersion++;
    this.#emit({ type: 'DELETED', object: old });
    return old;
  }

  /** Subscribes to changes (of some kinds only, if given). Returns the unsubscribe function. */
  watch(listener: WatchListener, kinds?: readonly string[]): () => void {
    const entry = { listener, kinds: kinds ? new Set(kinds) : undefined };
    this.#listeners.push(entry);
    return () => {
      this.#listeners = this.#listeners.filter((e) => e !== entry);
    };
  }

  /** Declares a named index over one kind; existing objects are indexed at once. */
  addIndex(name: string, kind: string, fn: IndexFunc): void {
    if (this.#indexes.has(name)) throw new Error(`store: index ${name} exists`);
    const index: Index = { kind, fn, entries: new Map() };
    this.#indexes.set(name, index);
    for (const [key, obj] of this.#objects.get(kind) ?? []) addToIndex(index, obj, key);
  }

  /** Objects filed under `value` in a named index, sorted by namespace/name. */
  byIndex<T extends KubeObject = KubeObject>(name: string, value: string): T[] {
    const index = this.#indexes.get(name);
    if (!index) throw new Error(`store: no index ${name}`);
    const keys = index.entries.get(value);
    if (!keys) return [];
    const byKey = this.#objects.get(index.kind)!;
    const out: T[] = [];
    for (const key of keys) out.push(byKey.get(key) as T);
    return out.length > 1 ? out.sort(compareObjects) : out;
  }

  hasIndex(name: string): boolean {
    return this.#indexes.has(name);
  }

  #kindMap(kind: string): Map<string, KubeObject> {
    let byKey = this.#objects.get(kind);
    if (!byKey) {
      byKey = new Map();
      this.#objects.set(kind, byKey);
    }
    return byKey;
  }

  #nextVersion(): string {
    return String(++this.#resourceVersion);
  }

  #emit(event: WatchEvent): void {
    for (const { listener, kinds } of this.#listeners) {
      if (!kinds || kinds.has(event.object.kind)) listener(event);
    }
  }

  #indexAdd(obj: KubeObject, key: string): void {
    for (const index of this.#indexes.values()) if (index.kind === obj.kind) addToIndex(index, obj, key);
  }

  #indexRemove(obj: KubeObject, key: string): void {
    for (const index of this.#indexes.values()) {
      if (index.kind !== obj.kind) continue;
      for (const value of index.fn(obj)) {
        const keys = index.entries.get(value);
        keys?.delete(key);
        if (keys?.size === 0) index.entries.delete(value);
      }
    }
  }
}

function addToIndex(index: Index, obj: KubeObject, key: string): void {
  for (const value of index.fn(obj)) {
    let keys = index.entries.get(value);
    if (!keys) {
      keys = new Set();
      index.entries.set(value, keys);
    }
    keys.add(key);
  }
}

function compareObjects(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const a2 = a.metadata.name ?? '';
  const b2 = b.metadata.name ?? '';
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}
