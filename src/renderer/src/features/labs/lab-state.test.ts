import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineClient, EngineEvents } from '../../../../shared/engine-protocol';
import type { Lab, LabCheck, LabCheckResult, LabProblem, TranscriptEntry } from '../../../../shared/lab-types';
import type { KeyValueStorage } from '../../state/layout-state.svelte';
import { i18n } from '../../i18n/i18n.svelte';
import { labMessages } from './lab-messages';
import { LabState, PROGRESS_KEY, TRANSCRIPT_LIMIT } from './lab-state.svelte';

const memory = (initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } => {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
};

const text = (en: string, ko = `${en} (ko)`): { ko: string; en: string } => ({ ko, en });
const outputCheck = (command: string): LabCheck => ({ kind: 'output', command });

/** A two-lab course: `svc` has a predicted step with a check, a step without checks, a last checked step. */
function labFiles(id: string, order: number): Record<string, string> {
  return { 'lab.yaml': JSON.stringify({ id, order }) };
}
function makeLab(id: string, order: number, source: Lab['source']): Lab {
  return {
    id,
    order,
    source,
    title: text(`Lab ${id}`),
    summary: text('summary'),
    files: { 'svc.yaml': 'kind: Service\n' },
    steps: [
      {
        id: 'apply',
        title: text('Apply'),
        text: text('Apply it'),
        predict: { question: text('Which IP?'), choices: [text('none'), text('a VIP')], answer: 1, explain: text('Because') },
        commands: [{ line: 'kubectl get svc' }],
        checks: [outputCheck('kubectl get svc')],
      },
      { id: 'read', title: text('Read'), text: text('Read it') },
      { id: 'dns', title: text('DNS'), text: text('Look up'), checks: [outputCheck('nslookup'), outputCheck('dig')] },
    ],
  };
}

/**
 * A fake engine: labLoad turns `{id, order}` JSON into a lab (or problems for `broken`), labCheck
 * passes an output check when the transcript has a line starting with its `command`.
 */
class FakeEngine {
  listeners: ((p: EngineEvents['changed']) => void)[] = [];
  checkCalls: { checks: LabCheck[]; transcript: TranscriptEntry[] }[] = [];
  problems: LabProblem[] = [{ file: 'lab.yaml', line: 3, message: { en: 'steps[0].title: missing ko (Korean) text', ko: 'steps[0].title: ko(한국어) 텍스트가 없습니다' } }];
  client: EngineClient = {
    request: (async (method: string, params: never) => this.handle(method, params)) as EngineClient['request'],
    on: ((event: string, listener: (p: EngineEvents['changed']) => void) => {
      this.listeners.push(listener);
      return () => (this.listeners = this.listeners.filter((l) => l !== listener));
    }) as EngineClient['on'],
    failPending: () => undefined,
  };

  handle(method: string, params: Record<string, unknown>): unknown {
    if (method === 'labLoad') {
      const { files, source, id } = params as { files: Record<string, string>; source: Lab['source']; id: string };
      if (files['lab.yaml'] === 'broken') return { problems: this.problems };
      const data = JSON.parse(files['lab.yaml']) as { order: number };
      return { lab: makeLab(id, data.order, source) };
    }
    if (method === 'labCheck') {
      const input = params as { checks: LabCheck[]; transcript: TranscriptEntry[] };
      this.checkCalls.push(input);
      return input.checks.map((c): LabCheckResult => {
        const ok = c.kind === 'output' && input.transcript.some((e) => e.line.startsWith(c.command));
        return { ok, detail: text(ok ? 'ran' : `run ${c.kind === 'output' ? c.command : ''}`) };
      });
    }
    throw new Error(`unexpected ${method}`);
  }

  emitChanged(): void {
    for (const l of this.listeners) l({ resourceVersion: '1', now: 0, changes: [] });
  }
}

const run = (line: string): TranscriptEntry => ({ session: 'main', line, output: '', exitCode: 0 });

async function loaded(storage = memory()): Promise<{ engine: FakeEngine; labs: LabState; storage: ReturnType<typeof memory> }> {
  const engine = new FakeEngine();
  const labs = new LabState(engine.client, storage, { debounceMs: 150 });
  labs.start();
  await labs.loadBuiltIns({ svc: labFiles('svc', 2), dns: labFiles('dns', 1) });
  return { engine, labs, storage };
}

/** Lets the debounce fire and the check's promise settle. */
const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(200);
};

describe('lab state', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    i18n.locale = 'ko';
  });

  it('lists built-in labs by order and keeps a broken one as a failure', async () => {
    const engine = new FakeEngine();
    const labs = new LabState(engine.client);
    await labs.loadBuiltIns({ b: labFiles('b', 3), a: labFiles('a', 1), bad: { 'lab.yaml': 'broken' } });
    expect(labs.labs.map((l) => l.id)).toEqual(['a', 'b']);
    expect(labs.failures).toEqual([{ id: 'bad', problems: engine.problems }]);
  });

  it('keeps the commands locked until a prediction is picked, and the first pick stands', async () => {
    const { labs } = await loaded();
    labs.open('svc');
    expect(labs.commandsLocked).toBe(true);
    labs.choose(0);
    expect([labs.commandsLocked, labs.predictionOf('apply')]).toEqual([false, 0]);
    labs.choose(1);
    expect(labs.predictionOf('apply')).toBe(0);
  });

  it.each([
    { name: 'a negative index', choice: -1 },
    { name: 'an index past the choices', choice: 2 },
    { name: 'a fraction', choice: 0.5 },
  ])('ignores a prediction of $name', async ({ choice }) => {
    const { labs } = await loaded();
    labs.open('svc');
    labs.choose(choice);
    expect(labs.commandsLocked).toBe(true);
  });

  it('does not check a step whose prediction is open, even when the cluster changes', async () => {
    const { engine, labs } = await loaded();
    labs.open('svc');
    labs.record(run('kubectl get svc'));
    engine.emitChanged();
    await settle();
    expect([engine.checkCalls.length, labs.statusOf('svc', 'apply')]).toEqual([0, 'todo']);
  });

  it('turns a step green after the terminal command its check wants, and it stays green', async () => {
    const { engine, labs } = await loaded();
    labs.open('svc');
    labs.choose(1);
    await settle();
    expect(labs.statusOf('svc', 'apply')).toBe('todo');
    expect(labs.results?.map((r) => r.ok)).toEqual([false]);
    labs.record(run('kubectl get svc'));
    await settle();
    expect(labs.statusOf('svc', 'apply')).toBe('passed');
    const calls = engine.checkCalls.length;
    engine.emitChanged();
    await settle();
    expect([labs.statusOf('svc', 'apply'), engine.checkCalls.length]).toEqual(['passed', calls]);
  });

  it('debounces a burst of change events into one check', async () => {
    const { engine, labs } = await loaded();
    labs.open('dns');
    labs.goTo(2);
    await settle();
    const before = engine.checkCalls.length;
    for (let i = 0; i < 5; i++) {
      engine.emitChanged();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(engine.checkCalls.length).toBe(before);
    await settle();
    expect(engine.checkCalls.length).toBe(before + 1);
  });

  it('needs every check of a step to pass', async () => {
    const { labs } = await loaded();
    labs.open('dns');
    labs.goTo(2);
    labs.record(run('nslookup headless1'));
    await settle();
    expect([labs.statusOf('dns', 'dns'), labs.results?.map((r) => r.ok)]).toEqual(['todo', [true, false]]);
    labs.record(run('dig headless1'));
    await settle();
    expect(labs.statusOf('dns', 'dns')).toBe('passed');
  });

  it('marks a step without checks done only by hand', async () => {
    const { labs } = await loaded();
    labs.open('svc');
    labs.goTo(1);
    await settle();
    expect(labs.statusOf('svc', 'read')).toBe('todo');
    labs.markDone();
    expect(labs.statusOf('svc', 'read')).toBe('passed');
    labs.goTo(2);
    labs.markDone();
    expect(labs.statusOf('svc', 'dns')).toBe('todo');
  });

  it('keeps the last transcript entries only', async () => {
    const { labs } = await loaded();
    for (let i = 0; i < TRANSCRIPT_LIMIT + 5; i++) labs.record(run(`echo ${i}`));
    expect([labs.transcript.length, labs.transcript[0].line]).toEqual([TRANSCRIPT_LIMIT, 'echo 5']);
  });

  it('remembers the lab, the step, passed steps and predictions across starts', async () => {
    const first = await loaded();
    first.labs.open('svc');
    first.labs.choose(1);
    first.labs.next();
    first.labs.markDone();
    const second = await loaded(first.storage);
    expect([second.labs.current?.id, second.labs.stepIndex, second.labs.statusOf('svc', 'read'), second.labs.predictionOf('apply')]).toEqual(['svc', 1, 'passed', 1]);
    expect(second.labs.progressOf(second.labs.current!)).toEqual({ done: 1, total: 3 });
  });

  it('reset forgets the lab’s progress and goes back to its first step', async () => {
    const { labs, storage } = await loaded();
    labs.open('svc');
    labs.choose(1);
    labs.goTo(1);
    labs.markDone();
    labs.reset();
    expect([labs.stepIndex, labs.statusOf('svc', 'read'), labs.predictionOf('apply')]).toEqual([0, 'todo', undefined]);
    expect(JSON.parse(storage.data[PROGRESS_KEY]).labs.svc).toEqual({ step: 0, passed: [], predictions: {} });
  });

  it('round-trips progress through toJSON / restore and drops malformed parts', async () => {
    const { labs } = await loaded();
    labs.open('svc');
    labs.choose(1);
    labs.goTo(2);
    const saved = JSON.parse(JSON.stringify(labs.toJSON()));
    const other = await loaded();
    other.labs.restore(saved);
    expect([other.labs.current?.id, other.labs.stepIndex, other.labs.predictionOf('apply')]).toEqual(['svc', 2, 1]);
    other.labs.restore({ current: 7, labs: { svc: { step: -1, passed: ['read', 3], predictions: { apply: 'x' } }, junk: 'x' } });
    expect(other.labs.toJSON()).toEqual({ labs: { svc: { step: 0, passed: ['read'], predictions: {} } } });
  });

  it.each([
    { name: 'corrupt JSON', stored: '{nope' },
    { name: 'a value of the wrong shape', stored: '[1,2]' },
  ])('starts without progress from $name', async ({ stored }) => {
    const { labs } = await loaded(memory({ [PROGRESS_KEY]: stored }));
    expect([labs.current, labs.toJSON()]).toEqual([undefined, { labs: {} }]);
  });

  it('opens a teacher’s lab after the built-ins, and a broken folder changes nothing', async () => {
    const { engine, labs } = await loaded();
    labs.open('dns');
    expect(await labs.loadTeacher('mine', { 'lab.yaml': 'broken' })).toBe(false);
    expect([labs.teacherProblems, labs.current?.id, labs.labs.length]).toEqual([engine.problems, 'dns', 2]);
    expect(await labs.loadTeacher('mine', { 'lab.yaml': JSON.stringify({ order: 0 }) })).toBe(true);
    expect([labs.labs.map((l) => l.id), labs.current?.id, labs.teacherProblems]).toEqual([['dns', 'svc', 'mine'], 'mine', []]);
  });

  it.each([
    { name: 'a folder without lab.yaml', folder: 'x', files: { 'svc.yaml': '' }, problem: { file: 'lab.yaml', message: { ko: labMessages.ko.missingLabYaml, en: labMessages.en.missingLabYaml } } },
    { name: 'a folder named like a built-in lab', folder: 'svc', files: labFiles('svc', 9), problem: undefined },
  ])('loads $name without hiding the built-ins', async ({ folder, files, problem }) => {
    const { labs } = await loaded();
    await labs.loadTeacher(folder, files);
    // The panel's own problem carries both languages, like the engine's, whatever the locale was.
    expect(labs.teacherProblems[0]).toEqual(problem);
    expect(labs.labs.filter((l) => l.source === 'built-in').map((l) => l.id)).toEqual(['dns', 'svc']);
  });

  it.each([
    { locale: 'en' as const, expected: 'Lab svc · 2. Read' },
    { locale: 'ko' as const, expected: 'Lab svc (ko) · 2. Read (ko)' },
  ])('captions the current lab and step in $locale', async ({ locale, expected }) => {
    const { labs } = await loaded();
    expect(labs.captionText).toBe('');
    labs.open('svc');
    labs.goTo(1);
    i18n.locale = locale;
    expect(labs.captionText).toBe(expected);
  });
});
