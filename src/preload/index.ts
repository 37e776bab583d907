/**
 * The renderer's only door to main: one narrow global built from the IPC contract. No raw
 * ipcRenderer, no channel strings in the renderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { EngineRequests } from '../shared/engine-protocol';
import { IPC_CHANNELS, type EngineEventEnvelope, type EngineRestartNotice, type MenuCommand } from '../shared/ipc-contract';

const api = {
  /** Menu commands from main (File ▸ New, Edit ▸ Apply …). */
  onMenuCommand: (listener: (command: MenuCommand) => void): (() => void) => {
    const wrapped = (_event: unknown, command: MenuCommand): void => listener(command);
    ipcRenderer.on(IPC_CHANNELS.menuCommand, wrapped);
    return () => ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, wrapped);
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
