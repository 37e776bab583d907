import { describe, expect, it } from 'vitest';
import type { OpenAnswer, SaveAnswer, SaveRequest } from '../../../shared/file-types';
import { EditorState } from '../features/editor/editor-state.svelte';
import { FileCommands, type FileNotice, type FilesBridge, type WebFiles } from './file-commands';

function setup(bridge?: Partial<FilesBridge>, picked: { name: string; text: string }[] = []) {
  const editor = new EditorState([{ name: 'pods.yaml', text: 'kind: Pod\n' }]);
  const notices: FileNotice[] = [];
  const downloads: { name: string; text: string }[] = [];
  const saves: SaveRequest[] = [];
  const web: WebFiles = { pick: async () => picked.map((p) => ({ name: p.name, text: async () => p.text })), download: (name, text) => downloads.push({ name, text }) };
  const full: FilesBridge | undefined = bridge && {
    open: bridge.open ?? (async () => ({ canceled: true })),
    save: async (r) => (saves.push(r), bridge.save ? bridge.save(r) : { canceled: true }),
  };
  return { editor, notices, downloads, saves, files: new FileCommands(editor, full, web, (n) => notices.push(n)) };
}

const OPENED: OpenAnswer = {
  canceled: false,
  files: [
    { name: 'svc.yaml', path: '/labs/svc.yaml', text: 'kind: Service\n' },
    { name: 'pods.yaml', path: '/labs/pods.yaml', text: 'kind: Pod\n' },
  ],
  skipped: [{ path: '/labs/huge.yaml', reason: 'larger than 4 MiB' }],
};

describe('File ▸ Open', () => {
  it('opens each file as a clean tab named by the file, and reports what was skipped', async () => {
    const { editor, notices, files } = setup({ open: async () => OPENED });
    await files.open('folder');
    expect(editor.files.map((f) => [f.name, f.dirty])).toEqual([['pods.yaml', false], ['svc.yaml', false], ['pods-2.yaml', false]]);
    expect(notices).toEqual([{ kind: 'opened', count: 2 }, { kind: 'skipped', paths: ['/labs/huge.yaml: larger than 4 MiB'] }]);
  });

  it('shows the tab of a file already open from the same path instead of opening it twice', async () => {
    const { editor, files } = setup({ open: async () => OPENED });
    await files.open('files');
    await files.open('files');
    expect(editor.files).toHaveLength(3);
  });

  it.each([
    { what: 'a cancelled dialog', open: async (): Promise<OpenAnswer> => ({ canceled: true }), notices: [] },
    { what: 'a failed dialog', open: async (): Promise<OpenAnswer> => Promise.reject(new Error('dialog failed')), notices: [{ kind: 'skipped', paths: ['dialog failed'] }] },
  ])('changes nothing after $what', async ({ open, notices: want }) => {
    const { editor, notices, files } = setup({ open });
    await files.open('files');
    expect(editor.files.map((f) => f.name)).toEqual(['pods.yaml']);
    expect(notices).toEqual(want);
  });

  it('in web mode opens the picked folder’s manifests only', async () => {
    const { editor, files } = setup(undefined, [
      { name: 'svc.yaml', text: 'a' },
      { name: 'README.md', text: 'b' },
      { name: 'list.json', text: 'c' },
    ]);
    await files.open('folder');
    expect(editor.files.map((f) => f.name)).toEqual(['pods.yaml', 'svc.yaml', 'list.json']);
  });
});

describe('File ▸ Save', () => {
  it.each<{ what: string; ask: boolean; answer: SaveAnswer; name: string; notice: FileNotice }>([
    { what: 'Save As under a new name renames the tab', ask: true, answer: { saved: true, path: '/work/renamed.yaml' }, name: 'renamed.yaml', notice: { kind: 'saved', path: '/work/renamed.yaml' } },
    { what: 'a failed save keeps the tab and says why', ask: false, answer: { error: 'EROFS: read-only file system' }, name: 'pods.yaml', notice: { kind: 'saveFailed', error: 'EROFS: read-only file system' } },
  ])('$what', async ({ ask, answer, name, notice }) => {
    const { editor, notices, files } = setup({ save: async () => answer });
    await files.save(ask);
    expect(editor.active?.name).toBe(name);
    expect(notices).toEqual([notice]);
  });

  it('saves back to the path a tab was opened from, then to where it was saved', async () => {
    const { editor, saves, files } = setup({ open: async () => OPENED, save: async (r) => ({ saved: true, path: r.path ?? '/work/new.yaml' }) });
    await files.open('files');
    const svc = editor.files.find((f) => f.name === 'svc.yaml')!;
    editor.select(svc.id);
    await files.save(false);
    editor.select(editor.files[0].id);
    await files.save(false);
    await files.save(false);
    expect(saves.map((s) => [s.name, s.path])).toEqual([
      ['svc.yaml', '/labs/svc.yaml'],
      ['pods.yaml', undefined],
      ['new.yaml', '/work/new.yaml'],
    ]);
  });

  it('in web mode downloads the active file', async () => {
    const { downloads, files } = setup();
    await files.save(false);
    expect(downloads).toEqual([{ name: 'pods.yaml', text: 'kind: Pod\n' }]);
  });
});
