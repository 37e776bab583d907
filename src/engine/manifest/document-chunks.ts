/**
 * Splits a manifest into the texts of its documents without parsing it, so each document can be
 * parsed (and its result cached) on its own: a chunk starts at each line that is a YAML
 * directives-end marker (`---` at column 0 followed by a space, a tab, a line break or the end),
 * which always starts a new document in the `yaml` lexer whatever came before (an unfinished
 * quoted scalar or flow collection ends there, with an error).
 *
 * Where a split could read differently from the whole stream it gives up (undefined) and the
 * caller parses the whole text: a `%` directive line (directives carry over to the next
 * document), a `...` document-end line, a byte order mark. Comment-only text before the first marker is kept with
 * the first document (the `yaml` package makes it that document's prelude, not a document).
 */

/** One document's text and where it starts in the manifest. */
export interface DocumentChunk {
  text: string;
  /** 0-based line of the chunk's first line in the manifest. */
  line: number;
}

/** A space, tab, line break or the end of the text (the `yaml` lexer's isEmpty). */
function isEmptyAt(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** True when [from, to) holds only blank and comment lines. */
function onlyCommentsOrBlank(text: string, from: number, to: number): boolean {
  let atLineStart = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) atLineStart = true;
    else if (atLineStart && c === 0x23 /* # */) {
      const nl = text.indexOf('\n', i);
      if (nl === -1 || nl >= to) return true;
      i = nl - 1;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** The document chunks of `text`, or undefined when the whole text must be parsed as one stream. */
export function splitDocuments(text: string): DocumentChunk[] | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined; // a byte order mark: leave it to the whole stream
  const starts: number[] = [];
  const lines: number[] = [];
  let line = 0;
  for (let at = 0; at < text.length; line++) {
    const c = text.charCodeAt(at);
    if (c === 0x25 /* % */) return undefined;
    if ((c === 0x2d /* - */ || c === 0x2e) /* . */ && text.startsWith(c === 0x2d ? '---' : '...', at) && isEmptyAt(text, at + 3)) {
      if (c === 0x2e) return undefined;
      starts.push(at);
      lines.push(line);
    }
    const nl = text.indexOf('\n', at);
    if (nl === -1) break;
    at = nl + 1;
  }
  if (starts.length === 0) return [{ text, line: 0 }];
  // What precedes the first marker is a document of its own unless it holds no content.
  if (starts[0] > 0 && !onlyCommentsOrBlank(text, 0, starts[0])) {
    starts.unshift(0);
    lines.unshift(0);
  } else {
    starts[0] = 0;
    lines[0] = 0;
  }
  const chunks: DocumentChunk[] = [];
  for (let i = 0; i < starts.length; i++) chunks.push({ text: text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length), line: lines[i] });
  return chunks;
}
