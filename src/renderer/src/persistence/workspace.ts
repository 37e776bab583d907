/**
 * What is autosaved: the open editor files, the cluster (a ClusterSnapshot from `saveState`) and
 * lab progress. Plain JSON; `parseWorkspace` keeps what is well-formed of a stored value so one
 * damaged part never costs the others.
 */
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import type { EditorSnapshot } from '../features/editor/editor-state.svelte';

export interface Workspace {
  editor: EditorSnapshot;
  /** Absent until the cluster was first saved. Checked by the engine on load (loadState). */
  cluster?: ClusterSnapshot;
  /** Lab progress (LabState.toJSON), if labs exist. */
  labs?: unknown;
}

/** The parts of a stored value that look like a workspace (undefined: nothing usable). */
export function parseWorkspace(value: unknown): Workspace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const editor = v.editor as EditorSnapshot | undefined;
  if (typeof editor !== 'object' || editor === null || !Array.isArray(editor.files)) return undefined;
  return {
    editor,
    ...(typeof v.cluster === 'object' && v.cluster !== null ? { cluster: v.cluster as ClusterSnapshot } : {}),
    ...(v.labs !== undefined ? { labs: v.labs } : {}),
  };
}
