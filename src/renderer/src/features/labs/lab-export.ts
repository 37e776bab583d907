/** "Export for a real cluster": the engine writes the files (labExport), this zips and downloads them. */
import { strToU8, zipSync } from 'fflate';

/** A zip of text files, in one folder named after the lab, with a fixed date so equal labs give equal bytes. */
export function zipLabFiles(folder: string, files: Record<string, string>): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of Object.keys(files).sort()) entries[`${folder}/${name}`] = [strToU8(files[name]), { mtime: new Date(Date.UTC(2024, 0, 6)) }];
  return zipSync(entries, { level: 6 });
}

/** Downloads bytes as a file through an anchor (web mode; Electron shows its save dialog). */
export function downloadBytes(name: string, bytes: Uint8Array, type = 'application/zip'): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
