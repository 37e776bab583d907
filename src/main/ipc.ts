/**
 * Registers the IPC handlers of the contract. Every message must come from our window's main
 * frame (not an iframe, not another window); anything else is refused. ipcMain and the window
 * lookup are injected so this is tested in plain Node.
 */

import { IPC_CHANNELS, isAppLocale, isEngineMethod, type AppLocale } from '../shared/ipc-contract';
import type { EngineRequests } from '../shared/engine-protocol';
import type { WorkspaceLoadResult, WorkspaceSaveResult } from '../shared/workspace-types';
import { isSaveRequest, type OpenAnswer, type OpenKind, type SaveAnswer, type SaveRequest } from '../shared/file-types';

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

/** What main does for renderer messages other than engine requests. */
export interface MainActions {
  /** The UI language changed (`setLocale`): rebuild the native menu in it. */
  setLocale?: (locale: AppLocale) => void;
  /** The autosaved workspace (`workspaceLoad` / `workspaceSave`): src/main/persistence/workspace-store.ts. */
  workspace?: { load(): Promise<WorkspaceLoadResult>; save(workspace: unknown): Promise<WorkspaceSaveResult> };
  /** File ▸ Open / Open Folder / Save with the system dialogs: src/main/file-dialogs.ts. */
  files?: { openFiles(): Promise<OpenAnswer>; openFolder(): Promise<OpenAnswer>; save(request: SaveRequest): Promise<SaveAnswer> };
}

const OPEN_KINDS: readonly OpenKind[] = ['files', 'folder'];

export function registerIpc(ipcMain: IpcMainLike, getWindow: () => TrustedWindow | undefined, engine: EngineForwarder, actions: MainActions = {}): () => void {
  ipcMain.handle(IPC_CHANNELS.engineRequest, (event, method, params) => {
    if (!isTrustedSender(event, getWindow())) throw new Error('refused: not from the Service Lab window');
    if (!isEngineMethod(method)) throw new Error(`refused: unknown engine request ${JSON.stringify(method)}`);
    return engine.request(method, params as never);
  });
  ipcMain.handle(IPC_CHANNELS.setLocale, (event, locale) => {
    if (!isTrustedSender(event, getWindow())) throw new Error('refused: not from the Service Lab window');
    if (!isAppLocale(locale)) throw new Error(`refused: unknown locale ${JSON.stringify(locale)}`);
    actions.setLocale?.(locale);
  });
  ipcMain.handle(IPC_CHANNELS.workspaceLoad, async (event): Promise<WorkspaceLoadResult> => {
    if (!isTrustedSender(event, getWindow())) throw new Error('refused: not from the Service Lab window');
    return actions.workspace ? actions.workspace.load() : { source: 'none' };
  });
  ipcMain.handle(IPC_CHANNELS.workspaceSave, async (event, workspace): Promise<WorkspaceSaveResult> => {
    if (!isTrustedSender(event, getWindow())) throw new Error('refused: not from the Service Lab window');
    return actions.workspace ? actions.workspace.save(workspace) : { ok: false, error: 'no workspace folder' };
  });
  ipcMain.handle(IPC_CHANNELS.fileOpen, async (event, kind): Promise<OpenAnswer> => {
    if (!isTrustedSender(event, getWindow())) throw new Error('refused: not from the Service Lab window');
    if (!OPEN_KINDS.includes(kind as OpenKind)) throw new Error(`refused: unknown open kind ${JSON.stringify(kind)}`);
    if (!actions.files) return { canceled: true };
    return kind === 'folder' ? actions.files.openFolder() : actions.files.openFiles();
  });
  ipcMain.handle(IPC_CHANNELS.fileSave, async (event, request): Promise<SaveAnswer> => {
    if (!isTrustedSender(event, getWindow())) throw new Error('refused: not from the Service Lab window');
    if (!isSaveRequest(request)) throw new Error('refused: a save needs a name and a text');
    return actions.files ? actions.files.save(request) : { error: 'saving files is not available' };
  });
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.fileOpen);
    ipcMain.removeHandler(IPC_CHANNELS.fileSave);
    ipcMain.removeHandler(IPC_CHANNELS.engineRequest);
    ipcMain.removeHandler(IPC_CHANNELS.setLocale);
    ipcMain.removeHandler(IPC_CHANNELS.workspaceLoad);
    ipcMain.removeHandler(IPC_CHANNELS.workspaceSave);
  };
}
