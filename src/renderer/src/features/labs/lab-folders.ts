/**
 * Lab folders as file maps: the bundled `resources/labs/<id>/*` (from Vite's glob, keyed by path)
 * and a teacher's folder picked with `<input webkitdirectory>`. Only a folder's own files count
 * (subfolders are not part of a lab); `transcript.txt` is the CLI's golden output, not lab data.
 */

/** Files a lab never needs. */
const SKIPPED = new Set(['transcript.txt']);
/** A lab file is a small text file; anything bigger is not read (and so cannot stall the app). */
export const MAX_LAB_FILE_BYTES = 1_000_000;

/** Groups `…/labs/<id>/<file>` paths into `{ id: { file: text } }`. */
export function groupLabFiles(byPath: Record<string, string>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [path, text] of Object.entries(byPath)) {
    const parts = path.split('/');
    const [id, name] = parts.slice(-2);
    if (!id || !name || SKIPPED.has(name)) continue;
    (out[id] ??= {})[name] = text;
  }
  return out;
}

/** What a directory picker gave: a File and its path relative to the picked folder's parent. */
export interface PickedFile {
  name: string;
  /** `folder/file.yaml` (`webkitRelativePath`). */
  path: string;
  size: number;
  text(): Promise<string>;
}

/** Reads a picked lab folder: its name and its top-level files. */
export async function readLabFolder(picked: readonly PickedFile[]): Promise<{ folder: string; files: Record<string, string> }> {
  const files: Record<string, string> = {};
  let folder = '';
  for (const file of picked) {
    const parts = (file.path || file.name).split('/');
    folder ||= parts.length > 1 ? parts[0] : '';
    if (parts.length > 2 || SKIPPED.has(file.name) || file.name.startsWith('.') || file.size > MAX_LAB_FILE_BYTES) continue;
    files[file.name] = await file.text();
  }
  return { folder: folder || 'lab', files };
}
