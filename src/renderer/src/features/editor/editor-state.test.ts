import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditorState, type EditorFile } from './editor-state.svelte';
import { HEADLESS_PODS_YAML, HEADLESS_SERVICE_YAML } from './seed-files';

const two = (): EditorState =>
  new EditorState([
    { name: 'a.yaml', text: 'A' },
    { name: 'b.yaml', text: 'B' },
  ]);
const idOf = (s: EditorState, name: string): number => s.files.find((f) => f.name === name)!.id;
const names = (s: EditorState): string[] => s.files.map((f) => f.name);

describe('seed', () => {
  it('opens the Headless lab, service first and active, nothing dirty', () => {
    const s = new EditorState();
    expect(names(s)).toEqual(['headless-service.yaml', 'pods.yaml']);
    expect(s.activeName).toBe('headless-service.yaml');
    expect(s.activeText).toBe(HEADLESS_SERVICE_YAML);
    expect(s.files.some((f) => f.dirty)).toBe(false);
  });

  it.each([
    ['headless-service.yaml', HEADLESS_SERVICE_YAML],
    ['pods.yaml', HEADLESS_PODS_YAML],
  ])('inlined %s equals the lab file', (file, text) => {
    expect(text).toBe(readFileSync(resolve(import.meta.dirname, '../../../../../resources/labs/headless', file), 'utf8'));
  });
});

describe('add', () => {
  it.each([
    { name: 'a fresh name is kept', input: 'c.yaml', expected: 'c.yaml' },
    { name: 'a taken name gets a number before the extension', input: 'a.yaml', expected: 'a-2.yaml' },
    { name: 'an empty name becomes untitled.yaml', input: '  ', expected: 'untitled.yaml' },
    { name: 'a name without an extension is kept', input: 'notes', expected: 'notes' },
  ])('$name', ({ input, expected }) => {
    const s = two();
    const id = s.add(input, 'x');
    expect(s.active?.id).toBe(id);
    expect(s.activeName).toBe(expected);
  });

  it('numbers repeated adds of the same name', () => {
    const s = two();
    s.add('a.yaml');
    s.add('a.yaml');
    expect(names(s)).toEqual(['a.yaml', 'b.yaml', 'a-2.yaml', 'a-3.yaml']);
  });

  it('a new empty file is clean, a new file with text is dirty until applied', () => {
    const s = two();
    expect(s.files[s.files.length - 1].dirty).toBe(false);
    s.add('n.yaml', '');
    expect(s.active?.dirty).toBe(false);
    s.add('m.yaml', 'kind: Pod');
    expect(s.active?.dirty).toBe(true);
  });
});

describe('rename', () => {
  it.each([
    { name: 'a free name', to: 'c.yaml', problem: undefined, after: ['c.yaml', 'b.yaml'] },
    { name: 'surrounding spaces are trimmed', to: '  c.yaml ', problem: undefined, after: ['c.yaml', 'b.yaml'] },
    { name: 'its own name again', to: 'a.yaml', problem: undefined, after: ['a.yaml', 'b.yaml'] },
    { name: 'empty', to: ' ', problem: 'empty', after: ['a.yaml', 'b.yaml'] },
    { name: 'a path', to: 'dir/a.yaml', problem: 'invalid', after: ['a.yaml', 'b.yaml'] },
    { name: 'a control character', to: 'a\n.yaml', problem: 'invalid', after: ['a.yaml', 'b.yaml'] },
    { name: "another tab's name", to: 'b.yaml', problem: 'duplicate', after: ['a.yaml', 'b.yaml'] },
  ])('$name', ({ to, problem, after }) => {
    const s = two();
    const id = idOf(s, 'a.yaml');
    expect(s.rename(id, to)).toBe(problem);
    expect(names(s)).toEqual(after);
    expect(s.files[0].id).toBe(id);
  });
});

describe('text and dirty', () => {
  it.each([
    { name: 'an edit makes the file dirty', edits: ['A2'], applied: undefined, dirty: true },
    { name: 'editing back to the applied text is clean', edits: ['A2', 'A'], applied: undefined, dirty: false },
    { name: 'applying the current text cleans it', edits: ['A2'], applied: 'A2', dirty: false },
    { name: 'an edit after the apply is dirty again', edits: ['A2'], applied: 'A1', dirty: true },
  ])('$name', ({ edits, applied, dirty }) => {
    const s = two();
    const id = idOf(s, 'a.yaml');
    for (const e of edits) s.setText(id, e);
    if (applied !== undefined) s.markApplied(id, applied);
    expect(s.active?.dirty).toBe(dirty);
    expect(s.activeText).toBe(edits[edits.length - 1]);
  });

  it('ignores unknown ids', () => {
    const s = two();
    s.setText(99, 'x');
    s.select(99);
    expect(s.activeName).toBe('a.yaml');
  });
});

describe('close', () => {
  it.each([
    { name: 'a clean tab closes without asking', dirty: false, answer: undefined, closed: true, asked: 0 },
    { name: 'a dirty tab without a confirm stays open', dirty: true, answer: undefined, closed: false, asked: 0 },
    { name: 'a dirty tab closes when the user agrees', dirty: true, answer: true, closed: true, asked: 1 },
    { name: 'a dirty tab stays when the user refuses', dirty: true, answer: false, closed: false, asked: 1 },
  ])('$name', async ({ dirty, answer, closed, asked }) => {
    const s = two();
    const id = idOf(s, 'b.yaml');
    if (dirty) s.setText(id, 'B2');
    const seen: EditorFile[] = [];
    const confirm = answer === undefined ? undefined : (f: EditorFile): boolean => (seen.push(f), answer);
    expect(await s.close(id, confirm)).toBe(closed);
    expect(names(s).includes('b.yaml')).toBe(!closed);
    expect(seen.length).toBe(asked);
    if (asked) expect(seen[0].name).toBe('b.yaml');
  });

  it.each([
    { name: 'closing the active tab activates its left neighbour', close: 'c.yaml', active: 'c.yaml', after: 'b.yaml' },
    { name: 'closing the first active tab activates the next one', close: 'a.yaml', active: 'a.yaml', after: 'b.yaml' },
    { name: 'closing another tab keeps the active one', close: 'a.yaml', active: 'c.yaml', after: 'c.yaml' },
  ])('$name', async ({ close, active, after }) => {
    const s = two();
    s.add('c.yaml');
    s.select(idOf(s, active));
    await s.close(idOf(s, close));
    expect(s.activeName).toBe(after);
  });

  it('closing the last tab leaves no active file and empty text', async () => {
    const s = new EditorState([{ name: 'only.yaml', text: 'x' }]);
    await s.close(s.files[0].id);
    expect(s.files).toEqual([]);
    expect(s.active).toBeUndefined();
    expect(s.activeText).toBe('');
  });

  it('accepts an async confirm', async () => {
    const s = two();
    const id = idOf(s, 'a.yaml');
    s.setText(id, 'changed');
    expect(await s.close(id, async () => true)).toBe(true);
  });
});

describe('selectionOrAll', () => {
  it.each([
    { name: 'no provider: the whole text', provider: undefined, expected: 'A' },
    { name: 'an empty selection: the whole text', provider: () => '', expected: 'A' },
    { name: 'a blank selection: the whole text', provider: () => '  \n', expected: 'A' },
    { name: 'a selection: just it', provider: () => 'kind: Pod', expected: 'kind: Pod' },
  ])('$name', ({ provider, expected }) => {
    const s = two();
    s.setSelectionProvider(provider);
    expect(s.selectionOrAll()).toBe(expected);
  });
});

describe('selection start (Apply selection, marker placement)', () => {
  it.each([
    { name: 'nothing selected', start: undefined, has: false },
    { name: 'a selection from line 4', start: { line: 4, column: 1 }, has: true },
  ])('$name', ({ start, has }) => {
    const s = two();
    s.setSelectionStart(start);
    expect(s.hasSelection).toBe(has);
    expect(s.selectionStart).toEqual(start);
  });

  it('forgets the selection when another file becomes active', () => {
    const s = two();
    s.setSelectionStart({ line: 2, column: 3 });
    s.select(idOf(s, 'b.yaml'));
    expect(s.hasSelection).toBe(false);
  });
});

describe('delete request (toolbar confirmation)', () => {
  it('is asked for, then answered', () => {
    const s = two();
    expect(s.deleteRequested).toBe(false);
    s.requestDelete();
    expect(s.deleteRequested).toBe(true);
    s.endDeleteRequest();
    expect(s.deleteRequested).toBe(false);
  });

  it('is not asked for when no file is open', () => {
    const s = new EditorState([]);
    s.requestDelete();
    expect(s.deleteRequested).toBe(false);
  });
});
