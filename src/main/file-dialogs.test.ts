import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveAnswer } from '../shared/file-types';
import { createFileDialogs, MAX_FILE_BYTES, type DialogLike, type FilesFs } from './file-dialogs';

/** An in-memory disk: paths to texts; `unreadable` paths fail like EACCES. */
function memoryFs(files: Record<string, string>, unreadable: string[] = []): FilesFs & { written: Record<string, string> } {
  const written: Record<string, string> = {};
  return {
    written,
    readFile: async (p) => {
      if (unreadable.includes(p)) throw new Error(`EACCES: permission denied, open '${p}'`);
      if (!(p in files)) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      return files[p];
    },
    readdir: async (dir) => Object.keys(files).filter((p) => p.startsWith(dir + '/') && !p.slice(dir.length + 1).includes('/')).map((p) => p.slice(dir.length + 1)),
    stat: async (p) => {
      if (p in files) return { isFile: () => true, size: files[p].length };
      if (Object.keys(files).some((f) => f.startsWith(p + '/'))) return { isFile: () => false, size: 0 };
      throw new Error(`ENOENT: no such file or directory, stat '${p}'`);
    },
    writeFile: async (p, text) => {
      if (p.startsWith('/readonly/')) throw new Error(`EROFS: read-only file system, open '${p}'`);
      written[p] = text;
    },
  };
}

function fakeDialog(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string } = { canceled: true }): DialogLike & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    showOpenDialog: async (o) => (asked.push(o), open),
    showSaveDialog: async (o) => (asked.push(o), save),
  };
}

const DISK = {
  '/labs/headless/headless-service.yaml': 'kind: Service\n',
  '/labs/headless/pods.yaml': 'kind: Pod\n',
  '/labs/headless/notes.txt': 'not a manifest',
  '/labs/headless/lab.json': '{"kind":"List"}',
  '/labs/headless/sub/deep.yaml': 'kind: Pod\n',
  '/labs/huge.yaml': 'x'.repeat(MAX_FILE_BYTES + 1),
  '/labs/secret.yaml': 'kind: Secret\n',
};

describe('file dialogs', () => {
  it.each([
    {
      what: 'opens the picked files with their paths',
      picked: ['/labs/headless/pods.yaml'],
      want: { canceled: false, files: [{ name: 'pods.yaml', path: '/labs/headless/pods.yaml', text: 'kind: Pod\n' }], skipped: [] },
    },
    {
      what: 'skips an oversized file and an unreadable one, saying why, and opens the rest',
      picked: ['/labs/huge.yaml', '/labs/secret.yaml', '/labs/headless/pods.yaml'],
      want: {
        canceled: false,
        files: [{ name: 'pods.yaml', path: '/labs/headless/pods.yaml', text: 'kind: Pod\n' }],
        skipped: [
          { path: '/labs/huge.yaml', reason: 'larger than 4 MiB' },
          { path: '/labs/secret.yaml', reason: "EACCES: permission denied, open '/labs/secret.yaml'" },
        ],
      },
    },
    { what: 'does nothing when the dialog is cancelled', picked: null, want: { canceled: true } },
  ])('$what', async ({ picked, want }) => {
    const dialogs = createFileDialogs(fakeDialog({ canceled: picked === null, filePaths: picked ?? [] }), memoryFs(DISK, ['/labs/secret.yaml']));
    expect(await dialogs.openFiles()).toEqual(want);
  });

  it('opens a folder as kubectl apply -f DIR reads it: manifests only, not recursive, by name', async () => {
    const dialogs = createFileDialogs(fakeDialog({ canceled: false, filePaths: ['/labs/headless'] }), memoryFs(DISK));
    const answer = await dialogs.openFolder();
    expect(answer.canceled === false && answer.files.map((f) => f.name)).toEqual(['headless-service.yaml', 'lab.json', 'pods.yaml']);
  });

  it('reports a folder it cannot list instead of throwing', async () => {
    const fs = memoryFs(DISK);
    fs.readdir = async () => Promise.reject(new Error('EACCES: permission denied, scandir'));
    const answer = await createFileDialogs(fakeDialog({ canceled: false, filePaths: ['/labs'] }), fs).openFolder();
    expect(answer).toEqual({ canceled: false, files: [], skipped: [{ path: '/labs', reason: 'EACCES: permission denied, scandir' }] });
  });

  it.each([
    { what: 'Save writes back to the path the file came from without asking', request: { name: 'pods.yaml', text: 'v2', path: '/labs/headless/pods.yaml' }, dialog: { canceled: true }, want: { saved: true, path: '/labs/headless/pods.yaml' }, asks: 0 },
    { what: 'Save of a new file asks where', request: { name: 'new.yaml', text: 'v1' }, dialog: { canceled: false, filePath: join('/work', 'new.yaml') }, want: { saved: true, path: '/work/new.yaml' }, asks: 1 },
    { what: 'Save As asks even when the path is known', request: { name: 'pods.yaml', text: 'v3', path: '/labs/headless/pods.yaml', ask: true }, dialog: { canceled: false, filePath: '/work/copy.yaml' }, want: { saved: true, path: '/work/copy.yaml' }, asks: 1 },
    { what: 'a cancelled Save As writes nothing', request: { name: 'new.yaml', text: 'v1' }, dialog: { canceled: true }, want: { canceled: true }, asks: 1 },
    { what: 'a failed write is reported, not thrown', request: { name: 'x.yaml', text: 'v1', path: '/readonly/x.yaml' }, dialog: { canceled: true }, want: { error: "EROFS: read-only file system, open '/readonly/x.yaml'" }, asks: 0 },
  ] as { what: string; request: { name: string; text: string; path?: string; ask?: boolean }; dialog: { canceled: boolean; filePath?: string }; want: SaveAnswer; asks: number }[])('$what', async ({ request, dialog, want, asks }) => {
    const fs = memoryFs(DISK);
    const fake = fakeDialog({ canceled: true, filePaths: [] }, dialog);
    expect(await createFileDialogs(fake, fs).save(request)).toEqual(want);
    expect(fake.asked).toHaveLength(asks);
    if ('saved' in want) expect(fs.written[want.path]).toBe(request.text);
    else expect(fs.written).toEqual({});
  });
});
