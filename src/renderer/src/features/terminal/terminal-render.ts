/**
 * What the terminal writes to xterm, as pure functions: redrawing the edited line in place (also
 * when prompt + line wrap over several rows), command output with CRLF line ends, and completion
 * candidates in columns as bash lists them.
 */

/** Terminal cells a code point takes: Hangul, CJK and full-width forms take two. */
function codePointWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Display width of plain text (ANSI escape sequences take no cells). */
export function cellWidth(text: string): number {
  let w = 0;
  // eslint-disable-next-line no-control-regex -- matching terminal escape sequences is the point
  for (const ch of text.replace(/\x1b\[[0-9;?]*[@-~]/g, '')) w += codePointWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * Redraws prompt + line from the row the cursor is on (`cursorRow` rows below the prompt's first
 * row) and leaves the cursor at `cursor`. Returns the text to write and the cursor's new row.
 */
export function renderEdit(prompt: string, line: string, cursor: number, cols: number, cursorRow: number): { out: string; cursorRow: number } {
  const width = Math.max(1, cols);
  let out = `${cursorRow > 0 ? `\x1b[${cursorRow}A` : ''}\r\x1b[J${prompt}${line}`;
  const endW = cellWidth(prompt + line);
  const endRow = Math.floor(endW / width);
  // Text that ends exactly at the right margin leaves xterm in "pending wrap": move to the next row explicitly.
  if (endW > 0 && endW % width === 0) out += ' \r\x1b[K';
  const w = cellWidth(prompt + line.slice(0, cursor));
  const row = Math.floor(w / width);
  const col = w % width;
  if (endRow > row) out += `\x1b[${endRow - row}A`;
  out += `\r${col > 0 ? `\x1b[${col}C` : ''}`;
  return { out, cursorRow: row };
}

/**
 * stdout then stderr (one stream, as a TTY shows them) with `\n` as `\r\n`. Output that ends
 * mid-line gets a line break so the next prompt starts on its own row (zsh does the same).
 */
export function formatOutput(stdout: string, stderr: string): string {
  const text = (stdout + stderr).replace(/\r?\n/g, '\r\n');
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  return cellWidth(lastLine.replace(/\r/g, '')) > 0 ? `${text}\r\n` : text;
}

/** Candidates in columns across the terminal width, sorted down the columns like bash. */
export function formatCandidates(candidates: readonly string[], cols: number): string {
  if (candidates.length === 0) return '';
  const colWidth = Math.max(...candidates.map(cellWidth)) + 2;
  const perRow = Math.max(1, Math.floor(cols / colWidth));
  const rows = Math.ceil(candidates.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = candidates[c * rows + r];
      if (item === undefined) continue;
      const last = c === perRow - 1 || candidates[(c + 1) * rows + r] === undefined;
      line += last ? item : item + ' '.repeat(colWidth - cellWidth(item));
    }
    lines.push(line);
  }
  return `${lines.join('\r\n')}\r\n`;
}
