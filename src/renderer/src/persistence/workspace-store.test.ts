import { describe, expect, it } from 'vitest';
import { EditorState } from '../features/editor/editor-state.svelte';
import { WEB_WORKSPACE_KEY, webWorkspaceStore, type KeyValueStore } from './workspace-store';

/** localStorage with a quota. */
function storage(quota = Infinity): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      const used = [...items].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
      if (used + v.length > quota) throw new DOMException('quota', 'QuotaExceededError');
      items.set(k, v);
    },
  };
}

describe('web workspace store (localStorage)', () => {
  it('loads what it saved', async () => {
    const store = webWorkspaceStore(storage());
    expect(await store.load()).toEqual({ source: 'none' });
    await store.save({ n: 1 });
    expect(await store.load()).toEqual({ workspace: { n: 1 }, source: 'saved' });
  });

  it.each([
    { name: 'truncated', damage: (t: string) => t.slice(0, 10) },
    { name: 'replaced by other JSON', damage: () => '[1,2]' },
  ])('a $name save falls back to the previous one and says so', async ({ damage }) => {
    const s = storage();
    const store = webWorkspaceStore(s);
    await store.save({ n: 1 });
    await store.save({ n: 2 });
    s.items.set(WEB_WORKSPACE_KEY, damage(s.items.get(WEB_WORKSPACE_KEY)!));
    expect(await store.load()).toMatchObject({ workspace: { n: 1 }, source: 'backup', problem: expect.stringContaining('damaged') });
  });

  it('a save over the quota fails and the last good save stays', async () => {
    const s = storage(400);
    const store = webWorkspaceStore(s);
    await store.save({ n: 1 });
    const result = await store.save({ big: 'x'.repeat(1000) });
    expect(result.ok).toBe(false);
    expect((await store.load()).workspace).toEqual({ n: 1 });
  });
});

describe('EditorState toJSON / restore', () => {
  it('round-trips names, texts, applied state and the active tab', () => {
    const a = new EditorState([{ name: 'a.yaml', text: 'A' }, { name: 'b.yaml', text: 'B' }]);
    a.setText(a.files[1].id, 'B2');
    a.select(a.files[1].id);
    const b = new EditorState([{ name: 'seed.yaml', text: 'S' }]);
    expect(b.restore(JSON.parse(JSON.stringify(a.toJSON())))).toBe(true);
    expect(b.files.map((f) => [f.name, f.text, f.dirty])).toEqual([
      ['a.yaml', 'A', false],
      ['b.yaml', 'B2', true],
    ]);
    expect(b.active?.name).toBe('b.yaml');
  });

  it.each([
    { name: 'null', value: null },
    { name: 'files not a list', value: { files: 'x', active: 0 } },
    { name: 'a file without text', value: { files: [{ name: 'a', applied: '' }], active: 0 } },
  ])('refuses $name and keeps its files', ({ value }) => {
    const e = new EditorState([{ name: 'seed.yaml', text: 'S' }]);
    expect(e.restore(value)).toBe(false);
    expect(e.files.map((f) => f.name)).toEqual(['seed.yaml']);
  });
});
