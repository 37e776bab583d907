/**
 * The three lab requests of the engine protocol, through the handler object the workers serve:
 * plain data in, plain data out (each answer survives structured cloning unchanged, as it must to
 * cross a worker or IPC boundary), and bad input answered, never thrown.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabCheck } from '../../shared/lab-types';
import { createEngine } from '../engine';
import { createEngineHandlers } from '../rpc/engine-handlers';

function folder(id: string): Record<string, string> {
  const dir = join(import.meta.dirname, '../../../resources/labs', id);
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) if (statSync(join(dir, name)).isFile()) out[name] = readFileSync(join(dir, name), 'utf8');
  return out;
}
const files = folder('headless');

describe('lab requests', () => {
  const handlers = createEngineHandlers(createEngine());

  it('labLoad parses a folder into a Lab, as plain data', () => {
    const out = handlers.labLoad({ files, id: 'headless', source: 'built-in' });
    if (!('lab' in out)) throw new Error(JSON.stringify(out.problems));
    expect(out.lab.steps[0].id).toBe('service');
    expect(structuredClone(out)).toEqual(out);
  });

  it('labLoad answers a broken folder with located problems', () => {
    const out = handlers.labLoad({ files: { ...files, 'lab.yaml': files['lab.yaml'].replace('answer: 1', 'answer: 7') }, id: 'headless', source: 'teacher' });
    expect(out).toEqual({ problems: [expect.objectContaining({ file: 'lab.yaml', line: expect.any(Number), column: expect.any(Number), message: { en: expect.stringContaining('answer: 7 is out of range'), ko: expect.stringContaining('answer: 범위를 벗어난 값 7') } })] });
  });

  it('labCheck evaluates checks against the served cluster and the transcript', () => {
    handlers.apply({ text: files['headless-service.yaml'] });
    const checks: LabCheck[] = [
      { kind: 'object', ref: { kind: 'Service', name: 'headless1' }, jsonpath: '{.spec.clusterIP}', equals: 'None' },
      { kind: 'output', command: 'get svc headless1' },
    ];
    const out = handlers.labCheck({ checks, transcript: [{ session: 'admin', line: 'kubectl get svc headless1', output: '', exitCode: 0 }] });
    expect(out.map((r) => r.ok)).toEqual([true, true]);
    expect(structuredClone(out)).toEqual(out);
  });

  it('labExport writes the files for a real cluster', () => {
    const loaded = handlers.labLoad({ files, id: 'headless', source: 'built-in' });
    if (!('lab' in loaded)) throw new Error('not loaded');
    const out = handlers.labExport({ lab: loaded.lab });
    expect(Object.keys(out.files).sort()).toEqual(['README.en.md', 'README.ko.md', 'commands.sh', 'headless-service.yaml', 'pods.yaml']);
    expect(structuredClone(out)).toEqual(out);
  });

  it('labStart replaces the cluster with a fresh one built from the lab folder cluster.yaml', () => {
    const h = createEngineHandlers(createEngine());
    h.apply({ text: files['headless-service.yaml'] });
    h.shellRun({ session: 't1', line: 'kubectl run web --image=kubetm/app' });
    h.settle(null);
    h.shellRun({ session: 't1', line: 'kubectl exec -it web -- sh' });
    expect(h.shellPrompt({ session: 't1' }).prompt).not.toContain('master');
    const loaded = h.labLoad({ files: folder('load-balancer'), id: 'load-balancer', source: 'built-in' });
    if (!('lab' in loaded)) throw new Error('not loaded');
    const out = h.labStart({ lab: loaded.lab });
    expect(out).toEqual({ now: expect.any(Number) });
    expect(h.hello(null).config.cloudProvider).toBe(true);
    expect(h.get({ kind: 'Service', namespace: 'default', name: 'headless1' })).toBeNull();
    expect(h.shellPrompt({ session: 't1' }).prompt).toContain('master');
    h.apply({ text: loaded.lab.files['services.yaml'] });
    h.settle(null);
    const checks = loaded.lab.steps[0].checks!.filter((c) => c.kind === 'object');
    expect(h.labCheck({ checks, transcript: [] }).map((r) => r.ok)).toEqual([true]);
  });

  it('labStart answers a lab whose cluster settings are broken with an error, and keeps the cluster', () => {
    const h = createEngineHandlers(createEngine());
    h.apply({ text: files['headless-service.yaml'] });
    const loaded = h.labLoad({ files, id: 'headless', source: 'built-in' });
    if (!('lab' in loaded)) throw new Error('not loaded');
    expect(h.labStart({ lab: { ...loaded.lab, clusterConfig: 'cloudProvider: maybe\n' } })).toEqual({ error: expect.stringContaining("the lab's cluster cannot be built: cluster.yaml: cloudProvider") });
    expect(h.get({ kind: 'Service', namespace: 'default', name: 'headless1' })).not.toBeNull();
  });
});
