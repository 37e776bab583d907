/**
 * Saves a file through the browser's download (an anchor with `download`). In Electron the
 * session's default download handling asks where to save it.
 */

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `svclab-topology-20240106-0930.svg`: sortable, and two exports a minute apart never collide. */
export function exportFileName(what: string, extension: string, at: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `svclab-${what}-${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}.${extension}`;
}
