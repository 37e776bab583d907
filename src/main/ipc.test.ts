import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc-contract';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from './ipc';

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
const forwarded: unknown[][] = [];
const engine = {
  request: async (method: string, params: unknown) => {
    forwarded.push([method, params]);
    return { ok: method };
  },
};

describe('ipc handlers', () => {
  it.each([
    { name: 'our main frame', event: { sender: { id: 1 }, senderFrame: mainFrame }, method: 'settle', expected: { ok: 'settle' } },
    { name: 'a subframe of our window', event: { sender: { id: 1 }, senderFrame: { name: 'iframe' } }, method: 'settle', expected: 'refused: not from the Service Lab window' },
    { name: 'another window', event: { sender: { id: 2 }, senderFrame: mainFrame }, method: 'settle', expected: 'refused: not from the Service Lab window' },
    { name: 'an unknown method', event: { sender: { id: 1 }, senderFrame: mainFrame }, method: 'eval', expected: 'refused: unknown engine request "eval"' },
  ])('a request from $name', async ({ event, method, expected }) => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, () => window, engine as never);
    const handler = handlers.get(IPC_CHANNELS.engineRequest)!;
    if (typeof expected === 'string') {
      expect(() => handler(event, method, null)).toThrow(expected);
    } else {
      await expect(handler(event, method, null)).resolves.toEqual(expected);
    }
  });

  it('refuses everything before the window exists and unregisters cleanly', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispose = registerIpc(ipcMain, () => undefined, engine as never);
    expect(() => handlers.get(IPC_CHANNELS.engineRequest)!({ sender: { id: 1 }, senderFrame: mainFrame }, 'settle', null)).toThrow('refused');
    dispose();
    expect(handlers.size).toBe(0);
  });
});
