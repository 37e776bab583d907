/**
 * Manifest text → documents, the way `kubectl apply -f` reads a file: YAML 1.1 scalars as
 * go-yaml v2 resolves them, `---`-separated documents, empty documents skipped, and errors worded
 * as kubectl prints them (`error converting YAML to JSON: yaml: line 3: …`). Each document knows
 * where its fields are, so field errors land on the right line. Never throws.
 *
 * Size cap: MAX_MANIFEST_BYTES (1 MiB). Parsing cost grows with the number of documents; anything
 * bigger is refused at once with a clear message rather than freezing the editor. The apiserver
 * itself accepts at most 3 MiB per request (--max-request-body-bytes), and etcd about 1.5 MiB per
 * object.
 *
 * Speed (hosts apply on every edit): the text is split into its documents (document-chunks.ts)
 * and each is read on its own — by the fast reader for plain block YAML (simple-yaml.ts), else by
 * the `yaml` package — and the result is cached by the document's exact text, so re-applying a
 * file with one edited document reads just that document. Lines are shifted to where the
 * document sits when it is handed out, and parsed values are deep-frozen (callers copy before
 * changing them). Whenever the split could read differently
 * from the whole stream — a document with a syntax or decoding error (whose message may look
 * past it), directives, `...` — the whole text is parsed as one stream, as before; the tests
 * hold both ways to the same answers.
 */

import { utf8Length } from '../utf8-length';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { KubeObject } from '../../shared/api-types';
import type { LocatedMessage, SourceRange } from '../../shared/field-error-types';
import { deepFreeze } from '../store/clone';
import { splitDocuments } from './document-chunks';
import { readSimpleDocument, type SimpleDocument } from './simple-yaml';
import { LineIndex, locateIn, locateKeyIn, locateMapEntry, type LocNode } from './source-locator';
import { toGoYamlError } from './yaml-error-message';
import { convertDocument, duplicateKeyMessage, YamlDecodeError, type DuplicateKey } from './yaml-to-json';

/** Manifests larger than this (in UTF-8 bytes) are refused. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** One YAML document of the text. */
export interface ParsedDocument {
  /** 0-based position in the text. */
  index: number;
  /**
   * The document as JSON: an object for a mapping (it may still lack kind/apiVersion), or
   * `value` holds what else it was. Undefined for an empty document, a non-mapping, or a syntax
   * error. Deep-frozen (it may be shared with later parses of the same text): copy to change.
   */
  object?: KubeObject;
  /** The decoded value when the document is not a mapping (a list, a scalar); `null` for empty. Deep-frozen. */
  value?: unknown;
  /** The document's range in the text. */
  range: SourceRange;
  /** This document's YAML errors (at most one, where go-yaml would stop) and warnings. */
  messages: LocatedMessage[];
  /** True when the document could not be read; kubectl stops reading the file there. */
  syntaxError: boolean;
  /** Where the value at `fieldPath` is (or its closest existing ancestor's key). */
  locate(fieldPath: string): SourceRange | undefined;
  /** The key of the field at `fieldPath` (for unknown fields), else like locate. */
  locateKey(fieldPath: string): SourceRange | undefined;
  /** Like locate, but for map-level errors whose bad value names an entry (label errors). */
  locateEntry(fieldPath: string, badValue: unknown): SourceRange | undefined;
}

/** The whole text. */
export interface ParsedManifest {
  documents: ParsedDocument[];
  /** Problems of the text as a whole (size cap). */
  messages: LocatedMessage[];
}

/** A duplicate-key warning, lines relative to the text read. */
interface DuplicateWarning {
  key: string;
  line: number;
  earlierLine: number;
  range: SourceRange;
}

/** The source tree of a document and the line starts of the text read. */
interface SourceTree {
  loc: LocNode | undefined;
  lineStarts: readonly number[];
}

/**
 * One document as read, with lines relative to the text it was read from (its own chunk, or the
 * whole manifest): what the cache keeps. Never mutated once built.
 */
interface DocumentResult {
  /** The decoded value (deep-frozen); undefined after an error. */
  value: unknown;
  /** The document's content range. */
  range: SourceRange;
  warnings: readonly DuplicateWarning[];
  /** The error that stopped reading (whole-text parses only: such documents are never cached). */
  error?: { message: string; range: SourceRange };
  /** The source tree, built when first asked for (only errors need it). */
  tree(): SourceTree;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** The value at a field path of a JSON value (for locateEntry). */
function valueAt(root: unknown, fieldPath: string): Record<string, unknown> | undefined {
  let cur: unknown = root;
  for (const part of fieldPath.split(/\.|\[|\]/).filter((p) => p !== '')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>) : undefined;
}

const shifted = (r: SourceRange, by: number): SourceRange => ({ line: r.line + by, column: r.column, endLine: r.endLine + by, endColumn: r.endColumn });

function duplicateWarnings(duplicates: readonly DuplicateKey[], lineStarts: readonly number[]): DuplicateWarning[] {
  const lines = new LineIndex(lineStarts, 0);
  return duplicates.map((d) => ({ key: d.key, line: lines.line(d.keyStart), earlierLine: lines.line(d.earlierStart), range: lines.range(d.keyStart, d.keyEnd) }));
}

/** A document of a parse: a result placed at line `lineShift + 1` of the manifest. Its own ranges and messages on every parse. */
class ManifestDocument implements ParsedDocument {
  readonly object?: KubeObject;
  readonly value?: unknown;
  readonly range: SourceRange;
  readonly messages: LocatedMessage[];
  readonly syntaxError: boolean;
  readonly #result: DocumentResult;
  readonly #lineShift: number;
  #lines: LineIndex | undefined;
  #loc: LocNode | undefined;

  constructor(
    readonly index: number,
    result: DocumentResult,
    lineShift: number,
  ) {
    const { value, error } = result;
    this.#result = result;
    this.#lineShift = lineShift;
    this.syntaxError = error !== undefined;
    const isMapping = value !== null && typeof value === 'object' && !Array.isArray(value);
    this.object = isMapping && !error ? (value as KubeObject) : undefined;
    this.value = error ? undefined : value;
    this.range = shifted(result.range, lineShift);
    this.messages = error
      ? [{ severity: 'error', message: error.message, range: shifted(error.range, lineShift) }]
      : result.warnings.map((w) => ({ severity: 'warning', message: duplicateKeyMessage(w.key, w.line + lineShift, w.earlierLine + lineShift), range: shifted(w.range, lineShift) }));
  }

  #tree(): { loc: LocNode | undefined; lines: LineIndex } {
    if (!this.#lines) {
      const tree = this.#result.tree();
      this.#loc = tree.loc;
      this.#lines = new LineIndex(tree.lineStarts, this.#lineShift);
    }
    return { loc: this.#loc, lines: this.#lines };
  }

  locate(fieldPath: string): SourceRange | undefined {
    const { loc, lines } = this.#tree();
    return locateIn(loc, lines, fieldPath) ?? this.range;
  }

  locateKey(fieldPath: string): SourceRange | undefined {
    const { loc, lines } = this.#tree();
    return locateKeyIn(loc, lines, fieldPath) ?? this.range;
  }

  locateEntry(fieldPath: string, badValue: unknown): SourceRange | undefined {
    const { loc, lines } = this.#tree();
    return locateMapEntry(loc, lines, fieldPath, badValue, valueAt(this.#result.value, fieldPath)) ?? this.range;
  }
}

const YAML_OPTIONS = { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'silent' } as const;

/** The documents of `text` read by the `yaml` package as one stream (or a message when it throws). */
function readStream(text: string): DocumentResult[] | { message: string } {
  const lc = new LineCounter();
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter: lc, ...YAML_OPTIONS });
    docs = (Array.isArray(parsed) ? parsed : [parsed]) as Document.Parsed[];
  } catch (e) {
    return { message: `error converting YAML to JSON: yaml: ${e instanceof Error ? e.message : String(e)}` };
  }
  const lineStarts = lc.lineStarts;
  const lines = new LineIndex(lineStarts, 0);
  return docs.map((doc): DocumentResult => {
    const r = doc.range ?? [0, 0, 0];
    // The document's content, not its `---` marker or leading comments.
    const start = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? r[0];
    const range = lines.range(start, Math.max(start, r[1]));
    const noTree: SourceTree = { loc: undefined, lineStarts };
    const failed = (message: string, offset: number): DocumentResult => ({ value: undefined, range, warnings: [], error: { message, range: lines.range(offset, Math.min(text.length, offset + 1)) }, tree: () => noTree });
    if (doc.errors.length > 0) {
      const err = toGoYamlError(doc.errors[0], text, lc);
      return failed(`error converting YAML to JSON: yaml: line ${err.line}: ${err.message}`, err.offset);
    }
    try {
      const converted = convertDocument(doc);
      const tree: SourceTree = { loc: converted.loc, lineStarts };
      return { value: deepFreeze(converted.value), range, warnings: duplicateWarnings(converted.duplicates, lineStarts), tree: () => tree };
    } catch (e) {
      const offset = e instanceof YamlDecodeError ? e.offset : r[0];
      const reason = e instanceof YamlDecodeError ? e.message : e instanceof RangeError ? `exceeded max depth of 10000` : String(e);
      return failed(`error converting YAML to JSON: ${reason.startsWith('json:') ? reason : `yaml: ${reason}`}`, offset);
    }
  });
}

/** A document read by the fast reader; its source tree is read again when first asked for. */
class SimpleResult implements DocumentResult {
  readonly value: unknown;
  readonly range: SourceRange;
  readonly warnings: readonly DuplicateWarning[];
  readonly #text: string;
  #tree: SourceTree | undefined;

  constructor(text: string, doc: SimpleDocument) {
    this.#text = text;
    this.value = deepFreeze(doc.value);
    this.range = doc.range;
    this.warnings = doc.duplicates.length > 0 ? duplicateWarnings(doc.duplicates, doc.lineStarts!) : [];
    if (doc.loc) this.#tree = { loc: doc.loc, lineStarts: doc.lineStarts! };
  }

  tree(): SourceTree {
    if (!this.#tree) {
      const full = readSimpleDocument(this.#text, true)!;
      this.#tree = { loc: full.loc, lineStarts: full.lineStarts! };
    }
    return this.#tree;
  }
}

/** The whole text as one stream: the reference reading, used whenever splitting might differ from it. */
function parseWhole(text: string): ParsedManifest {
  const read = readStream(text);
  if ('message' in read) return { documents: [], messages: [{ severity: 'error', message: read.message, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
  return { documents: read.map((result, index) => new ManifestDocument(index, result, 0)), messages: [] };
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps a slice as a view
 * of its parent string; a cached slice would keep every edited version of a 1 MiB manifest alive.
 * Concatenating and slicing flattens into a new string of the slice's size.
 */
function ownCopy(s: string): string {
  return ` ${s}`.slice(1);
}

/**
 * Parse results by document text, least recently used first. The fast reader's results hold
 * wherever the text sits; the `yaml` package's may depend on whether the stream ends after the
 * document or goes on with `---` (where an empty value's trailing comments end), so those are
 * kept for the position they were read in: last, or followed by another document.
 */
interface CacheEntry {
  /** The document text, copied (the map's key). */
  text: string;
  simple?: DocumentResult;
  atEnd?: DocumentResult;
  followed?: DocumentResult;
}
const cache = new Map<string, CacheEntry>();
let cachedChars = 0;
/** How much document text the cache holds (the values take a few times that). */
const CACHE_MAX_CHARS = MAX_MANIFEST_BYTES;
/** What a document before the last one is read with: the next document's marker. */
const NEXT_MARKER = '---';

/**
 * Walks the cache from its least recently used entry. Kept between calls: starting a new walk
 * each time would step over every entry deleted since the map last compacted itself. (Map
 * iterators are live: an entry used again moves behind the cursor, to the back.)
 */
let evictionCursor: Iterator<string> | undefined;

function remember(entry: CacheEntry): void {
  const key = entry.text;
  if (key.length > CACHE_MAX_CHARS) return;
  cache.set(key, entry);
  cachedChars += key.length;
  while (cachedChars > CACHE_MAX_CHARS) {
    evictionCursor ??= cache.keys();
    const oldest = evictionCursor.next();
    if (oldest.done) {
      evictionCursor = undefined;
      continue;
    }
    cache.delete(oldest.value);
    cachedChars -= oldest.value.length;
  }
}

/**
 * One chunk's document (`last`: nothing follows it), or undefined when the chunk must be read
 * as part of the whole stream.
 */
function readChunk(chunk: string, last: boolean): DocumentResult | undefined {
  const entry = cache.get(chunk);
  if (entry) {
    const hit = entry.simple ?? (last ? entry.atEnd : entry.followed);
    // Most recently used: to the back of the map's order (under its own copy of the text).
    cache.delete(entry.text);
    cache.set(entry.text, entry);
    if (hit) return hit;
  }
  const text = entry ? entry.text : ownCopy(chunk);
  if (!entry) {
    const simple = readSimpleDocument(text);
    if (simple) {
      const result = new SimpleResult(text, simple);
      remember({ text, simple: result });
      return result;
    }
  }
  const read = readStream(last ? text : text + NEXT_MARKER);
  if ('message' in read || read.length !== (last ? 1 : 2) || read[0].error) return undefined;
  const result = read[0];
  if (entry) {
    if (last) entry.atEnd = result;
    else entry.followed = result;
  } else remember(last ? { text, atEnd: result } : { text, followed: result });
  return result;
}

/** The size cap's message, or undefined when the text is small enough. */
function sizeProblem(text: string): ParsedManifest | undefined {
  const size = utf8Length(text);
  if (size <= MAX_MANIFEST_BYTES) return undefined;
  return {
    documents: [],
    messages: [
      {
        severity: 'error',
        message: `the manifest is ${formatSize(size)}; Service Lab reads manifests of at most ${formatSize(MAX_MANIFEST_BYTES)} (${MAX_MANIFEST_BYTES} bytes)`,
        range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
      },
    ],
  };
}

/** Parses a manifest. Never throws. */
export function parseManifest(text: string): ParsedManifest {
  const tooBig = sizeProblem(text);
  if (tooBig) return tooBig;
  const chunks = splitDocuments(text);
  if (!chunks) return parseWhole(text);
  const results: DocumentResult[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const result = readChunk(chunks[i].text, i === chunks.length - 1);
    if (!result) return parseWhole(text);
    results.push(result);
  }
  return { documents: results.map((result, index) => new ManifestDocument(index, result, chunks[index].line)), messages: [] };
}

/**
 * The reference reading: the whole text as one stream through the `yaml` package, no fast
 * reader, no cache. Tests hold parseManifest to it.
 */
export function parseManifestAsOneStream(text: string): ParsedManifest {
  return sizeProblem(text) ?? parseWhole(text);
}

/** Empties the parse cache (tests and benchmarks). */
export function clearParseCache(): void {
  cache.clear();
  cachedChars = 0;
  evictionCursor = undefined;
}
