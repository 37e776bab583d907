/** The workspace channels: only our window's main frame may load or save. */
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc-contract';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from '../ipc';

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

const mainFrame = { name: 'main frame' };
const window = { webContentsId: 1, mainFrame };
const engine = { request: async () => null };
const ours = { sender: { id: 1 }, senderFrame: mainFrame };

function setup() {
  const saved: unknown[] = [];
  const workspace = {
    load: async () => ({ workspace: saved.at(-1), source: 'saved' as const }),
    save: async (w: unknown) => {
      saved.push(w);
      return { ok: true as const };
    },
  };
  const { ipcMain, handlers } = fakeIpcMain();
  const dispose = registerIpc(ipcMain, () => window, engine as never, { workspace });
  return { handlers, saved, dispose };
}

describe('workspace IPC', () => {
  it('saves and loads for our main frame', async () => {
    const { handlers, saved } = setup();
    await expect(handlers.get(IPC_CHANNELS.workspaceSave)!(ours, { files: ['a'] })).resolves.toEqual({ ok: true });
    expect(saved).toEqual([{ files: ['a'] }]);
    await expect(handlers.get(IPC_CHANNELS.workspaceLoad)!(ours)).resolves.toEqual({ workspace: { files: ['a'] }, source: 'saved' });
  });

  it.each([
    { name: 'a subframe', event: { sender: { id: 1 }, senderFrame: { name: 'iframe' } } },
    { name: 'another window', event: { sender: { id: 2 }, senderFrame: mainFrame } },
  ])('refuses $name and saves nothing', async ({ event }) => {
    const { handlers, saved } = setup();
    await expect(handlers.get(IPC_CHANNELS.workspaceSave)!(event, { files: [] })).rejects.toThrow('refused');
    await expect(handlers.get(IPC_CHANNELS.workspaceLoad)!(event)).rejects.toThrow('refused');
    expect(saved).toEqual([]);
  });

  it('without a workspace folder, loads nothing and reports saves as failed', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, () => window, engine as never);
    await expect(handlers.get(IPC_CHANNELS.workspaceLoad)!(ours)).resolves.toEqual({ source: 'none' });
    await expect(handlers.get(IPC_CHANNELS.workspaceSave)!(ours, {})).resolves.toEqual({ ok: false, error: 'no workspace folder' });
  });

  it('unregisters its channels', () => {
    const { handlers, dispose } = setup();
    dispose();
    expect(handlers.has(IPC_CHANNELS.workspaceLoad) || handlers.has(IPC_CHANNELS.workspaceSave)).toBe(false);
  });
});
