import { describe, expect, it } from 'vitest';
import type { EngineEvents } from '../../shared/engine-protocol';
import { createEngine } from '../engine';
import { createEngineHandlers } from './engine-handlers';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod4\nspec:\n  containers:\n  - name: container\n    image: kubetm/app\n';

describe('engine handlers', () => {
  it('snapshot holds the bootstrap cluster and its DNS table', () => {
    const handlers = createEngineHandlers(createEngine());
    const snap = handlers.snapshot(null);
    expect(snap.objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name)).toEqual(['master', 'node1', 'node2']);
    expect(snap.dns.some((r) => r.name === 'kube-dns.kube-system.svc.cluster.local.' && r.type === 'A' && r.data === '10.96.0.10')).toBe(true);
  });

  it('a terminal session applies the editor file it names, and exec -it changes its prompt until exit', () => {
    const engine = createEngine();
    const handlers = createEngineHandlers(engine);
    const applied = handlers.shellRun({ session: 't1', line: 'kubectl apply -f pod.yaml', files: { 'pod.yaml': POD } });
    expect(applied.output).toMatchObject({ stdout: 'pod/pod4 created\n', exitCode: 0 });
    expect(applied.prompt).toBe('root@master:~# ');
    engine.settle();
    expect(handlers.shellRun({ session: 't1', line: 'kubectl exec -it pod4 -- bash' }).prompt).toBe('root@pod4:/# ');
    expect(handlers.shellPrompt({ session: 't1' }).prompt).toBe('root@pod4:/# ');
    expect(handlers.shellPrompt({ session: 't2' }).prompt).toBe('root@master:~# ');
    expect(handlers.shellRun({ session: 't1', line: 'exit' }).prompt).toBe('root@master:~# ');
  });

  it('a missing editor file reads as kubectl reports a missing path', () => {
    const handlers = createEngineHandlers(createEngine());
    const result = handlers.shellRun({ session: 't', line: 'kubectl apply -f nope.yaml', files: {} });
    expect(result.output.stderr).toContain('the path "nope.yaml" does not exist');
    expect(result.output.exitCode).toBe(1);
  });

  it('change events carry the changed objects, except for deletions', () => {
    const engine = createEngine();
    const events: EngineEvents['changed'][] = [];
    engine.onChange((p) => events.push(p));
    engine.apply(POD);
    engine.deleteManifest(POD);
    const changes = events.flatMap((e) => e.changes).filter((c) => c.kind === 'Pod');
    expect(changes[0]).toMatchObject({ type: 'ADDED', name: 'pod4', object: { kind: 'Pod', metadata: { name: 'pod4' } } });
    expect(changes.at(-1)).toMatchObject({ type: 'DELETED', name: 'pod4' });
    expect(changes.at(-1)!.object).toBeUndefined();
  });
});
