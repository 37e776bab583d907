/** What File ▸ Open / Open Folder / Save answer across the IPC boundary (plain data). */

/** A file read from disk, with where it came from so Save writes it back. */
export interface OpenedFile {
  name: string;
  path: string;
  text: string;
}

export type OpenKind = 'files' | 'folder';

export type OpenAnswer = { canceled: true } | { canceled: false; files: OpenedFile[]; skipped: { path: string; reason: string }[] };

/** Save writes back to `path`; Save As (`ask`) or a file never saved asks where first. */
export interface SaveRequest {
  name: string;
  text: string;
  path?: string;
  ask?: boolean;
}

export type SaveAnswer = { canceled: true } | { saved: true; path: string } | { error: string };

export function isSaveRequest(value: unknown): value is SaveRequest {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.name === 'string' && typeof r.text === 'string' && (r.path === undefined || typeof r.path === 'string') && (r.ask === undefined || typeof r.ask === 'boolean');
}
