import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../shared/api-types';
import { createRandom } from '../random';
import { VirtualClock } from '../virtual-clock';
import { ObjectStore, type WatchEvent } from './object-store';

const pod = (name: string, labels: Record<string, string> = {}, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'c', image: 'kubetm/app' }] },
});

function newStore(seed = 1) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  return { store: new ObjectStore({ clock, random: createRandom(seed) }), clock };
}

describe('object store', () => {
  it('assigns uid, resourceVersion and creationTimestamp on create', () => {
    const { store } = newStore();
    const created = store.create(pod('pod4'));
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.metadata.resourceVersion).toBe('1');
    expect(created.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
  });

  it('gives the same uids for the same seed and different ones for another seed', () => {
    const a = newStore(7).store.create(pod('p')).metadata.uid;
    const b = newStore(7).store.create(pod('p')).metadata.uid;
    const c = newStore(8).store.create(pod('p')).metadata.uid;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('keeps identity fields on update and bumps resourceVersion only on a real change', () => {
    const { store, clock } = newStore();
    const created = store.create(pod('pod4'));
    clock.advance(5000);
    const same = store.update({ ...pod('pod4'), metadata: { ...pod('pod4').metadata } });
    expect(same.changed).toBe(false);
    expect(same.object.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    const changed = store.update(pod('pod4', { svc: 'headless' }));
    expect(changed.changed).toBe(true);
    expect(changed.object.metadata.uid).toBe(created.metadata.uid);
    expect(changed.object.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(Number(changed.object.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
  });

  it('returns deep-frozen objects so readers cannot corrupt the store', () => {
    const { store } = newStore();
    const created = store.create(pod('pod4', { a: 'b' }));
    expect(() => {
      (created.metadata.labels as Record<string, string>).a = 'x';
    }).toThrow(TypeError);
  });

  it.each([
    { name: 'create emits ADDED', run: (s: ObjectStore) => s.create(pod('p')), expected: ['ADDED'] },
    { name: 'no-op update emits nothing', run: (s: ObjectStore) => (s.create(pod('p')), s.update(pod('p'))), expected: ['ADDED'] },
    { name: 'update emits MODIFIED with the old object', run: (s: ObjectStore) => (s.create(pod('p')), s.update(pod('p', { x: 'y' }))), expected: ['ADDED', 'MODIFIED'] },
    { name: 'delete emits DELETED', run: (s: ObjectStore) => (s.create(pod('p')), s.delete('Pod', 'default', 'p')), expected: ['ADDED', 'DELETED'] },
    { name: 'delete of a missing object emits nothing', run: (s: ObjectStore) => s.delete('Pod', 'default', 'nope'), expected: [] },
  ])('watch: $name', ({ run, expected }) => {
    const { store } = newStore();
    const events: WatchEvent[] = [];
    store.watch((e) => events.push(e));
    run(store);
    expect(events.map((e) => e.type)).toEqual(expected);
    const modified = events.find((e) => e.type === 'MODIFIED');
    if (modified) expect(modified.oldObject?.metadata.labels).toEqual({});
  });

  it('filters watch events by kind', () => {
    const { store } = newStore();
    const kinds: string[] = [];
    store.watch((e) => kinds.push(e.object.kind), ['Service']);
    store.create(pod('p'));
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: {} });
    expect(kinds).toEqual(['Service']);
  });

  it('lists sorted by namespace then name, optionally in one namespace', () => {
    const { store } = newStore();
    for (const [name, ns] of [['b', 'default'], ['a', 'kube-system'], ['a', 'default']]) store.create(pod(name, {}, ns));
    expect(store.list('Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/a', 'default/b', 'kube-system/a']);
    expect(store.list('Pod', 'kube-system').map((p) => p.metadata.name)).toEqual(['a']);
    expect(store.list('Service')).toEqual([]);
  });

  it('keeps named indexes current through create, update and delete', () => {
    const { store } = newStore();
    store.create(pod('early', { svc: 'headless' }));
    store.addIndex('pod-by-svc-label', 'Pod', (p) => (p.metadata.labels?.svc ? [p.metadata.labels.svc] : []));
    store.create(pod('late', { svc: 'headless' }));
    expect(store.byIndex('pod-by-svc-label', 'headless').map((p) => p.metadata.name)).toEqual(['early', 'late']);
    store.update(pod('early', { svc: 'endpoint' }));
    expect(store.byIndex('pod-by-svc-label', 'headless').map((p) => p.metadata.name)).toEqual(['late']);
    expect(store.byIndex('pod-by-svc-label', 'endpoint').map((p) => p.metadata.name)).toEqual(['early']);
    store.delete('Pod', 'default', 'late');
    expect(store.byIndex('pod-by-svc-label', 'headless')).toEqual([]);
  });
});

describe('clone and equality helpers', () => {
  it.each([
    { name: 'nested objects and arrays', value: { a: [1, { b: 'c' }], d: { e: null } } },
    { name: 'empty containers', value: { a: [], b: {} } },
    { name: 'scalars', value: 'text' },
  ])('cloneObject copies $name deeply', async ({ value }) => {
    const { cloneObject, jsonEqual } = await import('./clone');
    const copy = cloneObject(value);
    expect(copy).toEqual(value);
    expect(jsonEqual(copy, value)).toBe(true);
    if (typeof value === 'object') expect(copy).not.toBe(value);
  });

  it.each([
    { name: 'undefined members are ignored', a: { x: 1, y: undefined }, b: { x: 1 }, expected: true },
    { name: 'key order is ignored', a: { x: 1, y: 2 }, b: { y: 2, x: 1 }, expected: true },
    { name: 'an extra key differs', a: { x: 1 }, b: { x: 1, y: 2 }, expected: false },
    { name: 'array vs object differs', a: { x: [] }, b: { x: {} }, expected: false },
    { name: 'array order matters', a: [1, 2], b: [2, 1], expected: false },
    { name: 'null vs object differs', a: { x: null }, b: { x: {} }, expected: false },
  ])('jsonEqual: $name', async ({ a, b, expected }) => {
    const { jsonEqual } = await import('./clone');
    expect(jsonEqual(a, b)).toBe(expected);
    expect(jsonEqual(b, a)).toBe(expected);
  });
});

describe('object store write path', () => {
  it('skips an index whose unchanged() holds, and still moves objects whose values change', () => {
    const { store } = newStore();
    const calls: string[] = [];
    store.addIndex(
      'by-app',
      'Pod',
      (p) => {
        calls.push(p.metadata.name ?? '');
        return p.metadata.labels?.app ? [p.metadata.labels.app] : [];
      },
      (a, b) => a.metadata.labels === b.metadata.labels,
    );
    const created = store.create(pod('p', { app: 'a' }));
    calls.length = 0;
    // Same labels object: the index function is not consulted at all.
    store.update({ ...created, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(calls).toEqual([]);
    expect(store.byIndex('by-app', 'a').map((p) => p.metadata.name)).toEqual(['p']);
    // New labels: old and new values are computed and the object moves.
    store.update(pod('p', { app: 'b' }));
    expect(calls).toEqual(['p', 'p']);
    expect(store.byIndex('by-app', 'a')).toEqual([]);
    expect(store.byIndex('by-app', 'b').map((p) => p.metadata.name)).toEqual(['p']);
  });

  it('keeps index entries when an update leaves the values equal', () => {
    const { store } = newStore();
    store.addIndex('by-app', 'Pod', (p) => (p.metadata.labels?.app ? [p.metadata.labels.app] : []));
    store.create(pod('p', { app: 'a', x: '1' }));
    store.update(pod('p', { app: 'a', x: '2' }));
    const [found] = store.byIndex('by-app', 'a');
    expect(found.metadata.labels).toEqual({ app: 'a', x: '2' });
  });

  it('only visits indexes of the written kind', () => {
    const { store } = newStore();
    let serviceIndexCalls = 0;
    store.addIndex('svc', 'Service', () => {
      serviceIndexCalls++;
      return [];
    });
    store.create(pod('p'));
    store.update(pod('p', { a: 'b' }));
    store.delete('Pod', 'default', 'p');
    expect(serviceIndexCalls).toBe(0);
  });

  it('lists the current objects after every kind of write (the sorted list is cached per kind)', () => {
    const { store } = newStore();
    store.create(pod('b'));
    store.create(pod('a'));
    const first = store.list('Pod');
    first.pop(); // callers own the returned array
    expect(store.list('Pod').map((p) => p.metadata.name)).toEqual(['a', 'b']);
    store.update(pod('a', { v: '2' }));
    expect(store.list('Pod')[0].metadata.labels).toEqual({ v: '2' });
    store.create(pod('c', {}, 'other'));
    expect(store.list('Pod', 'other').map((p) => p.metadata.name)).toEqual(['c']);
    store.delete('Pod', 'default', 'b');
    expect(store.list('Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/a', 'other/c']);
  });

  it('delivers events in subscription order, per kind, and stops after unsubscribe', () => {
    const { store } = newStore();
    const seen: string[] = [];
    store.watch((e) => seen.push(`all:${e.object.kind}`));
    const stopPods = store.watch((e) => seen.push(`pods:${e.object.kind}`), ['Pod']);
    store.watch((e) => seen.push(`svc:${e.object.kind}`), ['Service']);
    store.create(pod('p'));
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: {} });
    stopPods();
    store.update(pod('p', { a: 'b' }));
    expect(seen).toEqual(['all:Pod', 'pods:Pod', 'all:Service', 'svc:Service', 'all:Pod']);
  });

  it('stores a copy: the object handed to update is not the stored one, and writes keep key order', () => {
    const { store } = newStore();
    store.create(pod('p'));
    const next = { ...pod('p', { a: 'b' }), status: { phase: 'Running' } };
    const { object } = store.update(next);
    expect(object).not.toBe(next);
    expect(Object.keys(object)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(object.metadata)).toEqual(['name', 'namespace', 'labels', 'uid', 'creationTimestamp', 'resourceVersion']);
  });
});

describe('structural helpers', () => {
  it.each([
    { name: 'equal except the skipped key', a: { metadata: { x: 1 }, b: [1] }, b: { metadata: { x: 2 }, b: [1] }, expected: true },
    { name: 'skipped key only on one side', a: { metadata: 1, b: 1 }, b: { b: 1 }, expected: true },
    { name: 'another key differs', a: { metadata: 1, b: 1 }, b: { metadata: 1, b: 2 }, expected: false },
    { name: 'undefined members are ignored', a: { b: 1, c: undefined }, b: { b: 1 }, expected: true },
    { name: 'an extra key differs', a: { b: 1 }, b: { b: 1, c: 2 }, expected: false },
  ])('jsonEqualExcept: $name', async ({ a, b, expected }) => {
    const { jsonEqualExcept } = await import('./clone');
    expect(jsonEqualExcept(a, b, 'metadata')).toBe(expected);
    expect(jsonEqualExcept(b, a, 'metadata')).toBe(expected);
  });

  it.each([
    { name: 'same content and order', a: { x: 1, y: [{ z: null }] }, b: { x: 1, y: [{ z: null }] }, expected: true },
    { name: 'key order differs', a: { x: 1, y: 2 }, b: { y: 2, x: 1 }, expected: false },
    { name: 'an undefined member counts', a: { x: 1, y: undefined }, b: { x: 1 }, expected: false },
    { name: 'array vs object', a: { x: [] }, b: { x: {} }, expected: false },
    { name: 'nested value differs', a: { x: { y: 'a' } }, b: { x: { y: 'b' } }, expected: false },
  ])('jsonIdentical: $name', async ({ a, b, expected }) => {
    const { jsonIdentical } = await import('./clone');
    expect(jsonIdentical(a, b)).toBe(expected);
    expect(jsonIdentical(b, a)).toBe(expected);
  });

  it('reuseIdentical keeps the previous value only when it prints the same', async () => {
    const { reuseIdentical } = await import('./clone');
    const prev = { a: 1, b: [2] };
    expect(reuseIdentical(prev, { a: 1, b: [2] })).toBe(prev);
    const next = { b: [2], a: 1 };
    expect(reuseIdentical(prev, next)).toBe(next);
    expect(reuseIdentical(undefined, next)).toBe(next);
  });
});

describe('kindVersion', () => {
  it('moves on every write of the kind and only then', () => {
    const { store } = newStore();
    const v0 = store.kindVersion('Pod');
    store.create(pod('p'));
    const v1 = store.kindVersion('Pod');
    expect(v1).not.toBe(v0);
    store.update(pod('p')); // no-op write
    expect(store.kindVersion('Pod')).toBe(v1);
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: {} });
    expect(store.kindVersion('Pod')).toBe(v1);
    store.update(pod('p', { a: 'b' }));
    const v2 = store.kindVersion('Pod');
    expect(v2).not.toBe(v1);
    store.delete('Pod', 'default', 'p');
    expect(store.kindVersion('Pod')).not.toBe(v2);
  });
});

describe('shallow copies on write', () => {
  it('keeps an own __proto__ key as data, as a spread would', () => {
    const { store } = newStore();
    const hostile = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"default","__proto__":{"polluted":"yes"}},"__proto__":{"polluted":"yes"}}');
    const created = store.create(hostile);
    expect(Object.getPrototypeOf(created)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(created.metadata)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(created, '__proto__')).toBe(true);
    expect((created as unknown as { polluted?: string }).polluted).toBeUndefined();
    const updated = store.update(JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"default"},"__proto__":{"polluted":"again"}}')).object;
    expect(Object.getPrototypeOf(updated)).toBe(Object.prototype);
  });
});

describe('byIndex order', () => {
  it('stays sorted by namespace/name as objects join, leave, move and change', () => {
    const { store } = newStore();
    store.addIndex('by-app', 'Pod', (p) => (p.metadata.labels?.app ? [p.metadata.labels.app] : []), (a, b) => a.metadata.labels === b.metadata.labels);
    const names = (value: string) => store.byIndex('by-app', value).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    for (const [n, ns] of [['c', 'default'], ['a', 'kube-system'], ['b', 'default']]) store.create(pod(n, { app: 'x' }, ns));
    expect(names('x')).toEqual(['default/b', 'default/c', 'kube-system/a']);
    store.create(pod('a', { app: 'x' }));
    expect(names('x')).toEqual(['default/a', 'default/b', 'default/c', 'kube-system/a']);
    store.update(pod('b', { app: 'y' }));
    expect(names('x')).toEqual(['default/a', 'default/c', 'kube-system/a']);
    expect(names('y')).toEqual(['default/b']);
    store.delete('Pod', 'default', 'a');
    expect(names('x')).toEqual(['default/c', 'kube-system/a']);
    // A write that keeps the index values returns the new object, in the same place.
    const c = store.get('Pod', 'default', 'c')!;
    store.update({ ...c, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(store.byIndex('by-app', 'x')[0]).toBe(store.get('Pod', 'default', 'c'));
    store.update(pod('b', { app: 'x' }));
    expect(names('x')).toEqual(['default/b', 'default/c', 'kube-system/a']);
  });
});
