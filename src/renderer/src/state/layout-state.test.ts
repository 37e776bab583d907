import { describe, expect, it } from 'vitest';
import { LayoutState, type KeyValueStorage } from './layout-state.svelte';

const memory = (initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } => {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
};

describe('layout state', () => {
  it('remembers pane sizes, view, theme and language across starts', () => {
    const storage = memory();
    const first = new LayoutState(storage);
    first.setEditorWidth(0.5);
    first.setTerminalHeight(0.25);
    first.setView('dns');
    first.setTheme('light');
    first.setLocale('en');
    const second = new LayoutState(storage);
    expect([second.editorWidth, second.terminalHeight, second.view, second.theme, second.locale]).toEqual([0.5, 0.25, 'dns', 'light', 'en']);
  });

  it.each(['topology', 'dns', 'objects'] as const)('remembers the %s view', (view) => {
    const storage = memory();
    new LayoutState(storage).setView(view);
    expect(new LayoutState(storage).view).toBe(view);
  });

  it('remembers the lab column: open and its width (clamped)', () => {
    const storage = memory();
    const first = new LayoutState(storage);
    expect([first.labsOpen, first.labsWidth]).toEqual([false, 0.24]);
    first.setLabsOpen(true);
    first.setLabsWidth(0.9);
    const second = new LayoutState(storage);
    expect([second.labsOpen, second.labsWidth]).toEqual([true, 0.45]);
  });

  it('remembers presentation mode across starts, and leaving it', () => {
    const storage = memory();
    new LayoutState(storage).togglePresentation();
    const second = new LayoutState(storage);
    expect(second.presentation).toBe(true);
    second.setPresentation(false);
    expect(new LayoutState(storage).presentation).toBe(false);
  });

  it('ignores a presentation flag of the wrong type', () => {
    expect(new LayoutState(memory({ 'svclab.layout.v1': '{"presentation":"yes"}' })).presentation).toBe(false);
  });

  it.each([
    { name: 'a pane dragged too small', width: 0.01, expected: 0.2 },
    { name: 'a pane dragged too wide', width: 0.99, expected: 0.7 },
    { name: 'a NaN from a bad drag', width: Number.NaN, expected: 0.2 },
  ])('clamps $name', ({ width, expected }) => {
    const layout = new LayoutState(memory());
    layout.setEditorWidth(width);
    expect(layout.editorWidth).toBe(expected);
  });

  it.each([
    { name: 'corrupt JSON', stored: '{nope' },
    { name: 'values of the wrong type', stored: '{"view":"sideways","theme":3,"editorWidth":"wide"}' },
  ])('ignores $name and starts from defaults', ({ stored }) => {
    const layout = new LayoutState(memory({ 'svclab.layout.v1': stored }), { locale: 'ko' });
    expect([layout.view, layout.theme, layout.editorWidth, layout.locale]).toEqual(['topology', 'dark', 0.38, 'ko']);
  });
});
