/**
 * Wires persistence into the app once: the workspace store for this host (Electron's user data
 * folder, or localStorage in web mode), autosave with restore on start, saving when the page is
 * left, and the undo/reset state.
 */
import type { EngineClient } from '../../../shared/engine-protocol';
import type { EditorState } from '../features/editor/editor-state.svelte';
import { Autosave, saveOnLeave, type LabProgressHook } from './autosave.svelte';
import { HistoryState } from './history-state.svelte';
import { electronWorkspaceStore, webWorkspaceStore, type WorkspaceBridge, type WorkspaceStore } from './workspace-store';

/** The parts of the preload API used here. */
interface Bridge {
  workspace?: WorkspaceBridge;
  engine?: { onRestarted?: (listener: () => void) => () => void };
}
const bridge = (): Bridge | undefined => (window as { svclab?: Bridge }).svclab;

export function workspaceStoreForHost(): WorkspaceStore {
  const workspace = bridge()?.workspace;
  return workspace ? electronWorkspaceStore(workspace) : webWorkspaceStore(globalThis.localStorage);
}

export function createPersistence(deps: { client: EngineClient; editor: EditorState; labs?: LabProgressHook }): { autosave: Autosave; history: HistoryState } {
  const autosave = new Autosave({ store: workspaceStoreForHost(), ...deps });
  void autosave.restoreAndStart();
  saveOnLeave(autosave, window);
  // Electron restarts a dead engine worker empty: put the last saved cluster back into it.
  bridge()?.engine?.onRestarted?.(() => void autosave.reloadCluster());
  return { autosave, history: new HistoryState(deps.client) };
}
