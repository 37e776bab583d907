/**
 * A restored engine continues exactly as the saved one: for request sequences built from the
 * course's lab files, export → restore → continue gives the same objects, DNS table and terminal
 * output as continuing the original.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { createEngine, type Engine } from '../engine';
import { ShellSession } from '../shell/shell-session';
import { allObjects, exportState, restoreState } from './cluster-state-io';
import { recordAndRun } from './engine-journal';

const LABS = join(__dirname, '../../../resources/labs');

interface Lab {
  name: string;
  lines: string[];
  files: Record<string, string>;
  config: Record<string, unknown>;
}

function loadLab(name: string): Lab {
  const dir = join(LABS, name);
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.yaml') && f !== 'cluster.yaml') files[f] = readFileSync(join(dir, f), 'utf8');
  const lines = readFileSync(join(dir, 'lab.svclab'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  // load-balancer's cluster.yaml turns the cloud provider on.
  const config = name === 'load-balancer' ? { cloudProvider: true } : {};
  return { name, lines, files, config };
}

const labs = readdirSync(LABS)
  .filter((name) => existsSync(join(LABS, name, 'lab.svclab')))
  .sort()
  .map(loadLab);

type Step = { op: 'shell'; session: string; line: string } | { op: 'apply' | 'delete'; file: string } | { op: 'advance'; ms: number };

/** Drives an engine as the RPC handlers do: every request recorded, terminal sessions by id. */
class Driver {
  readonly sessions = new Map<string, ShellSession>();
  constructor(
    public engine: Engine,
    readonly files: Record<string, string>,
  ) {}

  run(step: Step): string {
    const e = this.engine;
    switch (step.op) {
      case 'advance':
        e.advance(step.ms);
        return `now ${e.now()}`;
      case 'apply':
        return JSON.stringify(recordAndRun(e, { op: 'apply', text: this.files[step.file], fileName: step.file }, () => e.apply(this.files[step.file], { fileName: step.file })));
      case 'delete':
        return JSON.stringify(recordAndRun(e, { op: 'delete', text: this.files[step.file], fileName: step.file }, () => e.deleteManifest(this.files[step.file], { fileName: step.file })));
      case 'shell': {
        let s = this.sessions.get(step.session);
        if (!s) this.sessions.set(step.session, (s = new ShellSession(e, { read: (p) => this.files[p.replace(/^\.\//, '')] })));
        const session = s;
        const out = recordAndRun(e, { op: 'shell', session: step.session, line: step.line, files: this.files }, () => session.run(step.line));
        return `${out.exitCode}\n${out.stdout}${out.stderr}`;
      }
    }
  }
}

/** What an observer sees: every object, the DNS table, the virtual time. */
function observe(engine: Engine) {
  return { objects: allObjects(engine), dns: engine.dnsTable(), now: engine.now(), rv: engine.store.resourceVersion };
}

/** Runs `before`, saves (through JSON, as the workspace file does), restores, then runs `after` on both. */
function continueBoth(lab: Lab, before: Step[], after: Step[]) {
  const original = new Driver(createEngine(lab.config), lab.files);
  for (const step of before) original.run(step);
  const snapshot = JSON.parse(JSON.stringify(exportState(original.engine))) as ClusterSnapshot;
  const restored = restoreState(snapshot);
  if ('error' in restored) throw new Error(restored.error);
  const copy = new Driver(restored.engine, lab.files);
  expect(observe(copy.engine)).toEqual(observe(original.engine));
  // Terminals do not survive a restart: both continue in a new session.
  const cont = (s: Step): Step => (s.op === 'shell' ? { ...s, session: 'after' } : s);
  const outputs = { original: after.map((s) => original.run(cont(s))), restored: after.map((s) => copy.run(cont(s))) };
  return { outputs, end: { original: observe(original.engine), restored: observe(copy.engine) }, snapshot };
}

/** A lab as steps: each line in the terminal, a second of waiting after each. */
const labSteps = (lab: Lab): Step[] => lab.lines.flatMap((line): Step[] => [{ op: 'shell', session: 'main', line }, { op: 'advance', ms: 1000 }]);

describe('export → restore → continue', () => {
  const cases = labs.flatMap((lab) => {
    const steps = labSteps(lab);
    return [0.25, 0.5, 0.75].map((f) => ({ name: `${lab.name}, saved after ${Math.round(f * 100)}% of the lab`, lab, cut: Math.round(steps.length * f) }));
  });

  it.each(cases)('$name', ({ lab, cut }) => {
    const steps = labSteps(lab);
    // After the lab: every lab line again (new pods get the next IPs; caches and round-robin show).
    const after = [...steps.slice(cut), ...steps];
    const { outputs, end } = continueBoth(lab, steps.slice(0, cut), after);
    expect(outputs.restored).toEqual(outputs.original);
    expect(end.restored).toEqual(end.original);
  });

  it('a restored headless lab keeps its pods, their IPs and the headless1 records', () => {
    const lab = labs.find((l) => l.name === 'headless')!;
    const { snapshot } = continueBoth(lab, labSteps(lab), []);
    const restored = restoreState(snapshot);
    if ('error' in restored) throw new Error(restored.error);
    const pods = restored.engine.store.list('Pod', 'default');
    expect(pods.map((p) => p.metadata.name)).toEqual(['pod4', 'pod5']);
    expect(restored.engine.dnsTable().filter((r) => r.name === 'headless1.default.svc.cluster.local.' && r.type === 'A')).toHaveLength(2);
  });

  it('any sequence of applies, deletes, terminal lines and waits continues identically after a restore', () => {
    const lab = labs.find((l) => l.name === 'endpoint')!;
    const names = Object.keys(lab.files);
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ op: fc.constantFrom('apply' as const, 'delete' as const), file: fc.constantFrom(...names) }),
      fc.record({ op: fc.constant('advance' as const), ms: fc.constantFrom(100, 1500, 2000.5, 45_000) }),
      fc.record({ op: fc.constant('shell' as const), session: fc.constantFrom('a', 'b'), line: fc.constantFrom(...lab.lines, 'kubectl run extra --image=kubetm/app', 'kubectl delete pod pod7', 'kubectl label pod pod7 x=y') }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.array(step, { maxLength: 8 }), (before, after) => {
        const { outputs, end } = continueBoth(lab, before, [...after, { op: 'advance', ms: 3000 }]);
        expect(outputs.restored).toEqual(outputs.original);
        expect(end.restored).toEqual(end.original);
      }),
      { numRuns: 25 },
    );
  });
});

describe('a snapshot that cannot be restored gets a clear error', () => {
  const good = (): ClusterSnapshot => {
    const lab = labs.find((l) => l.name === 'headless')!;
    const d = new Driver(createEngine(), lab.files);
    d.run({ op: 'apply', file: 'pods.yaml' });
    return JSON.parse(JSON.stringify(exportState(d.engine))) as ClusterSnapshot;
  };
  it.each([
    { name: 'not an object', tweak: () => 'hello', expected: 'it is not a snapshot object' },
    { name: 'another format', tweak: (s: ClusterSnapshot) => ({ ...s, format: 'other' }), expected: 'it is not a Service Lab cluster snapshot' },
    { name: 'a newer version', tweak: (s: ClusterSnapshot) => ({ ...s, version: 2 }), expected: 'it has format version 2; this version of Service Lab reads version 1' },
    { name: 'a missing config key', tweak: (s: ClusterSnapshot) => ({ ...s, config: { ...s.config, seed: 'x' } }), expected: 'config.seed is not a number' },
    { name: 'a journal entry of an unknown kind', tweak: (s: ClusterSnapshot) => ({ ...s, journal: [{ at: 0, op: 'format-disk' }] }), expected: 'journal entry 0 has an unknown operation "format-disk"' },
    { name: 'journal entries out of time order', tweak: (s: ClusterSnapshot) => ({ ...s, journal: [s.journal[0], { ...s.journal[0], at: s.journal[0].at - 1 }] }), expected: 'journal entry 1 runs before the one preceding it' },
    { name: 'an undo point past the journal', tweak: (s: ClusterSnapshot) => ({ ...s, undoPoints: [5] }), expected: 'its undo points are not ascending journal indexes' },
    { name: 'an invalid service range', tweak: (s: ClusterSnapshot) => ({ ...s, config: { ...s.config, serviceCIDR: 'nope' } }), expected: 'its config is invalid' },
  ])('$name', ({ tweak, expected }) => {
    const result = restoreState(tweak(good()));
    expect('error' in result && result.error).toContain(expected);
  });

  it('an untouched snapshot restores, without a warning', () => {
    const restored = restoreState(good());
    expect('engine' in restored && restored.warning).toBeUndefined();
  });
});

describe('a snapshot whose history no longer replays is rebuilt from its objects', () => {
  /** A cluster with an applied Service and pods, a `kubectl run` pod and hand-written Endpoints. */
  const saved = (): ClusterSnapshot => {
    const endpoint = labs.find((l) => l.name === 'endpoint')!;
    const headless = labs.find((l) => l.name === 'headless')!;
    const d = new Driver(createEngine(), { ...endpoint.files, ...headless.files });
    d.run({ op: 'apply', file: 'headless-service.yaml' });
    d.run({ op: 'apply', file: 'pods.yaml' });
    d.run({ op: 'apply', file: 'selectorless.yaml' });
    d.run({ op: 'apply', file: 'endpoints-for-2.yaml' });
    d.run({ op: 'shell', session: 't', line: 'kubectl run web --image=kubetm/app --labels=app=web' });
    d.run({ op: 'advance', ms: 20_000 });
    return JSON.parse(JSON.stringify(exportState(d.engine))) as ClusterSnapshot;
  };
  const userObjects = (objects: readonly { kind: string; metadata: { namespace?: string; name?: string } }[]) =>
    objects.filter((o) => o.metadata.namespace === 'default' && ['Pod', 'Service', 'Endpoints'].includes(o.kind)).map((o) => `${o.kind}/${o.metadata.name}`);

  it.each([
    { name: 'a journal emptied after saving', tweak: (s: ClusterSnapshot) => ({ ...s, journal: [], undoPoints: [] }), mismatch: 'is missing' },
    { name: 'a journal that gives another object', tweak: (s: ClusterSnapshot) => ({ ...s, objects: s.objects.filter((o) => o.metadata.name !== 'pod5') }), mismatch: 'Pod default/pod5 was not saved' },
  ])('$name', ({ tweak, mismatch }) => {
    const snapshot = tweak(saved());
    const restored = restoreState(snapshot);
    if ('error' in restored) throw new Error(restored.error);
    expect(restored.warning).toContain('rebuilt from its saved objects');
    expect(restored.warning).toContain(mismatch);
    expect(userObjects(allObjects(restored.engine))).toEqual(userObjects(snapshot.objects));
    // Running, with its labels, and served by DNS as before.
    expect(restored.engine.store.get('Pod', 'default', 'web')).toMatchObject({ metadata: { labels: { app: 'web' } }, status: { phase: 'Running' } });
    expect(restored.engine.dnsTable().filter((r) => r.name === 'headless1.default.svc.cluster.local.' && r.type === 'A').length).toBe(snapshot.objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default' && o.metadata.labels?.svc === 'headless').length);
    // The rebuilt cluster is saved with its own history, which replays exactly.
    const again = restoreState(JSON.parse(JSON.stringify(exportState(restored.engine))));
    expect('engine' in again && again.warning).toBeUndefined();
    expect('engine' in again && allObjects(again.engine)).toEqual(allObjects(restored.engine));
  });
});
