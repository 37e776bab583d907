/**
 * Where the workspace is kept: in Electron, the user data folder through main (atomic writes and
 * a backup copy, src/main/persistence); in web mode, the page's localStorage, with the same
 * envelope and the same fall back to the previous good save.
 */
import { parseWorkspaceText, WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceLoadResult, type WorkspaceSaveResult } from '../../../shared/workspace-types';

export interface WorkspaceStore {
  load(): Promise<WorkspaceLoadResult>;
  save(workspace: unknown): Promise<WorkspaceSaveResult>;
}

/** The preload's workspace API (window.svclab.workspace). */
export interface WorkspaceBridge {
  load(): Promise<WorkspaceLoadResult>;
  save(workspace: unknown): Promise<WorkspaceSaveResult>;
}

export function electronWorkspaceStore(bridge: WorkspaceBridge): WorkspaceStore {
  return {
    load: () => bridge.load().catch((error: unknown) => ({ source: 'none' as const, problem: String(error instanceof Error ? error.message : error) })),
    save: (workspace) => bridge.save(JSON.parse(JSON.stringify(workspace))).catch((error: unknown) => ({ ok: false as const, error: String(error instanceof Error ? error.message : error) })),
  };
}

/** The localStorage subset used. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const WEB_WORKSPACE_KEY = 'svclab.workspace';
const BACKUP_KEY = `${WEB_WORKSPACE_KEY}.bak`;

/** Web mode: one key per copy (setItem replaces a value whole, so a write is never half done). */
export function webWorkspaceStore(storage: KeyValueStore): WorkspaceStore {
  const read = (key: string): { workspace: unknown } | { error: string; missing: boolean } => {
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch (error) {
      return { error: `unreadable (${String(error)})`, missing: false };
    }
    if (text === null) return { error: 'no saved workspace', missing: true };
    const parsed = parseWorkspaceText(text);
    return 'error' in parsed ? { error: `damaged: ${parsed.error}`, missing: false } : parsed;
  };
  return {
    load: async () => {
      const current = read(WEB_WORKSPACE_KEY);
      if ('workspace' in current) return { workspace: current.workspace, source: 'saved' };
      const backup = read(BACKUP_KEY);
      if ('workspace' in backup) return { workspace: backup.workspace, source: 'backup', problem: `${current.error}; the previous save was restored` };
      return current.missing && backup.missing ? { source: 'none' } : { source: 'none', problem: current.error };
    },
    save: async (workspace) => {
      try {
        const text = JSON.stringify({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, workspace });
        const previous = storage.getItem(WEB_WORKSPACE_KEY);
        try {
          if (previous !== null && previous !== text && 'workspace' in parseWorkspaceText(previous)) storage.setItem(BACKUP_KEY, previous);
        } catch {
          // No room for a second copy: the save itself matters more than the backup.
        }
        storage.setItem(WEB_WORKSPACE_KEY, text);
        return { ok: true };
      } catch (error) {
        // QuotaExceededError: the last good save stays as it was.
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
