/**
 * The workspace file in the user data folder: `workspace.json`, and `workspace.json.bak`, the
 * previous good save. Each save first copies the current file to the backup (only when it reads
 * as a good workspace, so a damaged file never replaces a good backup), then replaces it
 * atomically. Loading takes the newest good one and says what happened when it had to fall back.
 * Saves are serialized: a second save waits for the first.
 */

import { join } from 'node:path';
import { parseWorkspaceText, WORKSPACE_FORMAT, WORKSPACE_MAX_BYTES, WORKSPACE_VERSION, type WorkspaceEnvelope, type WorkspaceLoadResult, type WorkspaceSaveResult } from '../../shared/workspace-types';
import { atomicWrite, type FsLike } from './atomic-write';

export const WORKSPACE_FILE = 'workspace.json';

export class WorkspaceStore {
  readonly path: string;
  readonly backupPath: string;
  #fs: FsLike;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(fs: FsLike, folder: string) {
    this.#fs = fs;
    this.path = join(folder, WORKSPACE_FILE);
    this.backupPath = `${this.path}.bak`;
  }

  /** The last good workspace. Never throws. */
  async load(): Promise<WorkspaceLoadResult> {
    const current = await this.#read(this.path);
    if ('workspace' in current) return { workspace: current.workspace, source: 'saved' };
    const backup = await this.#read(this.backupPath);
    if ('workspace' in backup) return { workspace: backup.workspace, source: 'backup', problem: `${this.path}: ${current.error}; the previous save was restored` };
    if (current.missing && backup.missing) return { source: 'none' };
    return { source: 'none', problem: `${this.path}: ${current.error}${backup.missing ? '' : `; ${this.backupPath}: ${backup.error}`}` };
  }

  /** Saves `workspace` (any JSON value). Never throws: a failure is reported and the last good save stays. */
  save(workspace: unknown): Promise<WorkspaceSaveResult> {
    const run = this.#queue.then(() => this.#save(workspace));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #save(workspace: unknown): Promise<WorkspaceSaveResult> {
    let text: string;
    try {
      const envelope: WorkspaceEnvelope = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, workspace };
      text = JSON.stringify(envelope);
    } catch (error) {
      return { ok: false, error: `the workspace is not JSON data (${error instanceof Error ? error.message : String(error)})` };
    }
    if (text === undefined) return { ok: false, error: 'the workspace is not JSON data' };
    if (text.length > WORKSPACE_MAX_BYTES) return { ok: false, error: `the workspace is too large (${text.length} bytes; at most ${WORKSPACE_MAX_BYTES})` };
    try {
      const previous = await this.#fs.readFile(this.path, 'utf8').catch(() => undefined);
      if (previous !== undefined && previous !== text && 'workspace' in parseWorkspaceText(previous)) await atomicWrite(this.#fs, this.backupPath, previous);
      await atomicWrite(this.#fs, this.path, text);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: `could not save ${this.path}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  async #read(path: string): Promise<{ workspace: unknown } | { error: string; missing: boolean }> {
    let text: string;
    try {
      text = await this.#fs.readFile(path, 'utf8');
    } catch (error) {
      const missing = (error as { code?: unknown }).code === 'ENOENT';
      return { error: missing ? 'no saved workspace' : `unreadable (${error instanceof Error ? error.message : String(error)})`, missing };
    }
    const parsed = parseWorkspaceText(text);
    return 'error' in parsed ? { error: `damaged: ${parsed.error}`, missing: false } : parsed;
  }
}
