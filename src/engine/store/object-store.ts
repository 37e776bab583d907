/**
 * The API server's storage: objects keyed `Kind/namespace/name`, a global resourceVersion,
 * watch events (ADDED / MODIFIED / DELETED) delivered synchronously to subscribers, and named
 * indexes so that controllers and DNS look objects up in O(1) or O(matches) — nothing here
 * rescans the world on a change (cf. client-go's cache.Indexer).
 *
 * The store does no validation: admission (src/engine/admission) guards what users write;
 * controllers write their own objects straight here, as trusted clients.
 *
 * Write path, kept cheap because every Pod goes through it four times on its way to Running:
 * - Stored objects are immutable, so writers share the parts they do not change with the stored
 *   version (`{ ...pod, status }`) instead of deep-copying it; the store copies only the top level
 *   and metadata (to stamp uid/resourceVersion), so shared parts stay shared across versions.
 * - An update visits only the indexes of its kind, and skips an index when its values are
 *   unchanged — without calling the index function at all when the index declares an
 *   `unchanged(before, after)` test (e.g. "same labels object").
 * - Watchers are bucketed per kind once; `kindVersion(kind)` lets readers keep derived data
 *   (e.g. the Pods a selector picks) until that kind is written again.
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

/**
 * Optional shortcut for an index: true only when `fn` is bound to give the same values for both
 * versions of an object — typically because every field `fn` reads is the very same (===) value in
 * both (stored objects are immutable, so writers that share unchanged parts make this cheap).
 * Then an update skips the index without calling `fn`.
 */
export type IndexUnchanged = (before: KubeObject, after: KubeObject) => boolean;

interface Index {
  kind: string;
  fn: IndexFunc;
  unchanged?: IndexUnchanged;
  /** value → set of object keys */
  entries: Map<string, Set<string>>;
  /** value → its keys in namespace/name order; dropped when the value gains or loses a key. */
  sorted: Map<string, string[]>;
}

export class ObjectStore {
  #objects = new Map<string, Map<string, KubeObject>>(); // kind → key → object
  #resourceVersion = 0;
  #listeners: { listener: WatchListener; kinds?: ReadonlySet<string> }[] = [];
  /** kind → the listeners that receive it, in subscription order (rebuilt after watch/unwatch). */
  #listenersByKind = new Map<string, WatchListener[]>();
  #indexes = new Map<string, Index>();
  /** kind → its indexes, so a write only visits the indexes of its own kind. */
  #indexesByKind = new Map<string, Index[]>();
  /** kind → every object of the kind, sorted; dropped on any write to the kind. */
  #sorted = new Map<string, KubeObject[]>();
  /** kind → how many writes it has seen (see kindVersion). */
  #kindVersions = new Map<string, number>();
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
    let sorted = this.#sorted.get(kind);
    if (!sorted) {
      const byKey = this.#objects.get(kind);
      if (!byKey) return [];
      sorted = [...byKey.values()].sort(compareObjects);
      this.#sorted.set(kind, sorted);
    }
    if (namespace === undefined) return sorted.slice() as T[];
    const out: T[] = [];
    for (const obj of sorted) if (obj.metadata.namespace === namespace) out.push(obj as T);
    return out;
  }

  count(kind: string): number {
    return this.#objects.get(kind)?.size ?? 0;
  }

  /**
   * A number that changes whenever an object of `kind` is created, changed or deleted (and only
   * then): derived data about one kind can be kept while it stays the same.
   */
  kindVersion(kind: string): number {
    return this.#kindVersions.get(kind) ?? 0;
  }

  /** Stores a new object: assigns uid, resourceVersion and creationTimestamp unless present. */
  create<T extends KubeObject>(obj: T): T {
    const key = keyOf(obj);
    const byKey = this.#kindMap(obj.kind);
    if (byKey.has(key)) throw new Error(`store: ${key} already exists`);
    const metadata = shallowCopy(obj.metadata);
    metadata.uid = obj.metadata.uid ?? this.#uids.uuid();
    metadata.resourceVersion = this.#nextVersion();
    metadata.creationTimestamp = obj.metadata.creationTimestamp ?? this.#clock.timestamp();
    const copy = shallowCopy(obj);
    copy.metadata = metadata;
    const stored = this.#freeze(copy);
    byKey.set(key, stored);
    this.#touched(obj.kind);
    const indexes = this.#indexesByKind.get(obj.kind);
    if (indexes) for (const index of indexes) addToIndex(index, stored, key);
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
    const metadata = shallowCopy(obj.metadata);
    metadata.uid = old.metadata.uid;
    metadata.creationTimestamp = old.metadata.creationTimestamp;
    metadata.resourceVersion = old.metadata.resourceVersion;
    const candidate = shallowCopy(obj);
    candidate.metadata = metadata;
    if (jsonEqual(candidate, old)) return { object: old, changed: false };
    candidate.metadata.resourceVersion = this.#nextVersion();
    const stored = this.#freeze(candidate);
    byKey.set(key, stored);
    this.#touched(obj.kind);
    const indexes = this.#indexesByKind.get(obj.kind);
    if (indexes) {
      for (const index of indexes) {
        // Most writes (a status update) leave an object's index values as they were: skip those.
        if (index.unchanged?.(old, stored)) continue;
        const before = index.fn(old);
        const after = index.fn(stored);
        if (sameValues(before, after)) continue;
        removeFromIndex(index, before, key);
        addValues(index, after, key);
      }
    }
    this.#emit({ type: 'MODIFIED', object: stored, oldObject: old });
    return { object: stored, changed: true };
  }

  delete<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const key = objectKey(kind, namespace, name);
    const byKey = this.#objects.get(kind);
    const old = byKey?.get(key) as T | undefined;
    if (!byKey || !old) return undefined;
    byKey.delete(key);
    this.#touched(kind);
    const indexes = this.#indexesByKind.get(kind);
    if (indexes) for (const index of indexes) removeFromIndex(index, index.fn(old), key);
    this.#resourceVersion++;
    this.#emit({ type: 'DELETED', object: old });
    return old;
  }

  /** Subscribes to changes (of some kinds only, if given). Returns the unsubscribe function. */
  watch(listener: WatchListener, kinds?: readonly string[]): () => void {
    const entry = { listener, kinds: kinds ? new Set(kinds) : undefined };
    this.#listeners = [...this.#listeners, entry];
    this.#listenersByKind.clear();
    return () => {
      this.#listeners = this.#listeners.filter((e) => e !== entry);
      this.#listenersByKind.clear();
    };
  }

  /** Declares a named index over one kind; existing objects are indexed at once. */
  addIndex(name: string, kind: string, fn: IndexFunc, unchanged?: IndexUnchanged): void {
    if (this.#indexes.has(name)) throw new Error(`store: index ${name} exists`);
    const index: Index = { kind, fn, unchanged, entries: new Map(), sorted: new Map() };
    this.#indexes.set(name, index);
    const ofKind = this.#indexesByKind.get(kind);
    if (ofKind) ofKind.push(index);
    else this.#indexesByKind.set(kind, [index]);
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
    if (keys.size === 1) {
      for (const key of keys) out.push(byKey.get(key) as T);
      return out;
    }
    // Membership changes far less often than the objects (status writes keep their index values),
    // so the order is worked out once per change of the value's keys, not on every lookup.
    let order = index.sorted.get(value);
    if (!order) {
      const entries: [string, KubeObject][] = [];
      for (const key of keys) entries.push([key, byKey.get(key)!]);
      entries.sort((a, b) => compareObjects(a[1], b[1]));
      order = entries.map((e) => e[0]);
      index.sorted.set(value, order);
    }
    for (const key of order) out.push(byKey.get(key) as T);
    return out;
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

  #touched(kind: string): void {
    this.#sorted.delete(kind);
    this.#kindVersions.set(kind, (this.#kindVersions.get(kind) ?? 0) + 1);
  }

  #nextVersion(): string {
    return String(++this.#resourceVersion);
  }

  #emit(event: WatchEvent): void {
    const kind = event.object.kind;
    let listeners = this.#listenersByKind.get(kind);
    if (!listeners) {
      listeners = [];
      for (const { listener, kinds } of this.#listeners) if (!kinds || kinds.has(kind)) listeners.push(listener);
      this.#listenersByKind.set(kind, listeners);
    }
    // A listener that (un)subscribes meanwhile replaces the cached array; this loop keeps the old one.
    for (let i = 0; i < listeners.length; i++) listeners[i](event);
  }
}

/**
 * `{ ...src }`, by Object.assign: the store's write sites see every kind's shape, and a megamorphic
 * spread costs several times more. Same keys, same order — except that assigning an own
 * `__proto__` key would set the prototype instead, so such (hostile) input keeps the spread.
 */
function shallowCopy<T extends object>(src: T): T {
  return Object.prototype.hasOwnProperty.call(src, '__proto__') ? { ...src } : Object.assign({}, src);
}

function addToIndex(index: Index, obj: KubeObject, key: string): void {
  addValues(index, index.fn(obj), key);
}

function addValues(index: Index, values: readonly string[], key: string): void {
  for (const value of values) {
    let keys = index.entries.get(value);
    if (!keys) {
      keys = new Set();
      index.entries.set(value, keys);
    }
    if (keys.has(key)) continue;
    keys.add(key);
    index.sorted.delete(value);
  }
}

function removeFromIndex(index: Index, values: readonly string[], key: string): void {
  for (const value of values) {
    const keys = index.entries.get(value);
    if (!keys || !keys.delete(key)) continue;
    index.sorted.delete(value);
    if (keys.size === 0) index.entries.delete(value);
  }
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function compareObjects(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const a2 = a.metadata.name ?? '';
  const b2 = b.metadata.name ?? '';
  return a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
}
