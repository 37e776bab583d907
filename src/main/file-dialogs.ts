/**
 * File ▸ Open…, Open Folder…, Save, Save As… with the system's dialogs. Electron's dialog and the
 * file system are injected, so every path (cancel, unreadable file, oversized file, a folder with
 * no manifests) is tested in plain Node. Nothing here throws to the renderer: each answer says
 * what happened, and what could not be read is listed with the reason.
 */
import { basename, extname, join } from 'node:path';
import type { OpenAnswer, OpenedFile, SaveAnswer, SaveRequest } from '../shared/file-types';

/** The parts of Electron's `dialog` used here (the window argument is bound by the caller). */
export interface DialogLike {
  showOpenDialog(options: { title?: string; properties: ('openFile' | 'openDirectory' | 'multiSelections')[]; filters?: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: { title?: string; defaultPath?: string; filters?: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

/** The parts of node:fs/promises used here; `writeFile` is the atomic writer (temp file + rename). */
export interface FilesFs {
  readFile(path: string): Promise<string>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ isFile(): boolean; size: number }>;
  writeFile(path: string, text: string): Promise<void>;
}


/** What a manifest file may be called (kubectl apply -f DIR reads .json, .yaml and .yml). */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** The engine refuses a document over 1 MiB; a file far larger is not a manifest a learner wrote. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const FILTERS = [{ name: 'Kubernetes manifests', extensions: ['yaml', 'yml', 'json'] }];

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function readEach(fs: FilesFs, paths: readonly string[]): Promise<{ files: OpenedFile[]; skipped: { path: string; reason: string }[] }> {
  const files: OpenedFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const path of paths) {
    try {
      const info = await fs.stat(path);
      if (!info.isFile()) continue;
      if (info.size > MAX_FILE_BYTES) {
        skipped.push({ path, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` });
        continue;
      }
      files.push({ name: basename(path), path, text: await fs.readFile(path) });
    } catch (error) {
      skipped.push({ path, reason: message(error) });
    }
  }
  return { files, skipped };
}

export function createFileDialogs(dialog: DialogLike, fs: FilesFs) {
  return {
    /** Open… : one or more manifest files. */
    async openFiles(): Promise<OpenAnswer> {
      const picked = await dialog.showOpenDialog({ properties: ['openFile', 'multiSelections'], filters: FILTERS });
      if (picked.canceled || picked.filePaths.length === 0) return { canceled: true };
      return { canceled: false, ...(await readEach(fs, picked.filePaths)) };
    },

    /** Open Folder… : the folder's manifests, as `kubectl apply -f DIR` would read them (not recursive, sorted by name). */
    async openFolder(): Promise<OpenAnswer> {
      const picked = await dialog.showOpenDialog({ properties: ['openDirectory'] });
      if (picked.canceled || picked.filePaths.length === 0) return { canceled: true };
      const dir = picked.filePaths[0];
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        return { canceled: false, files: [], skipped: [{ path: dir, reason: message(error) }] };
      }
      const manifests = names.filter((n) => MANIFEST_EXTENSIONS.includes(extname(n).toLowerCase())).sort();
      return { canceled: false, ...(await readEach(fs, manifests.map((n) => join(dir, n)))) };
    },

    /** Save (a known path) or Save As… (no path, or `ask`): writes atomically, never half a file. */
    async save(request: SaveRequest): Promise<SaveAnswer> {
      let path = request.ask ? undefined : request.path;
      if (!path) {
        const picked = await dialog.showSaveDialog({ defaultPath: request.path ?? request.name, filters: FILTERS });
        if (picked.canceled || !picked.filePath) return { canceled: true };
        path = picked.filePath;
      }
      try {
        await fs.writeFile(path, request.text);
        return { saved: true, path };
      } catch (error) {
        return { error: message(error) };
      }
    },
  };
}

export type FileDialogs = ReturnType<typeof createFileDialogs>;
