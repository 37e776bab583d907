/**
 * Our kubectl against the REAL kubectl v1.32's output for the same cluster state, byte for byte.
 * Fixtures (testdata/fixtures/*.json) were recorded by testdata/capture/capture.mts: it served a
 * simulated cluster to the real binary through a fake apiserver and kept the objects it served,
 * the virtual time and every command's stdout/stderr/exit code. Here the same objects are read
 * back through a static view, so the comparison does not depend on the engine's current IPs.
 *
 * Layout-only caveats (see capture.mts): `get` table CELLS come from our printers (the real
 * apiserver prints them), so those cases check kubectl's client-side layout; the describe-node
 * pod table's Age column was computed by the real kubectl from the host clock and is masked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/api-types';
import { runDescribe } from './commands/describe';
import { runGet } from './commands/get';
import { runApiResources, runApiVersions, runClusterInfo } from './commands/info-commands';
import { staticView } from './common';
import type { ClusterView } from './resources';

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}
interface Fixture {
  now: number;
  objects: KubeObject[];
  cases: Case[];
}

const dir = path.join(__dirname, 'testdata', 'fixtures');
const load = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Fixture;

/** The read-only commands of a fixture (everything before its first mutation). */
function readOnlyCases(f: Fixture): Case[] {
  const first = f.cases.findIndex((c) => ['label', 'delete', 'exec', 'wait'].includes(c.args[0]));
  const cases = first < 0 ? f.cases : f.cases.slice(0, first).concat(f.cases.slice(first).filter((c) => !['label', 'delete', 'exec', 'wait', 'get'].includes(c.args[0])));
  return cases.filter((c) => !['version', 'exec', 'wait', 'label', 'delete'].includes(c.args[0]));
}

function run(args: string[], view: ClusterView): Omit<Case, 'args'> {
  const [cmd, ...rest] = args;
  switch (cmd) {
    case 'get':
      return runGet(rest, view);
    case 'describe':
      return runDescribe(rest, view);
    case 'cluster-info':
      return runClusterInfo(rest, view, 'https://192.168.0.30:6443');
    case 'api-resources':
      return runApiResources(rest);
    case 'api-versions':
      return runApiVersions();
  }
  throw new Error(`no runner for ${cmd}`);
}

/** The describe-node pod table's Age column came from the capturing host's clock. */
const maskNodePodAges = (s: string): string => s.replace(/^( {2}\S+ +\S+ +0 \(0%\) +0 \(0%\) +0 \(0%\) +0 \(0%\) +)\S+$/gm, '$1<age>');

describe.each(['lab', 'fresh', 'empty'])('kubectl output matches real kubectl v1.32 (%s scenario)', (name) => {
  const fixture = load(name);
  const view = staticView(fixture.objects, fixture.now);
  it.each(readOnlyCases(fixture).map((c) => ({ line: c.args.join(' '), c })))('kubectl $line', ({ c }) => {
    const got = run(c.args, view);
    expect({ stdout: maskNodePodAges(got.stdout), stderr: got.stderr, exitCode: got.exitCode }).toEqual({ stdout: maskNodePodAges(c.stdout), stderr: c.stderr, exitCode: c.exitCode });
  });
});
