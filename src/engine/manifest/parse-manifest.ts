/**
 * Manifest text → documents, the way `kubectl apply -f` reads a file: YAML 1.1 scalars as
 * go-yaml v2 resolves them, `---`-separated documents, empty documents skipped, and errors worded
 * as kubectl prints them (`error converting YAML to JSON: yaml: line 3: …`). Each document knows
 * where its fields are, so field errors land on the right line. Never throws.
 *
 * Size cap: MAX_MANIFEST_BYTES (1 MiB). Parsing cost grows with the number of documents (about
 * half a second for 1 MiB of tiny documents on a small machine); anything bigger is refused
 * at once with a clear message rather than freezing the editor. The apiserver itself accepts at
 * most 3 MiB per request (--max-request-body-bytes), and etcd about 1.5 MiB per object.
 */

import { utf8Length } from '../utf8-length';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { KubeObject } from '../../shared/api-types';
import type { LocatedMessage, SourceRange } from '../../shared/field-error-types';
import { locateIn, locateKeyIn, locateMapEntry, type LocNode } from './source-locator';
import { toGoYamlError } from './yaml-error-message';
import { convertDocument, toRange, YamlDecodeError } from './yaml-to-json';

/** Manifests larger than this (in UTF-8 bytes) are refused. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** One YAML document of the text. */
export interface ParsedDocument {
  /** 0-based position in the text. */
  index: number;
  /**
   * The document as JSON: an object for a mapping (it may still lack kind/apiVersion), or
   * `value` holds what else it was. Undefined for an empty document, a non-mapping, or a syntax error.
   */
  object?: KubeObject;
  /** The decoded value when the document is not a mapping (a list, a scalar); `null` for empty. */
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

function makeDocument(index: number, range: SourceRange, loc: LocNode | undefined, value: unknown, messages: LocatedMessage[], syntaxError: boolean): ParsedDocument {
  const isMapping = value !== null && typeof value === 'object' && !Array.isArray(value);
  return {
    index,
    object: isMapping && !syntaxError ? (value as KubeObject) : undefined,
    value: syntaxError ? undefined : value,
    range,
    messages,
    syntaxError,
    locate: (fieldPath) => locateIn(loc, fieldPath) ?? range,
    locateKey: (fieldPath) => locateKeyIn(loc, fieldPath) ?? range,
    locateEntry: (fieldPath, badValue) => locateMapEntry(loc, fieldPath, badValue, valueAt(value, fieldPath)) ?? range,
  };
}

/** Parses a manifest. Never throws. */
export function parseManifest(text: string): ParsedManifest {
  const size = utf8Length(text);
  if (size > MAX_MANIFEST_BYTES) {
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
  const lc = new LineCounter();
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter: lc, schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'silent' });
    docs = (Array.isArray(parsed) ? parsed : [parsed]) as Document.Parsed[];
  } catch (e) {
    return { documents: [], messages: [{ severity: 'error', message: `error converting YAML to JSON: yaml: ${e instanceof Error ? e.message : String(e)}`, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
  }
  const documents: ParsedDocument[] = [];
  docs.forEach((doc, index) => {
    const r = doc.range ?? [0, 0, 0];
    // The document's content, not its `---` marker or leading comments.
    const start = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? r[0];
    const range = toRange(lc, start, Math.max(start, r[1]));
    if (doc.errors.length > 0) {
      const err = toGoYamlError(doc.errors[0], text, lc);
      const at = toRange(lc, err.offset, Math.min(text.length, err.offset + 1));
      const message = `error converting YAML to JSON: yaml: line ${err.line}: ${err.message}`;
      documents.push(makeDocument(index, range, undefined, undefined, [{ severity: 'error', message, range: at }], true));
      return;
    }
    try {
      const converted = convertDocument(doc, lc);
      documents.push(makeDocument(index, range, converted.loc, converted.value, converted.warnings, false));
    } catch (e) {
      const offset = e instanceof YamlDecodeError ? e.offset : r[0];
      const reason = e instanceof YamlDecodeError ? e.message : e instanceof RangeError ? `exceeded max depth of 10000` : String(e);
      const at = toRange(lc, offset, Math.min(text.length, offset + 1));
      const framed = reason.startsWith('json:') ? reason : `yaml: ${reason}`;
      documents.push(makeDocument(index, range, undefined, undefined, [{ severity: 'error', message: `error converting YAML to JSON: ${framed}`, range: at }], true));
    }
  });
  return { documents, messages: [] };
}
