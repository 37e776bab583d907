/**
 * The workspace file (everything autosaved: open files, the cluster, lab progress) as it crosses
 * renderer ↔ main. Main stores the renderer's workspace as an opaque JSON value inside a
 * versioned envelope; the renderer validates what it gets back.
 */

export const WORKSPACE_FORMAT = 'svclab-workspace';
export const WORKSPACE_VERSION = 1;

/** The file on disk. */
export interface WorkspaceEnvelope {
  format: typeof WORKSPACE_FORMAT;
  version: typeof WORKSPACE_VERSION;
  workspace: unknown;
}

/** What loading found. `problem`: why the newest save could not be used (said to the user). */
export interface WorkspaceLoadResult {
  /** The last good workspace, if any. */
  workspace?: unknown;
  /** `saved`: the newest save; `backup`: the newest was unreadable, the previous good one was used; `none`: nothing usable. */
  source: 'saved' | 'backup' | 'none';
  problem?: string;
}

export type WorkspaceSaveResult = { ok: true } | { ok: false; error: string };

/** A workspace bigger than this is refused (a runaway journal, not a learner's files). */
export const WORKSPACE_MAX_BYTES = 64 * 1024 * 1024;

/** The workspace inside `text`, or why the text is not a workspace file. */
export function parseWorkspaceText(text: string): { workspace: unknown } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== WORKSPACE_FORMAT) return { error: 'not a Service Lab workspace' };
  const version = (value as { version?: unknown }).version;
  if (version !== WORKSPACE_VERSION) return { error: `workspace format version ${JSON.stringify(version)} (this version reads ${WORKSPACE_VERSION})` };
  if (!('workspace' in value)) return { error: 'the workspace is missing' };
  return { workspace: (value as WorkspaceEnvelope).workspace };
}
