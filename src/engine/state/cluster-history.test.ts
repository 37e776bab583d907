/** Undo, reset, save and load through the RPC handlers, as the UI sends them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { createEngine } from '../engine';
import { createEngineHandlers } from '../rpc/engine-handlers';
import { allObjects } from './cluster-state-io';
import { switchableEngine } from './switchable-engine';

const lab = (file: string) => readFileSync(join(__dirname, '../../../resources/labs/headless', file), 'utf8');
const SERVICE = lab('headless-service.yaml');
const PODS = lab('pods.yaml');

function setup() {
  const engine = switchableEngine(createEngine());
  const handlers = createEngineHandlers(engine);
  const switches: number[] = [];
  engine.onSwitch(() => switches.push(engine.now()));
  return { engine, handlers, switches };
}

const names = (objects: { kind: string; name: string }[]) => objects.map((o) => `${o.kind}/${o.name}`);

describe('undoLastApply', () => {
  it('takes back the last apply: its pods, their endpoints and DNS records go, time keeps running', () => {
    const { engine, handlers, switches } = setup();
    handlers.apply({ text: SERVICE, fileName: 'headless-service.yaml' });
    handlers.advance({ ms: 5000 });
    handlers.apply({ text: PODS, fileName: 'pods.yaml' });
    handlers.advance({ ms: 20_000 });
    const now = engine.now();
    const result = handlers.undoLastApply(null);
    if (!result.undone) throw new Error('nothing undone');
    expect(names(result.diff.objects.removed)).toEqual(expect.arrayContaining(['Pod/pod4', 'Pod/pod5']));
    expect(result.diff.objects.added).toEqual([]);
    expect(result.diff.endpoints).toEqual([expect.objectContaining({ name: 'headless1', added: [], removed: expect.arrayContaining([expect.objectContaining({ ready: true })]) })]);
    expect(result.diff.endpoints[0].removed).toHaveLength(2);
    expect(result.diff.dns.removed.map((r) => r.name)).toEqual(expect.arrayContaining(['headless1.default.svc.cluster.local.', 'pod-a.headless1.default.svc.cluster.local.']));
    expect(result.remaining).toBe(1);
    expect(engine.now()).toBe(now);
    expect(switches).toEqual([now]);
    // Exactly the cluster where only the Service was applied, then the same time passed.
    const only = createEngine();
    only.apply(SERVICE, { fileName: 'headless-service.yaml' });
    only.advance(now - only.now());
    expect(allObjects(engine)).toEqual(allObjects(only));
    expect(engine.dnsTable()).toEqual(only.dnsTable());
  });

  it.each([
    { name: 'kubectl run makes an undo point', lines: ['kubectl run web --image=kubetm/app'], remaining: 0, removed: ['Pod/web'] },
    { name: 'kubectl get does not (the apply before it is undone)', lines: ['kubectl apply -f pods.yaml', 'kubectl get pods'], remaining: 0, removed: ['Pod/pod4', 'Pod/pod5'] },
    { name: 'kubectl label is undone alone', lines: ['kubectl apply -f pods.yaml', 'kubectl label pod pod4 extra=yes'], remaining: 1, removed: [] },
  ])('terminal lines: $name', ({ lines, remaining, removed }) => {
    const { handlers } = setup();
    for (const line of lines) {
      handlers.shellRun({ session: 't', line, files: { 'pods.yaml': PODS } });
      handlers.advance({ ms: 3000 });
    }
    const result = handlers.undoLastApply(null);
    if (!result.undone) throw new Error('nothing undone');
    expect(result.remaining).toBe(remaining);
    expect(names(result.diff.objects.removed)).toEqual(expect.arrayContaining(removed));
    if (removed.length === 0) expect(names(result.diff.objects.modified)).toContain('Pod/pod4');
  });

  it('with nothing to undo says so and changes nothing', () => {
    const { engine, handlers, switches } = setup();
    handlers.shellRun({ session: 't', line: 'kubectl get pods' });
    const rv = engine.store.resourceVersion;
    expect(handlers.undoLastApply(null)).toEqual({ undone: false });
    expect(engine.store.resourceVersion).toBe(rv);
    expect(switches).toEqual([]);
  });
});

describe('reset', () => {
  it('returns to a freshly bootstrapped cluster with the same config: only the system objects', () => {
    const engine = switchableEngine(createEngine({ dns: { ttl: 5, pods: 'insecure' } }));
    const handlers = createEngineHandlers(engine);
    handlers.apply({ text: SERVICE + '---\n' + PODS });
    handlers.advance({ ms: 10_000 });
    handlers.reset(null);
    const fresh = createEngine({ dns: { ttl: 5, pods: 'insecure' } });
    expect(allObjects(engine)).toEqual(allObjects(fresh));
    expect(engine.store.list('Pod').map((p) => p.metadata.namespace)).toEqual(['kube-system', 'kube-system']);
    expect(handlers.undoLastApply(null)).toEqual({ undone: false });
  });
});

describe('saveState / loadState', () => {
  it('a saved cluster loads into another engine and continues there identically', () => {
    const a = setup();
    a.handlers.apply({ text: SERVICE + '---\n' + PODS });
    a.handlers.advance({ ms: 8000 });
    a.handlers.shellRun({ session: 't', line: 'kubectl exec pod4 -- nslookup headless1' });
    const saved = JSON.parse(JSON.stringify(a.handlers.saveState(null))) as ClusterSnapshot;
    const b = setup();
    expect(b.handlers.loadState({ snapshot: saved })).toEqual({ now: saved.now });
    expect(b.switches).toHaveLength(1);
    for (const h of [a.handlers, b.handlers]) h.advance({ ms: 40_000 });
    const run = (h: typeof a.handlers) => h.shellRun({ session: 'next', line: 'kubectl exec pod5 -- curl -s pod-a.headless1:8080/hostname' }).output;
    expect(run(b.handlers)).toEqual(run(a.handlers));
    expect(b.handlers.snapshot(null)).toEqual(a.handlers.snapshot(null));
    // Its undo history came along.
    const undone = b.handlers.undoLastApply(null);
    expect(undone.undone && names(undone.diff.objects.removed)).toEqual(expect.arrayContaining(['Pod/pod4', 'Pod/pod5', 'Service/headless1']));
  });

  it.each([
    { name: 'garbage', snapshot: { hello: 1 }, error: 'it is not a Service Lab cluster snapshot' },
    { name: 'a wrong version', snapshot: { format: 'svclab-cluster', version: 99 }, error: 'format version 99' },
  ])('$name is refused and the cluster stays as it was', ({ snapshot, error }) => {
    const { engine, handlers, switches } = setup();
    handlers.apply({ text: PODS });
    const before = handlers.snapshot(null);
    const result = handlers.loadState({ snapshot });
    expect('error' in result && result.error).toContain(error);
    expect(handlers.snapshot(null)).toEqual(before);
    expect(switches).toEqual([]);
    expect(engine.store.get('Pod', 'default', 'pod4')).toBeDefined();
  });
});
