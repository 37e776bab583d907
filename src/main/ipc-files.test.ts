import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc-contract';
import type { SaveRequest } from '../shared/file-types';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from './ipc';

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: (channel) => void handlers.delete(channel) };
  return { ipcMain, handlers };
}

const mainFrame = {};
const ours = { sender: { id: 1 }, senderFrame: mainFrame };
const iframe = { sender: { id: 1 }, senderFrame: {} };
const engine = { request: async () => null };

function setup() {
  const calls: string[] = [];
  const saved: SaveRequest[] = [];
  const { ipcMain, handlers } = fakeIpcMain();
  registerIpc(ipcMain, () => ({ webContentsId: 1, mainFrame }), engine as never, {
    files: {
      openFiles: async () => (calls.push('files'), { canceled: true }),
      openFolder: async () => (calls.push('folder'), { canceled: true }),
      save: async (r) => (saved.push(r), { saved: true, path: `/x/${r.name}` }),
    },
  });
  return { calls, saved, open: handlers.get(IPC_CHANNELS.fileOpen)!, save: handlers.get(IPC_CHANNELS.fileSave)! };
}

describe('file ipc', () => {
  it.each([
    { kind: 'files', call: 'files' },
    { kind: 'folder', call: 'folder' },
  ])('opens $kind through the dialogs', async ({ kind, call }) => {
    const { calls, open } = setup();
    await open(ours, kind);
    expect(calls).toEqual([call]);
  });

  it.each([
    { what: 'an iframe', event: iframe, args: ['files'], error: 'refused: not from the Service Lab window' },
    { what: 'an unknown kind', event: ours, args: ['/etc'], error: 'refused: unknown open kind "/etc"' },
  ])('refuses an open from $what', async ({ event, args, error }) => {
    const { calls, open } = setup();
    await expect(open(event, ...args)).rejects.toThrow(error);
    expect(calls).toEqual([]);
  });

  it.each([
    { what: 'an iframe', event: iframe, request: { name: 'a.yaml', text: '' }, error: 'refused: not from the Service Lab window' },
    { what: 'a request without text', event: ours, request: { name: 'a.yaml' }, error: 'refused: a save needs a name and a text' },
    { what: 'a path that is not a string', event: ours, request: { name: 'a.yaml', text: '', path: 42 }, error: 'refused: a save needs a name and a text' },
  ])('refuses a save from $what', async ({ event, request, error }) => {
    const { saved, save } = setup();
    await expect(save(event, request)).rejects.toThrow(error);
    expect(saved).toEqual([]);
  });

  it('saves a well-formed request', async () => {
    const { saved, save } = setup();
    await expect(save(ours, { name: 'a.yaml', text: 'kind: Pod\n', path: '/x/a.yaml' })).resolves.toEqual({ saved: true, path: '/x/a.yaml' });
    expect(saved).toEqual([{ name: 'a.yaml', text: 'kind: Pod\n', path: '/x/a.yaml' }]);
  });
});
