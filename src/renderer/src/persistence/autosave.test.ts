import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import type { EngineClient, EngineEvents } from '../../../shared/engine-protocol';
import type { WorkspaceLoadResult, WorkspaceSaveResult } from '../../../shared/workspace-types';
import { EditorState } from '../features/editor/editor-state.svelte';
import { Autosave, AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS, type AutosaveTimers } from './autosave.svelte';
import type { WorkspaceStore } from './workspace-store';

const SNAPSHOT = { format: 'svclab-cluster', version: 1, now: 1, journal: [] } as unknown as ClusterSnapshot;

/** Manual timers: tests move time. */
function manualTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { due: number; run: () => void }>();
  const timers: AutosaveTimers = {
    setTimeout: (run, ms) => {
      pending.set(++seq, { due: now + ms, run });
      return seq;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending].sort((a, b) => a[1].due - b[1].due)) {
      if (t.due > now) continue;
      pending.delete(id);
      t.run();
    }
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { timers, advance, now: () => now };
}

function fakeClient(loadResult: { now: number } | { error: string } = { now: 1 }) {
  const requests: { method: string; params: unknown }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const client: EngineClient = {
    request: (async (method: string, params: unknown) => {
      requests.push({ method, params });
      if (method === 'saveState') return SNAPSHOT;
      if (method === 'loadState') return loadResult;
      return null;
    }) as EngineClient['request'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    failPending: () => undefined,
  };
  const emit = <E extends keyof EngineEvents>(event: E, payload: EngineEvents[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { client, requests, emit };
}

function memoryStore(initial: WorkspaceLoadResult = { source: 'none' }) {
  const saved: unknown[] = [];
  let fail: string | undefined;
  const store: WorkspaceStore = {
    load: async () => initial,
    save: async (w): Promise<WorkspaceSaveResult> => {
      if (fail) return { ok: false, error: fail };
      saved.push(JSON.parse(JSON.stringify(w)));
      return { ok: true };
    },
  };
  return { store, saved, failWith: (e: string | undefined) => (fail = e) };
}

const SEED = [{ name: 'seed.yaml', text: 'kind: Pod\n' }];
const savedWorkspace = { editor: { files: [{ name: 'mine.yaml', text: 'edited\n', applied: 'applied\n' }, { name: 'b.yaml', text: 'b', applied: 'b' }], active: 1 }, cluster: SNAPSHOT, labs: { current: 'headless' } };

function setup(loaded: WorkspaceLoadResult = { source: 'none' }, loadResult?: { now: number } | { error: string }) {
  const { timers, advance, now } = manualTimers();
  const store = memoryStore(loaded);
  const { client, requests, emit } = fakeClient(loadResult);
  const editor = new EditorState(SEED);
  const labsRestored: unknown[] = [];
  const labs = { toJSON: () => ({ progress: 1 }), restore: (v: unknown) => void labsRestored.push(v) };
  const autosave = new Autosave({ store: store.store, client, editor, labs, timers, now });
  return { autosave, editor, store, requests, emit, advance, labsRestored };
}

describe('restore on start', () => {
  it('with no saved workspace keeps the seed files and loads no cluster', async () => {
    const s = setup();
    expect(await s.autosave.restoreAndStart()).toBe('none');
    expect(s.editor.files.map((f) => f.name)).toEqual(['seed.yaml']);
    expect(s.requests.map((r) => r.method)).not.toContain('loadState');
  });

  it('restores files (with their applied state and active tab), lab progress and the cluster', async () => {
    const s = setup({ workspace: savedWorkspace, source: 'saved' });
    expect(await s.autosave.restoreAndStart()).toBe('saved');
    expect(s.editor.files.map((f) => ({ name: f.name, text: f.text, dirty: f.dirty }))).toEqual([
      { name: 'mine.yaml', text: 'edited\n', dirty: true },
      { name: 'b.yaml', text: 'b', dirty: false },
    ]);
    expect(s.editor.active?.name).toBe('b.yaml');
    expect(s.labsRestored).toEqual([{ current: 'headless' }]);
    expect(s.requests.find((r) => r.method === 'loadState')?.params).toEqual({ snapshot: SNAPSHOT });
    expect(s.autosave.problem).toBeUndefined();
  });

  it.each([
    { name: 'a cluster the engine refuses', loaded: { workspace: savedWorkspace, source: 'saved' as const }, loadResult: { error: 'cannot restore the saved cluster: x' }, problem: 'cannot restore the saved cluster: x', files: ['mine.yaml', 'b.yaml'] },
    { name: 'a fall back to the backup', loaded: { workspace: savedWorkspace, source: 'backup' as const, problem: 'workspace.json: damaged' }, loadResult: undefined, problem: 'workspace.json: damaged', files: ['mine.yaml', 'b.yaml'] },
    { name: 'a workspace without files', loaded: { workspace: { nope: 1 }, source: 'saved' as const }, loadResult: undefined, problem: 'the saved workspace has no files', files: ['seed.yaml'] },
  ])('reports $name and keeps what it could', async ({ loaded, loadResult, problem, files }) => {
    const s = setup(loaded, loadResult);
    await s.autosave.restoreAndStart();
    expect(s.autosave.problem).toContain(problem);
    expect(s.editor.files.map((f) => f.name)).toEqual(files);
  });
});

describe('autosave', () => {
  it('saves about a second after the files change, with the cluster snapshot and lab progress', async () => {
    const s = setup();
    await s.autosave.restoreAndStart();
    s.autosave.changed('files');
    await s.advance(AUTOSAVE_DELAY_MS);
    s.store.saved.length = 0;
    s.editor.setText(s.editor.files[0].id, 'changed\n');
    s.autosave.changed('files'); // in the app an $effect on editor.toJSON() calls this (e2e/persistence.spec.ts)
    expect(s.autosave.status).toBe('pending');
    await s.advance(AUTOSAVE_DELAY_MS - 1);
    expect(s.store.saved).toEqual([]);
    await s.advance(1);
    expect(s.store.saved).toEqual([{ editor: { files: [{ name: 'seed.yaml', text: 'changed\n', applied: 'kind: Pod\n' }], active: 0 }, cluster: SNAPSHOT, labs: { progress: 1 } }]);
    expect(s.autosave.status).toBe('saved');
  });

  it('typing without a pause still saves within the longest wait', async () => {
    const s = setup();
    await s.autosave.restoreAndStart();
    s.autosave.changed('files');
    await s.advance(AUTOSAVE_DELAY_MS);
    s.store.saved.length = 0;
    // A keystroke every 500 ms for 6 s: the one-second pause never comes.
    for (let t = 0; t < 6000; t += 500) {
      s.editor.setText(s.editor.files[0].id, `text ${t}`);
      s.autosave.changed('files');
      await s.advance(500);
    }
    expect(s.store.saved.length).toBe(1);
    expect(6000).toBeGreaterThan(AUTOSAVE_MAX_WAIT_MS);
  });

  it('re-reads the cluster only after it changed', async () => {
    const s = setup();
    await s.autosave.restoreAndStart();
    s.autosave.changed('files');
    await s.advance(AUTOSAVE_DELAY_MS);
    const count = () => s.requests.filter((r) => r.method === 'saveState').length;
    const first = count();
    s.editor.setText(s.editor.files[0].id, 'x');
    s.autosave.changed('files');
    await s.advance(AUTOSAVE_DELAY_MS);
    expect(count()).toBe(first);
    s.emit('changed', { resourceVersion: '9', now: 1, changes: [{ type: 'ADDED', kind: 'Pod', name: 'p', resourceVersion: '9' }] });
    await s.advance(AUTOSAVE_DELAY_MS);
    expect(count()).toBe(first + 1);
    s.emit('reset', { now: 2 });
    await s.advance(AUTOSAVE_DELAY_MS);
    expect(count()).toBe(first + 2);
  });

  it('saves at once when the page is left, and reports a failed save', async () => {
    const s = setup();
    await s.autosave.restoreAndStart();
    s.editor.setText(s.editor.files[0].id, 'last words');
    s.autosave.saveBeforeLeaving();
    await Promise.resolve();
    expect((s.store.saved.at(-1) as { editor: { files: { text: string }[] } }).editor.files[0].text).toBe('last words');
    s.store.failWith('disk full');
    s.autosave.saveBeforeLeaving();
    await Promise.resolve();
    expect(s.autosave.status).toBe('failed');
    expect(s.autosave.error).toBe('disk full');
  });

  it('saves nothing before the restore has finished (the seed files must not overwrite the save)', async () => {
    const s = setup({ workspace: savedWorkspace, source: 'saved' });
    s.autosave.changed('files');
    s.autosave.saveBeforeLeaving();
    await s.advance(AUTOSAVE_DELAY_MS * 2);
    expect(s.store.saved).toEqual([]);
  });
});

describe('after the engine restarted empty', () => {
  it('loads the last saved cluster into it again', async () => {
    const s = setup({ workspace: savedWorkspace, source: 'saved' });
    await s.autosave.restoreAndStart();
    s.requests.length = 0;
    await s.autosave.reloadCluster();
    expect(s.requests).toEqual([{ method: 'loadState', params: { snapshot: SNAPSHOT } }]);
  });

  it('with no saved cluster sends nothing', async () => {
    const s = setup();
    await s.autosave.restoreAndStart();
    s.requests.length = 0;
    await s.autosave.reloadCluster();
    expect(s.requests).toEqual([]);
  });
});
