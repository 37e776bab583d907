/**
 * A fast reader for the plain block YAML manifests are made of, with the same answers as the
 * `yaml` package + yaml-to-json.ts (value, duplicate keys, and every offset the source locator
 * keeps), or `undefined` for anything outside the subset it knows, which the caller then hands
 * to the `yaml` package. The `yaml` package spends about 100 µs on a twelve-line document
 * (lexer, CST parser, composer); this takes a few.
 *
 * The subset, one document:
 * - an optional first line `---`; then blank lines, comment lines and content lines, with no tab,
 *   carriage return, control character, byte order mark or line separator anywhere;
 * - block mappings (`key: value`, `key:` + a more indented block, `key:` + a `- ` list at the
 *   key's own column) and block sequences (`- value`, `- key: value` opening a mapping at the
 *   item's column), the outermost one at column 0;
 * - keys: plain or quoted (`"…"`, `'…'` without escapes) scalars directly followed by `:`;
 *   values: one-line plain scalars, one-line quoted scalars without escapes, and flow
 *   collections of those closed on the same line (`[80, 443]`, `{app: web}`,
 *   `[{port: 80}]`), each optionally followed by a ` # comment`;
 * - comment lines indented no deeper than the next content line (at column 0 after the last
 *   one): deeper comments change where the `yaml` package ends the nodes before them.
 * Everything else (empty values, anchors, aliases, tags, merge keys, block scalars, flow
 * collections over several lines, multi-line scalars, escapes, …) is refused.
 *
 * Ranges follow the `yaml` package: a scalar spans its text (quotes included); a collection
 * starts at its first key or `-` and ends where its last value's node ends, which for a value
 * written on one line is the start of the next line (the line's trailing comment included).
 */

import type { SourceRange } from '../../shared/field-error-types';
import { resolvePlainScalar } from './goyaml-scalar';
import type { LocEntry, LocNode } from './source-locator';
import type { DuplicateKey } from './yaml-to-json';

/** A document read by the fast path: what the `yaml` path would have produced for it. */
export interface SimpleDocument {
  value: unknown;
  /** The document's content range [start, end), as offsets and as lines of the text. */
  start: number;
  end: number;
  range: SourceRange;
  /** Duplicate keys, in the order yaml-to-json reports them. */
  duplicates: DuplicateKey[];
  /** With `withLoc`, or when there are duplicates: the source tree and the line starts. */
  loc?: LocNode;
  lineStarts?: number[];
}

/** Thrown (and caught below) when the text leaves the subset. */
class NotSimple {}
const NOT_SIMPLE = new NotSimple();
const refuse = (): never => {
  throw NOT_SIMPLE;
};

/** A duplicate key or a `__proto__` key in value-only mode: read again with the source tree. */
class NeedsTree {}
const NEEDS_TREE = new NeedsTree();

interface Parsed {
  value: unknown;
  /** Undefined in value-only mode. */
  loc: LocNode | undefined;
  /** Where the node ends, trailing comment and line break included (the `yaml` package's range[2]). */
  end: number;
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const MAX_DEPTH = 200;

/** Characters that cannot start a plain scalar here (YAML indicators, and `-` / `?` / `:` which are refused for simplicity unless noted). */
const NOT_PLAIN_START = new Set(Array.from('?:,[]{}#&*!|>\'"%@`', (c) => c.charCodeAt(0)));

const FLOW_INDICATORS = new Set(Array.from(',[]{}', (c) => c.charCodeAt(0)));

/** True for characters the fast path refuses anywhere: tabs, CR, C0/C1 controls, BOM, line/paragraph separators, non-characters. */
function refusedChar(c: number): boolean {
  if (c < 0x20) return c !== 0x0a;
  if (c < 0x7f) return false;
  return c <= 0x9f || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0xfffe || c === 0xffff;
}

const { hasOwnProperty } = Object.prototype;

/** A map key as sigs.k8s.io/yaml writes it: non-string scalars stringified (yaml-to-json.ts mapKey). */
function mapKeyString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) refuse(); // a decode error: the yaml path words it
    return String(v);
  }
  return v === null ? 'null' : String(v);
}

class SimpleReader {
  readonly lineStarts: number[] = [0];
  /** The content lines, one entry per line in each array: start, indentation, end of text, start of the next line, 0-based line number. */
  readonly starts: number[] = [];
  readonly indents: number[] = [];
  readonly ends: number[] = [];
  readonly nexts: number[] = [];
  readonly numbers: number[] = [];
  readonly duplicates: DuplicateKey[] = [];
  /** The current content line. */
  li = 0;
  depth = 0;

  constructor(
    readonly text: string,
    /** Build the source tree (else values only). */
    readonly withLoc: boolean,
  ) {}

  /** First pass: the content lines, with the comment and character rules checked. */
  scanLines(): void {
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        if (this.withLoc) this.lineStarts.push(i + 1);
      } else if (refusedChar(c)) refuse();
    }
    let at = 0;
    let lineNo = 0;
    if (text.startsWith('---')) {
      if (text.length === 3) refuse(); // an empty document
      if (text.charCodeAt(3) !== 0x0a) refuse();
      at = 4;
      lineNo = 1;
    }
    let sawContent = false;
    /** The deepest comment since the last content line (-1: none). */
    let pendingComment = -1;
    while (at < text.length) {
      let nl = text.indexOf('\n', at);
      const next = nl === -1 ? text.length : nl + 1;
      if (nl === -1) nl = text.length;
      let p = at;
      while (p < nl && text.charCodeAt(p) === SPACE) p++;
      const indent = p - at;
      if (p < nl) {
        const c = text.charCodeAt(p);
        if (c === HASH) {
          if (sawContent && indent > pendingComment) pendingComment = indent;
        } else {
          if (sawContent ? pendingComment > indent : indent !== 0) refuse();
          // Column-0 `---` / `...` lines belong to the chunker; never here.
          if (indent === 0 && (c === DASH || c === 0x2e) && (text.startsWith('---', p) || text.startsWith('...', p)) && (p + 3 === nl || text.charCodeAt(p + 3) === SPACE)) refuse();
          pendingComment = -1;
          sawContent = true;
          this.starts.push(at);
          this.indents.push(indent);
          this.ends.push(nl);
          this.nexts.push(next);
          this.numbers.push(lineNo);
        }
      }
      at = next;
      lineNo++;
    }
    if (!sawContent || pendingComment > 0) refuse();
  }

  /** The whole document. */
  read(): SimpleDocument {
    this.scanLines();
    const start = this.starts[0];
    const node = this.#isSeqItem(start, this.ends[0]) ? this.#seq(0) : this.#map(0, start);
    const count = this.starts.length;
    if (this.li < count) refuse();
    // The content starts at column 0 of the first content line and ends where its last line
    // does (the next line's start, or the end of the text): LineCounter's answers for both.
    const last = count - 1;
    const end = node.end;
    const endsWithBreak = this.nexts[last] > this.ends[last];
    const range = {
      line: this.numbers[0] + 1,
      column: 1,
      endLine: this.numbers[last] + (endsWithBreak ? 2 : 1),
      endColumn: endsWithBreak ? 1 : end - this.starts[last] + 1,
    };
    const doc: SimpleDocument = { value: node.value, start, end, range, duplicates: this.duplicates };
    if (this.withLoc) {
      doc.loc = node.loc;
      doc.lineStarts = this.lineStarts;
    }
    return doc;
  }

  /** `-` followed by a space or the end of the line. */
  #isSeqItem(p: number, lineEnd: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === lineEnd || this.text.charCodeAt(p + 1) === SPACE);
  }

  #skipSpaces(p: number, lineEnd: number): number {
    while (p < lineEnd && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /**
   * A plain scalar from `p`: its end (trailing spaces excluded), and what stopped it — a mapping
   * `:` (followed by a space or the line end), a ` #` comment, or the end of the line.
   */
  #scanPlain(p: number, lineEnd: number): { end: number; stop: 'colon' | 'comment' | 'eol'; at: number } {
    const text = this.text;
    let end = p;
    for (let i = p; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        if (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE) return { end, stop: 'colon', at: i };
        end = i + 1;
      } else if (c === SPACE) {
        if (i + 1 < lineEnd && text.charCodeAt(i + 1) === HASH) return { end, stop: 'comment', at: i + 1 };
      } else end = i + 1;
    }
    return { end, stop: 'eol', at: lineEnd };
  }

  /** True when a plain scalar may start at `p` (a `-` only before a non-space). */
  #plainStart(p: number, lineEnd: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c === DASH) return p + 1 < lineEnd && this.text.charCodeAt(p + 1) !== SPACE;
    return !NOT_PLAIN_START.has(c) && c !== SPACE;
  }

  /** The closing quote of a one-line quoted scalar opened at `p`, or -1 when it is not one the fast path reads. */
  #closingQuote(p: number, lineEnd: number): number {
    const text = this.text;
    const quote = text.charCodeAt(p);
    const close = text.indexOf(quote === 0x22 ? '"' : "'", p + 1);
    if (close === -1 || close >= lineEnd) return -1;
    if (quote === 0x22) {
      const escape = text.indexOf('\\', p + 1);
      if (escape !== -1 && escape < close) return -1;
    } else if (text.charCodeAt(close + 1) === 0x27) return -1; // '' escape
    return close;
  }

  /**
   * The key starting at `p`, when the line holds `key:` there: its string, its offsets, and
   * where the text after the `:` starts. Undefined when `p` starts a value, not a key.
   */
  #key(p: number, lineEnd: number): { key: string; start: number; end: number; after: number } | undefined {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 0x22 || c === 0x27) {
      const close = this.#closingQuote(p, lineEnd);
      if (close === -1) refuse();
      if (text.charCodeAt(close + 1) !== COLON) return undefined;
      if (close + 2 < lineEnd && text.charCodeAt(close + 2) !== SPACE) refuse();
      return { key: text.slice(p + 1, close), start: p, end: close + 1, after: close + 2 };
    }
    if (!this.#plainStart(p, lineEnd)) return undefined;
    const scan = this.#scanPlain(p, lineEnd);
    if (scan.stop !== 'colon') return undefined;
    if (scan.end !== scan.at || scan.end - p > 1000) refuse(); // `key :`, very long keys
    const source = text.slice(p, scan.end);
    if (source === '<<') refuse(); // a merge key
    return { key: mapKeyString(resolvePlainScalar(source)), start: p, end: scan.end, after: scan.at + 1 };
  }

  /** After a value ending at `q`: only spaces, or spaces and a comment, to the end of the line. */
  #restOfLine(q: number, lineEnd: number): void {
    const p = this.#skipSpaces(q, lineEnd);
    if (p === lineEnd) return;
    if (p === q || this.text.charCodeAt(p) !== HASH) refuse();
  }

  /** A value written on the current line from `p` (scalar, quoted scalar, `{}`, `[]`). */
  #inline(p: number): Parsed {
    const text = this.text;
    const lineEnd = this.ends[this.li];
    const c = text.charCodeAt(p);
    let value: unknown;
    let loc: LocNode | undefined;
    if (c === 0x22 || c === 0x27) {
      const close = this.#closingQuote(p, lineEnd);
      if (close === -1) refuse();
      this.#restOfLine(close + 1, lineEnd);
      value = text.slice(p + 1, close);
      if (this.withLoc) loc = { kind: 'scalar', start: p, end: close + 1 };
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const flow = this.#flow(p, lineEnd);
      this.#restOfLine(flow.end, lineEnd);
      value = flow.value;
      loc = flow.loc;
    } else {
      if (!this.#plainStart(p, lineEnd)) refuse();
      const scan = this.#scanPlain(p, lineEnd);
      if (scan.stop === 'colon') refuse(); // `a: b: c`
      const v = resolvePlainScalar(text.slice(p, scan.end));
      if (typeof v === 'number' && !Number.isFinite(v)) refuse(); // a decode error: the yaml path words it
      value = v;
      if (this.withLoc) loc = { kind: 'scalar', start: p, end: scan.end };
    }
    return { value, loc, end: this.nexts[this.li++] };
  }

  /**
   * A flow collection opened at `p` and closed on the same line: `[a, "b", {c: d}]`, `{a: b}`,
   * `[]`. Items are scalars (plain, or quoted without escapes) and flow collections; map entries
   * are `key: value`. Refused: anything spanning lines, comments inside, empty values, trailing
   * commas, single-pair maps in lists (`[a: b]`), explicit keys, JSON-style `"a":b`.
   */
  #flow(p: number, lineEnd: number): { value: unknown; loc: LocNode | undefined; end: number } {
    if (++this.depth > MAX_DEPTH) refuse();
    const text = this.text;
    const isMap = text.charCodeAt(p) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const withLoc = this.withLoc;
    const out: Record<string, unknown> | unknown[] = isMap ? {} : [];
    const entries = withLoc && isMap ? new Map<string, LocEntry>() : undefined;
    const items: LocNode[] | undefined = withLoc && !isMap ? [] : undefined;
    let q = this.#skipSpaces(p + 1, lineEnd);
    if (text.charCodeAt(q) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.#flowScalar(q, lineEnd, true);
          if (text.charCodeAt(key.end) !== COLON || text.charCodeAt(key.end + 1) !== SPACE) refuse();
          if (key.plain && key.source === '<<') refuse(); // a merge key
          const name = mapKeyString(key.value);
          const valueAt = this.#skipSpaces(key.end + 2, lineEnd);
          const item = this.#flowItem(valueAt, lineEnd);
          const map = out as Record<string, unknown>;
          if (entries) {
            const earlier = entries.get(name);
            if (earlier !== undefined) this.duplicates.push({ key: name, keyStart: key.start, keyEnd: key.end, earlierStart: earlier.keyStart });
            entries.set(name, { keyStart: key.start, keyEnd: key.end, value: item.loc! });
          } else if (name === '__proto__' || hasOwnProperty.call(map, name)) throw NEEDS_TREE;
          map[name] = item.value;
          q = item.end;
        } else {
          const item = this.#flowItem(q, lineEnd);
          if (text.charCodeAt(this.#skipSpaces(item.end, lineEnd)) === COLON) refuse(); // `[a: b]`
          (out as unknown[]).push(item.value);
          items?.push(item.loc!);
          q = item.end;
        }
        q = this.#skipSpaces(q, lineEnd);
        const c = text.charCodeAt(q);
        if (c === close) break;
        if (c !== 0x2c /* , */) refuse();
        q = this.#skipSpaces(q + 1, lineEnd);
        if (q >= lineEnd || text.charCodeAt(q) === close) refuse(); // a trailing comma, or more on the next line
      }
    }
    this.depth--;
    const end = q + 1;
    let loc: LocNode | undefined;
    if (entries) loc = { kind: 'map', start: p, end, entries };
    else if (items) loc = { kind: 'seq', start: p, end, items };
    return { value: out, loc, end };
  }

  /** A value inside a flow collection: a nested collection or a scalar. */
  #flowItem(p: number, lineEnd: number): { value: unknown; loc: LocNode | undefined; end: number } {
    const c = this.text.charCodeAt(p);
    if (c === 0x7b || c === 0x5b) return this.#flow(p, lineEnd);
    const scalar = this.#flowScalar(p, lineEnd, false);
    let value: unknown = scalar.value;
    if (scalar.plain) {
      value = resolvePlainScalar(scalar.source);
      if (typeof value === 'number' && !Number.isFinite(value)) refuse(); // a decode error: the yaml path words it
    }
    return { value, loc: this.withLoc ? { kind: 'scalar', start: p, end: scalar.end } : undefined, end: scalar.end };
  }

  /**
   * A scalar inside a flow collection at `p`: quoted without escapes, or plain up to a flow
   * indicator or a `:` followed by a space (a key's end). Its source, its end (trailing spaces
   * excluded), and for quoted ones the string value.
   */
  #flowScalar(p: number, lineEnd: number, isKey: boolean): { plain: boolean; source: string; value: unknown; start: number; end: number } {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 0x22 || c === 0x27) {
      const close = this.#closingQuote(p, lineEnd);
      if (close === -1) refuse();
      const source = text.slice(p + 1, close);
      return { plain: false, source, value: source, start: p, end: close + 1 };
    }
    if (p >= lineEnd || !this.#plainStart(p, lineEnd)) refuse();
    // `-` before a flow indicator is a list-item indicator to the lexer (an error here).
    if (c === DASH && FLOW_INDICATORS.has(text.charCodeAt(p + 1))) refuse();
    let end = p;
    for (let i = p; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (FLOW_INDICATORS.has(ch)) break;
      if (ch === COLON) {
        const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : SPACE;
        if (next === SPACE || FLOW_INDICATORS.has(next)) break;
      } else if (ch === SPACE) {
        if (i + 1 < lineEnd && text.charCodeAt(i + 1) === HASH) refuse(); // a comment inside the collection
        continue;
      }
      end = i + 1;
    }
    if (end === p) refuse();
    const source = text.slice(p, end);
    if (isKey) return { plain: true, source, value: resolvePlainScalar(source), start: p, end };
    return { plain: true, source, value: source, start: p, end };
  }

  /** The value after `key:` when nothing follows on the line: a more indented block, or a `- ` list at the key's column. */
  #nestedValue(col: number): Parsed {
    const li = this.li;
    if (li >= this.starts.length) return refuse(); // an empty value
    const indent = this.indents[li];
    const q = this.starts[li] + indent;
    if (indent > col) return this.#isSeqItem(q, this.ends[li]) ? this.#seq(indent) : this.#map(indent, q);
    if (indent === col && this.#isSeqItem(q, this.ends[li])) return this.#seq(col);
    return refuse(); // an empty value
  }

  /** A block mapping whose keys are at column `col`; the first key is at offset `p` of the current line. */
  #map(col: number, p: number): Parsed {
    if (++this.depth > MAX_DEPTH) refuse();
    const withLoc = this.withLoc;
    const out: Record<string, unknown> = {};
    const entries = withLoc ? new Map<string, LocEntry>() : undefined;
    const start = p;
    let end: number;
    for (;;) {
      const lineEnd = this.ends[this.li];
      const key = this.#key(p, lineEnd);
      if (!key) return refuse(); // a scalar where a key belongs
      const q = this.#skipSpaces(key.after, lineEnd);
      let parsed: Parsed;
      if (q === lineEnd) {
        this.li++;
        parsed = this.#nestedValue(col);
      } else {
        if (q === key.after) refuse();
        parsed = this.#inline(q);
      }
      const name = key.key;
      if (entries) {
        // Same order as yaml-to-json: the value's own duplicates first, then this key's.
        const earlier = entries.get(name);
        if (earlier !== undefined) this.duplicates.push({ key: name, keyStart: key.start, keyEnd: key.end, earlierStart: earlier.keyStart });
        entries.set(name, { keyStart: key.start, keyEnd: key.end, value: parsed.loc! });
      } else if (name === '__proto__' || hasOwnProperty.call(out, name)) throw NEEDS_TREE;
      out[name] = parsed.value;
      end = parsed.end;
      const li = this.li;
      if (li >= this.starts.length || this.indents[li] < col) break;
      if (this.indents[li] > col) refuse();
      p = this.starts[li] + col;
      if (this.#isSeqItem(p, this.ends[li])) refuse(); // a list item among keys
    }
    this.depth--;
    return { value: out, loc: entries && { kind: 'map', start, end, entries }, end };
  }

  /** A block sequence whose `-` are at column `col`, starting on the current line. */
  #seq(col: number): Parsed {
    if (++this.depth > MAX_DEPTH) refuse();
    const values: unknown[] = [];
    const items: LocNode[] | undefined = this.withLoc ? [] : undefined;
    const start = this.starts[this.li] + col;
    let end: number;
    for (;;) {
      const lineStart = this.starts[this.li];
      const lineEnd = this.ends[this.li];
      const p = this.#skipSpaces(lineStart + col + 1, lineEnd);
      if (p === lineEnd || p === lineStart + col + 1) refuse(); // an empty item
      if (this.#isSeqItem(p, lineEnd)) refuse(); // `- - x`
      const parsed = this.#key(p, lineEnd) ? this.#map(p - lineStart, p) : this.#inline(p);
      values.push(parsed.value);
      items?.push(parsed.loc!);
      end = parsed.end;
      const li = this.li;
      if (li >= this.starts.length || this.indents[li] < col) break;
      if (this.indents[li] > col) refuse();
      if (!this.#isSeqItem(this.starts[li] + col, this.ends[li])) break; // a key at this column: the enclosing mapping goes on
    }
    this.depth--;
    return { value: values, loc: items && { kind: 'seq', start, end, items }, end };
  }
}

/**
 * Reads `text` (one document) if it is in the subset; undefined otherwise. Without `withLoc`
 * only the value and ranges are built (the source tree is needed only to place errors), unless
 * the document has duplicate keys, whose warnings need it.
 */
export function readSimpleDocument(text: string, withLoc = false): SimpleDocument | undefined {
  try {
    return new SimpleReader(text, withLoc).read();
  } catch (e) {
    if (e === NOT_SIMPLE) return undefined;
    if (e === NEEDS_TREE) return readSimpleDocument(text, true);
    throw e;
  }
}
