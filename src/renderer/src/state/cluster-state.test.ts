import { describe, expect, it } from 'vitest';
import type { EngineClient, EngineEvents } from '../../../shared/engine-protocol';
import { createEngine } from '../../../engine/engine';
import { createEngineHandlers } from '../../../engine/rpc/engine-handlers';
import { DnsTableTracker } from '../../../engine/rpc/dns-table-diff';
import { ClusterState, objectKey } from './cluster-state.svelte';

/** An EngineClient over an in-process engine (the real handlers, no worker). */
function localClient() {
  const engine = createEngine();
  const handlers = createEngineHandlers(engine);
  const listeners: ((p: EngineEvents['changed']) => void)[] = [];
  engine.onChange((p) => listeners.forEach((l) => l(p)));
  const client: EngineClient = {
    request: async (method, params) => (handlers[method] as (p: unknown) => never)(params),
    on: (_event, listener) => {
      listeners.push(listener as never);
      return () => undefined;
    },
    failPending: () => undefined,
  };
  return { engine, client };
}

describe('cluster state', () => {
  it('starts from the snapshot and follows applies by diff', async () => {
    const { engine, client } = localClient();
    const state = new ClusterState(client);
    await state.start();
    expect(state.ofKind('Node').map((n) => n.metadata.name)).toEqual(['master', 'node1', 'node2']);
    await state.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n');
    expect(state.objects.get(objectKey('Service', 'default', 'web'))?.metadata.name).toBe('web');
    expect(state.lastChanged.has(objectKey('Service', 'default', 'web'))).toBe(true);
    await state.refreshDns();
    expect(state.dns.some((r) => r.name === 'web.default.svc.cluster.local.' && r.type === 'A')).toBe(true);
    await state.delete('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
    expect(state.objects.has(objectKey('Service', 'default', 'web'))).toBe(false);
    expect(state.resourceVersion).toBe(engine.store.resourceVersion);
  });
});

describe('cluster state DNS', () => {
  it('keeps the DNS table from the diffs the host sends with each change, without reading the table', async () => {
    const engine = createEngine();
    const handlers = createEngineHandlers(engine);
    const tracker = new DnsTableTracker(engine);
    const listeners: ((p: EngineEvents['changed']) => void)[] = [];
    engine.onChange((p) => {
      const payload = JSON.parse(JSON.stringify({ ...p, dns: tracker.next() })) as EngineEvents['changed'];
      listeners.forEach((l) => l(payload));
    });
    const requested: string[] = [];
    const client: EngineClient = {
      request: async (method, params) => {
        requested.push(method);
        const out = (handlers[method] as (p: unknown) => never)(params);
        if (method === 'snapshot') tracker.reset();
        return out;
      },
      on: (event, listener) => {
        if (event === 'changed') listeners.push(listener as never);
        return () => undefined;
      },
      failPending: () => undefined,
    };
    const state = new ClusterState(client);
    await state.start();
    await state.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n');
    expect(state.dns.some((r) => r.name === 'web.default.svc.cluster.local.' && r.type === 'A')).toBe(true);
    await state.delete('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
    expect(state.dns).toEqual(JSON.parse(JSON.stringify(engine.dnsTable())));
    expect(requested).not.toContain('dnsTable');
  });
});
