import { describe, expect, it } from 'vitest';
import type { Pod } from '../../shared/api-types';
import type { WatchEvent } from '../store/object-store';
import { ensureControllerIndexes } from './indexes';
import { podServiceMemberships, servicesForPodEvent, servicesToUpdateOnPodChange } from './pod-service-membership';
import { clusterFixture, pendingPod, runningPod, svc } from './test-support/cluster-fixture';

function setup() {
  const fx = clusterFixture();
  ensureControllerIndexes(fx.store);
  fx.store.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  fx.store.create(svc('all', { selector: { tier: 'x' }, ports: [{ port: 80 }] }));
  const events: WatchEvent[] = [];
  fx.store.watch((e) => events.push(e), ['Pod']);
  return { fx, events };
}

describe('servicesForPodEvent', () => {
  it('answers as GetPodServiceMemberships / GetServicesToUpdateOnPodChange would', () => {
    const { fx, events } = setup();
    const created = fx.store.create(runningPod('p', '10.0.0.1', { app: 'web', tier: 'x' }));
    expect([...servicesForPodEvent(fx.store, events[0])]).toEqual([...podServiceMemberships(fx.store, created)]);
    const moved = fx.store.update({ ...created, metadata: { ...created.metadata, labels: { app: 'other', tier: 'x' } } }).object as Pod;
    expect([...servicesForPodEvent(fx.store, events[1])]).toEqual([...servicesToUpdateOnPodChange(fx.store, created, moved)]);
    expect([...servicesForPodEvent(fx.store, events[1])]).toEqual(['default/web']);
  });

  it('gives the second controller the first one\'s answer for the same event, and recomputes after a write', () => {
    const { fx, events } = setup();
    fx.store.create(pendingPod('p', { app: 'web' }));
    const first = servicesForPodEvent(fx.store, events[0]);
    expect(servicesForPodEvent(fx.store, events[0])).toBe(first);
    expect([...first]).toEqual(['default/web']);
    // The store changed since (a new Service selects the Pod): the same event is answered afresh.
    fx.store.create(svc('web2', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect([...servicesForPodEvent(fx.store, events[0])]).toEqual(['default/web', 'default/web2']);
  });
});

describe('podServiceMemberships', () => {
  it('is worked out once per labels object until a Service changes', () => {
    const { fx } = setup();
    const p = fx.store.create(runningPod('p', '10.0.0.1', { app: 'web', tier: 'x' }));
    const first = podServiceMemberships(fx.store, p);
    expect([...first]).toEqual(['default/web', 'default/all']);
    // A new version of the Pod that shares its labels (a status write) gets the same answer object.
    const next = fx.store.update({ ...p, status: { ...p.status, phase: 'Pending' } }).object as Pod;
    expect(podServiceMemberships(fx.store, next)).toBe(first);
    // Any Service write invalidates it.
    fx.store.create(svc('more', { selector: { tier: 'x' }, ports: [{ port: 80 }] }));
    expect([...podServiceMemberships(fx.store, next)]).toEqual(['default/web', 'default/all', 'default/more']);
    fx.store.delete('Service', 'default', 'web');
    expect([...podServiceMemberships(fx.store, next)]).toEqual(['default/all', 'default/more']);
  });

  it('a Pod that changes labels and endpoint at once concerns its old and new Services, leaving the cached sets alone', () => {
    const { fx } = setup();
    const p = fx.store.create(runningPod('p', '10.0.0.1', { app: 'web' }));
    const before = [...podServiceMemberships(fx.store, p)];
    const moved = { ...p, metadata: { ...p.metadata, labels: { tier: 'x' }, resourceVersion: 'other' }, status: { ...p.status, podIPs: [{ ip: '10.0.0.2' }], podIP: '10.0.0.2' } } as Pod;
    expect([...servicesToUpdateOnPodChange(fx.store, p, moved)].sort()).toEqual(['default/all', 'default/web']);
    expect([...podServiceMemberships(fx.store, p)]).toEqual(before);
    expect([...podServiceMemberships(fx.store, moved)]).toEqual(['default/all']);
  });
});
