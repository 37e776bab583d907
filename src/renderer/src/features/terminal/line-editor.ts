/**
 * The terminal's line editor as a pure reducer (readline's basics): the line being typed, the
 * cursor, and the history walk. Keys in, new state and at most one action out; the component does
 * the side effects (send the line, clear the screen, complete).
 */
import type { EditKey } from './terminal-keys';

export interface LineState {
  line: string;
  /** Index into `line` (UTF-16 units; the line editor never splits a surrogate pair). */
  cursor: number;
  /** Earlier lines, oldest first. */
  history: readonly string[];
  /** Position in the history walk: `history.length` means the line being typed. */
  historyIndex: number;
  /** The line being typed, kept while walking the history. */
  draft: string;
}

export type LineAction = 'submit' | 'cancel' | 'clear' | 'complete' | 'eof';

export const HISTORY_LIMIT = 500;

export function emptyLine(history: readonly string[] = []): LineState {
  return { line: '', cursor: 0, history, historyIndex: history.length, draft: '' };
}

/** The history after running `line`: blank lines and an immediate repeat are not kept (bash's ignoreboth). */
export function remember(history: readonly string[], line: string): string[] {
  if (!line.trim() || line.startsWith(' ') || history[history.length - 1] === line) return [...history];
  return [...history, line].slice(-HISTORY_LIMIT);
}

const at = (s: LineState, line: string, cursor: number): LineState => ({ ...s, line, cursor: Math.max(0, Math.min(cursor, line.length)) });

/** The start of the word before the cursor (Ctrl+W: back over spaces, then over a word). */
function wordStart(line: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && line[i - 1] === ' ') i--;
  while (i > 0 && line[i - 1] !== ' ') i--;
  return i;
}

function recall(s: LineState, index: number): LineState {
  if (index < 0 || index > s.history.length || index === s.historyIndex) return s;
  const draft = s.historyIndex === s.history.length ? s.line : s.draft;
  const line = index === s.history.length ? draft : s.history[index];
  return { ...s, line, cursor: line.length, historyIndex: index, draft };
}

export function editLine(s: LineState, key: EditKey): { state: LineState; action?: LineAction } {
  const { line, cursor } = s;
  switch (key.type) {
    case 'text':
      return { state: at(s, line.slice(0, cursor) + key.text + line.slice(cursor), cursor + key.text.length) };
    case 'backspace': {
      const n = cursor >= 2 && /[\uDC00-\uDFFF]/.test(line[cursor - 1]) ? 2 : 1;
      return { state: cursor === 0 ? s : at(s, line.slice(0, cursor - n) + line.slice(cursor), cursor - n) };
    }
    case 'delete': {
      const n = /[\uD800-\uDBFF]/.test(line[cursor] ?? '') ? 2 : 1;
      return { state: cursor >= line.length ? s : at(s, line.slice(0, cursor) + line.slice(cursor + n), cursor) };
    }
    case 'left':
      return { state: at(s, line, cursor - (cursor >= 2 && /[\uDC00-\uDFFF]/.test(line[cursor - 1]) ? 2 : 1)) };
    case 'right':
      return { state: at(s, line, cursor + (/[\uD800-\uDBFF]/.test(line[cursor] ?? '') ? 2 : 1)) };
    case 'home':
      return { state: at(s, line, 0) };
    case 'end':
      return { state: at(s, line, line.length) };
    case 'kill-before':
      return { state: at(s, line.slice(cursor), 0) };
    case 'kill-after':
      return { state: at(s, line.slice(0, cursor), cursor) };
    case 'kill-word': {
      const start = wordStart(line, cursor);
      return { state: at(s, line.slice(0, start) + line.slice(cursor), start) };
    }
    case 'up':
      return { state: recall(s, s.historyIndex - 1) };
    case 'down':
      return { state: recall(s, s.historyIndex + 1) };
    case 'enter':
      return { state: emptyLine(remember(s.history, line)), action: 'submit' };
    case 'cancel':
      return { state: emptyLine(s.history), action: 'cancel' };
    case 'clear':
      return { state: s, action: 'clear' };
    case 'tab':
      return { state: s, action: 'complete' };
    case 'eof':
      // Ctrl+D on an empty line ends the shell (exit); elsewhere it deletes forward.
      return line === '' ? { state: s, action: 'eof' } : editLine(s, { type: 'delete' });
  }
}
