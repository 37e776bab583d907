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
