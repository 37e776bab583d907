/**
 * Stored objects are deep-frozen plain JSON: readers share them without copying, and a writer
 * that wants to change one builds a new object — sharing the unchanged parts (they are immutable
 * too) or taking a mutable deep copy with cloneObject. Nothing but JSON data lives in the store.
 * (Hosts may turn freezing off for speed; the contract stays the same.)
 */

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A mutable deep copy of a JSON value. Hand-written rather than a JSON round trip: controllers
 * copy an object on every write, and this is several times faster and allocates no strings.
 * `undefined` members are dropped, as JSON would drop them.
 */
export function cloneObject<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneObject(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = cloneObject(v);
  }
  return out as T;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    count++;
    if (!jsonEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) count--;
  return count === 0;
}

/** jsonEqual of two objects with one top-level key left out (as if both had it undefined). */
export function jsonEqualExcept(a: object, b: object, skip: string): boolean {
  if (a === b) return true;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const k in ao) {
    if (k === skip || ao[k] === undefined) continue;
    count++;
    if (!jsonEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (k !== skip && bo[k] !== undefined) count--;
  return count === 0;
}

/**
 * True when two JSON values are the same, key order included — so one may stand in for the other
 * in a stored object without changing how it prints. Writers use it to keep the previous version's
 * unchanged parts instead of storing equal copies.
 */
export function jsonIdentical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonIdentical(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) {
    const k = ak[i];
    if (k !== bk[i] || !jsonIdentical((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** `previous` when it is jsonIdentical to `next` (sharing it keeps a write small), else `next`. */
export function reuseIdentical<T>(previous: T | undefined, next: T): T {
  return previous !== undefined && jsonIdentical(previous, next) ? previous : next;
}
