import { describe, expect, it } from 'vitest';
import { EditorState } from '../editor/editor-state.svelte';
import { openManifests } from './open-manifests';

const files = { 'svc.yaml': 'kind: Service\n', 'pods.yaml': 'kind: Pod\n' };

describe('open manifests', () => {
  it.each([
    {
      name: 'adds missing tabs and selects the first manifest',
      seed: [{ name: 'notes.yaml', text: 'x' }],
      names: ['svc.yaml', 'pods.yaml'],
      tabs: [
        ['notes.yaml', 'x'],
        ['svc.yaml', 'kind: Service\n'],
        ['pods.yaml', 'kind: Pod\n'],
      ],
      active: 'svc.yaml',
    },
    {
      name: 'replaces the text of a tab of the same name in place',
      seed: [
        { name: 'svc.yaml', text: 'old' },
        { name: 'other.yaml', text: 'y' },
      ],
      names: ['svc.yaml'],
      tabs: [
        ['svc.yaml', 'kind: Service\n'],
        ['other.yaml', 'y'],
      ],
      active: 'svc.yaml',
    },
  ])('$name', ({ seed, names, tabs, active }) => {
    const editor = new EditorState(seed);
    expect(openManifests(editor, files, names)).toEqual([]);
    expect(editor.files.map((f) => [f.name, f.text])).toEqual(tabs);
    expect(editor.activeName).toBe(active);
  });

  it('reports a manifest the lab does not have and opens the rest', () => {
    const editor = new EditorState([]);
    expect(openManifests(editor, files, ['nope.yaml', 'pods.yaml'])).toEqual(['nope.yaml']);
    expect(editor.files.map((f) => f.name)).toEqual(['pods.yaml']);
  });

  it('leaves an opened manifest unapplied (dirty) until the learner applies it', () => {
    const editor = new EditorState([]);
    openManifests(editor, files, ['svc.yaml']);
    expect(editor.active?.dirty).toBe(true);
  });
});
