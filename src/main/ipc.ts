/**
 * Registers the IPC handlers of the contract. Every message must come from our window's main
 * frame (not an iframe, not another window); anything else is refused. ipcMain and the window
 * lookup are injected so this is tested in plain Node.
 */

import { IPC_CHANNELS, isEngineMethod } from '../shared/ipc-contract';
import type { EngineRequests } from '../shared/engine-protocol';

/** The part of an IpcMainInvokeEvent we check. */
export interface InvokeEventLike {
  senderFrame: unknown;
  sender: { id: number };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface TrustedWindow {
  /** The webContents id of our main window. */
  webContentsId: number;
  /** Our window's main frame object (compared by identity). */
  mainFrame: unknown;
}

export interface EngineForwarder {
  request<M extends keyof EngineRequests>(method: M, params: EngineRequests[M]['input']): Promise<EngineRequests[M]['output']>;
}

export function isTrustedSender(event: InvokeEventLike, window: TrustedWindow | undefined): boolean {
  return !!window && event.sender.id === window.webContentsId && event.senderFrame === window.mainFrame;
}

export function registerIpc(ipcMain: IpcMainLike, getWindow: () => TrustedWindow | undefined, engine: EngineForwarder): () => void {
  ipcMain.handle(IPC_CHANNELS.engineRequest, (event, method, params) => {
    if (!isTrustedSender(event, getWindow())) throw new Error('refused: not from the Service Lab window');
    if (!isEngineMethod(method)) throw new Error(`refused: unknown engine request ${JSON.stringify(method)}`);
    return engine.request(method, params as never);
  });
  return () => ipcMain.removeHandler(IPC_CHANNELS.engineRequest);
}
