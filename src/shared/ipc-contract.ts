/**
 * The one channel map between renderer and main. The preload builds its narrow API from this and
 * main registers exactly these handlers; no other channel strings exist anywhere.
 */

import type { EngineEvents, EngineRequests } from './engine-protocol';

export const IPC_CHANNELS = {
  /** renderer → main (invoke): forward one engine request to the worker. */
  engineRequest: 'svclab:engine-request',
  /** main → renderer: an engine event. */
  engineEvent: 'svclab:engine-event',
  /** main → renderer: the engine worker stopped and was restarted (the UI re-reads its state). */
  engineRestarted: 'svclab:engine-restarted',
  /** main → renderer: a menu command (File ▸ New, View ▸ Theme …) for the renderer to carry out. */
  menuCommand: 'svclab:menu-command',
  /** renderer → main (invoke): the UI language changed; main rebuilds the native menu in it. */
  setLocale: 'svclab:set-locale',
  /** renderer → main (invoke): the last good autosaved workspace (src/main/persistence). */
  workspaceLoad: 'svclab:workspace-load',
  /** renderer → main (invoke): autosave the workspace to the user data folder, atomically. */
  workspaceSave: 'svclab:workspace-save',
  /** renderer → main (invoke): File ▸ Open… / Open Folder… through the system dialog. */
  fileOpen: 'svclab:file-open',
  /** renderer → main (invoke): File ▸ Save / Save As…, written atomically. */
  fileSave: 'svclab:file-save',
} as const;

/** The UI languages (Korean first). */
export const APP_LOCALES = ['ko', 'en'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value);
}

/** Menu commands main forwards to the renderer. */
export const MENU_COMMANDS = ['file.new', 'file.open', 'file.openFolder', 'file.save', 'file.saveAs', 'file.export', 'edit.apply', 'edit.deleteObjects', 'edit.undoApply', 'edit.resetCluster', 'view.topology', 'view.dns', 'view.objects', 'view.terminal', 'view.presentation', 'view.theme.light', 'view.theme.dark', 'view.language.ko', 'view.language.en', 'help.about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Engine request names the renderer may send (checked by main before forwarding). */
export const ENGINE_METHODS: readonly (keyof EngineRequests)[] = ['hello', 'apply', 'deleteManifest', 'get', 'list', 'advance', 'settle', 'dnsTable', 'lookup', 'snapshot', 'shellRun', 'shellPrompt', 'objectTables', 'objectYaml', 'shellComplete', 'labLoad', 'labCheck', 'labExport', 'labStart', 'saveState', 'loadState', 'undoLastApply', 'reset'];

export function isEngineMethod(value: unknown): value is keyof EngineRequests {
  return typeof value === 'string' && (ENGINE_METHODS as readonly string[]).includes(value);
}

export interface EngineEventEnvelope<E extends keyof EngineEvents = keyof EngineEvents> {
  event: E;
  payload: EngineEvents[E];
}

export interface EngineRestartNotice {
  reason: string;
  restarts: number;
}
