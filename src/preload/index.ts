/**
 * The renderer's only door to main: one narrow global built from the IPC contract. No raw
 * ipcRenderer, no channel strings in the renderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { EngineRequests } from '../shared/engine-protocol';
import type { WorkspaceLoadResult, WorkspaceSaveResult } from '../shared/workspace-types';
import type { OpenAnswer, OpenKind, SaveAnswer, SaveRequest } from '../shared/file-types';
import { IPC_CHANNELS, type AppLocale, type EngineEventEnvelope, type EngineRestartNotice, type MenuCommand } from '../shared/ipc-contract';

const api = {
  /** Menu commands from main (File ▸ New, Edit ▸ Apply …). */
  onMenuCommand: (listener: (command: MenuCommand) => void): (() => void) => {
    const wrapped = (_event: unknown, command: MenuCommand): void => listener(command);
    ipcRenderer.on(IPC_CHANNELS.menuCommand, wrapped);
    return () => ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, wrapped);
  },
  /** The UI language changed: main rebuilds the native menu in it. */
  setLocale: (locale: AppLocale): Promise<void> => ipcRenderer.invoke(IPC_CHANNELS.setLocale, locale),
  /** The autosaved workspace in the user data folder (open files, cluster, lab progress). */
  workspace: {
    load: (): Promise<WorkspaceLoadResult> => ipcRenderer.invoke(IPC_CHANNELS.workspaceLoad),
    save: (workspace: unknown): Promise<WorkspaceSaveResult> => ipcRenderer.invoke(IPC_CHANNELS.workspaceSave, workspace),
  },
  /** File ▸ Open… / Open Folder… / Save / Save As… with the system dialogs. */
  files: {
    open: (kind: OpenKind): Promise<OpenAnswer> => ipcRenderer.invoke(IPC_CHANNELS.fileOpen, kind),
    save: (request: SaveRequest): Promise<SaveAnswer> => ipcRenderer.invoke(IPC_CHANNELS.fileSave, request),
  },
  engine: {
    request: <M extends keyof EngineRequests>(method: M, params: EngineRequests[M]['input']): Promise<EngineRequests[M]['output']> =>
      ipcRenderer.invoke(IPC_CHANNELS.engineRequest, method, params),
    onEvent: (listener: (envelope: EngineEventEnvelope) => void): (() => void) => {
      const wrapped = (_event: unknown, envelope: EngineEventEnvelope): void => listener(envelope);
      ipcRenderer.on(IPC_CHANNELS.engineEvent, wrapped);
      return () => ipcRenderer.removeListener(IPC_CHANNELS.engineEvent, wrapped);
    },
    onRestarted: (listener: (notice: EngineRestartNotice) => void): (() => void) => {
      const wrapped = (_event: unknown, notice: EngineRestartNotice): void => listener(notice);
      ipcRenderer.on(IPC_CHANNELS.engineRestarted, wrapped);
      return () => ipcRenderer.removeListener(IPC_CHANNELS.engineRestarted, wrapped);
    },
  },
};

/** The renderer's type for `window.svclab`, derived from this object, never written by hand. */
export type SvclabApi = typeof api;

contextBridge.exposeInMainWorld('svclab', api);
