/**
 * Tab's edit of the line, pure: the engine (`shellComplete`) says which words may replace the word
 * before the cursor; this turns them into what bash's readline does — one candidate replaces the
 * word and adds a space (none after an open `TYPE/` or `FLAG=`), several extend it to their longest
 * common prefix, and when that adds nothing they are listed.
 */

/** The engine's answer (EngineRequests['shellComplete']['output']). */
export interface CompletionCandidates {
  candidates: readonly string[];
  replaceFrom: number;
}

export interface Completion {
  /** Text to put over `line.slice(from, to)`; absent when Tab changes nothing. */
  replacement?: { from: number; to: number; text: string };
  /** Every match (shown when there is more than one and the line did not change). */
  candidates: string[];
}

function longestCommonPrefix(xs: readonly string[]): string {
  let prefix = xs[0] ?? '';
  for (const x of xs) while (!x.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** What Tab does to `line` at `cursor`, given the engine's candidates. */
export function completionEdit(line: string, cursor: number, answer: CompletionCandidates): Completion {
  const candidates = [...answer.candidates];
  const from = Math.max(0, Math.min(answer.replaceFrom, cursor));
  const word = line.slice(from, cursor);
  // Only candidates that extend what is typed (the engine's answer may be stale by a keystroke).
  const fitting = candidates.filter((c) => c.startsWith(word));
  if (fitting.length === 0) return { candidates: fitting };
  if (fitting.length === 1) {
    const only = fitting[0];
    const open = only.endsWith('/') || only.endsWith('=');
    return { replacement: { from, to: cursor, text: open || line[cursor] === ' ' ? only : `${only} ` }, candidates: fitting };
  }
  const prefix = longestCommonPrefix(fitting);
  return prefix.length > word.length ? { replacement: { from, to: cursor, text: prefix }, candidates: fitting } : { candidates: fitting };
}

/** The line and cursor after a completion. */
export function applyCompletion(line: string, completion: Completion): { line: string; cursor: number } | undefined {
  const r = completion.replacement;
  return r ? { line: line.slice(0, r.from) + r.text + line.slice(r.to), cursor: r.from + r.text.length } : undefined;
}
