/**
 * "Open in editor": a step's manifests become editor tabs named by file name. A tab of that name
 * is replaced (its id, model and undo stack stay), others are added; the first one is selected.
 */
import type { EditorState } from '../editor/editor-state.svelte';

/** Opens `names` from the lab's `files`; returns the names the lab does not have. */
export function openManifests(editor: EditorState, files: Record<string, string>, names: readonly string[]): string[] {
  const missing: string[] = [];
  let first: number | undefined;
  for (const name of names) {
    const text = files[name];
    if (text === undefined) {
      missing.push(name);
      continue;
    }
    const existing = editor.files.find((f) => f.name === name);
    const id = existing ? existing.id : editor.add(name, text);
    if (existing) editor.setText(id, text);
    first ??= id;
  }
  if (first !== undefined) editor.select(first);
  return missing;
}
