/**
 * Replaces a file so that a crash at any moment leaves either the old content or the new one,
 * never a mix: write a temporary file in the same folder, fsync it, rename it over the target
 * (rename within one filesystem is atomic on POSIX and NTFS), then fsync the folder so the rename
 * itself survives a power cut. The folder fsync is skipped where the platform refuses it (Windows
 * cannot open a directory for syncing).
 *
 * The filesystem is injected (a node:fs/promises-shaped subset) so tests make any call fail.
 */

import { dirname } from 'node:path';

/** The file handle calls used. */
export interface FileHandleLike {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The node:fs/promises calls persistence uses. */
export interface FsLike {
  open(path: string, flags: 'w' | 'r'): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/** The temporary file a write of `path` goes through. */
export const tempPathOf = (path: string): string => `${path}.tmp`;

/** Writes `data` to `path` atomically (see the header). Throws when the write did not happen. */
export async function atomicWrite(fs: FsLike, path: string, data: string): Promise<void> {
  const dir = dirname(path);
  const temp = tempPathOf(path);
  await fs.mkdir(dir, { recursive: true });
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, dir);
}

async function syncFolder(fs: FsLike, dir: string): Promise<void> {
  let handle: FileHandleLike | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on Windows, EINVAL on some filesystems: the rename is done, only its durability is weaker.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
