/** The Objects view and the terminal must never disagree: each table is `kubectl get -o wide`'s. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ObjectTable } from '../../shared/engine-protocol';
import { createEngine } from '../engine';
import { TABLE_TABWRITER, tabwrite } from '../shell/kubectl/printers/tabwriter';
import { ShellSession } from '../shell/shell-session';
import { objectTables, objectYaml } from './object-tables';

const lab = (path: string): string => readFileSync(join(import.meta.dirname, '../../../resources/labs', path), 'utf8');

function labEngine() {
  const engine = createEngine();
  for (const text of [lab('headless/headless-service.yaml'), lab('headless/pods.yaml'), lab('endpoint/service-and-pod.yaml')]) engine.apply(text);
  engine.settle();
  return engine;
}

/** A table as kubectl's tabwriter lays it out. */
const printed = (table: ObjectTable): string => tabwrite([table.columns.map((c) => c.name), ...table.rows.map((r) => r.cells)].map((l) => l.join('\t')).join('\n') + '\n', TABLE_TABWRITER);

describe('objectTables', () => {
  const engine = labEngine();
  const shell = new ShellSession(engine, { read: () => undefined });

  it.each([
    { kind: 'Service', command: 'kubectl get services -o wide', namespace: 'default' },
    { kind: 'Endpoints', command: 'kubectl get endpoints -o wide', namespace: 'default' },
    { kind: 'Pod', command: 'kubectl get pods -o wide', namespace: 'default' },
    { kind: 'Pod', command: 'kubectl get pods -o wide -A', namespace: undefined },
    { kind: 'Service', command: 'kubectl get services -o wide -n kube-system', namespace: 'kube-system' },
    { kind: 'Node', command: 'kubectl get nodes -o wide', namespace: 'default' },
  ])('prints $kind in $namespace as `$command` does', ({ kind, command, namespace }) => {
    const table = objectTables(engine, namespace).find((t) => t.kind === kind)!;
    expect(table.rows.length).toBeGreaterThan(0);
    expect(printed(table)).toBe(shell.run(command).stdout);
  });

  it('gives each row the ref of its object, namespaced kinds with their namespace', () => {
    const tables = objectTables(engine, 'default');
    expect(tables.find((t) => t.kind === 'Service')!.rows.map((r) => r.ref)).toContainEqual({ kind: 'Service', namespace: 'default', name: 'headless1' });
    expect(tables.find((t) => t.kind === 'Node')!.rows.map((r) => r.ref)).toContainEqual({ kind: 'Node', name: 'node1' });
  });

  it('marks the -o wide columns', () => {
    const pods = objectTables(engine, 'default').find((t) => t.kind === 'Pod')!;
    expect(pods.columns.filter((c) => c.wide).map((c) => c.name)).toEqual(['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
  });
});

describe('objectYaml', () => {
  const engine = labEngine();
  const shell = new ShellSession(engine, { read: () => undefined });

  it.each([
    { ref: { kind: 'Service', namespace: 'default', name: 'headless1' }, command: 'kubectl get service headless1 -o yaml' },
    { ref: { kind: 'Pod', namespace: 'default', name: 'pod4' }, command: 'kubectl get pod pod4 -o yaml' },
  ])('is `$command`', ({ ref, command }) => {
    expect(objectYaml(engine, ref)).toEqual({ yaml: shell.run(command).stdout });
  });

  it.each([
    { ref: { kind: 'Service', namespace: 'default', name: 'nope' }, command: 'kubectl get service nope -o yaml' },
    { ref: { kind: 'EndpointSlice', namespace: 'default', name: 'nope' }, command: 'kubectl get endpointslice nope -o yaml' },
  ])('reports a missing object as `$command` does', ({ ref, command }) => {
    expect(objectYaml(engine, ref)).toEqual({ error: shell.run(command).stderr.trimEnd() });
  });
});
