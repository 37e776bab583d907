/**
 * Where each value of a parsed document sits in the text, so field errors can be pinned to a
 * line: a tree parallel to the JSON value, and `locate` that walks it along a field path
 * (`spec.ports[0].port`, `metadata.labels[app]`, `subsets[0].addresses[1].ip`).
 *
 * The tree holds character offsets, not lines: a parsed document is cached and reused wherever
 * its text reappears in a manifest (parse-manifest.ts), so lines are worked out only when asked
 * for, through a `LineIndex` that knows where the document's text starts.
 */

import type { SourceRange } from '../../shared/field-error-types';
import { parseFieldPath } from '../admission/field-path';

/** The source position of one value (and, in maps, of each key), as offsets [start, end). */
export type LocNode =
  | { kind: 'map'; start: number; end: number; entries: Map<string, LocEntry> }
  | { kind: 'seq'; start: number; end: number; items: LocNode[] }
  | { kind: 'scalar'; start: number; end: number };

/** One map entry: where its key is, and its value's node. */
export interface LocEntry {
  keyStart: number;
  keyEnd: number;
  value: LocNode;
}

/**
 * Offsets → 1-based lines and columns, as the `yaml` package's LineCounter answers them, for a
 * text whose first line is line `lineShift + 1` of the manifest.
 */
export class LineIndex {
  constructor(
    /** Offsets where lines start (the first is 0), ascending. */
    readonly lineStarts: readonly number[],
    readonly lineShift: number,
  ) {}

  /** The range [start, end) as lines and columns (LineCounter.linePos of both ends). */
  range(start: number, end: number): SourceRange {
    const a = this.#pos(start);
    const b = this.#pos(Math.max(start, end));
    return { line: a.line + this.lineShift, column: a.col, endLine: b.line + this.lineShift, endColumn: b.col };
  }

  /** The 1-based line of an offset. */
  line(offset: number): number {
    return this.#pos(offset).line + this.lineShift;
  }

  /** LineCounter.linePos. */
  #pos(offset: number): { line: number; col: number } {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1] + 1 };
  }
}

const nodeRange = (lines: LineIndex, node: LocNode): SourceRange => lines.range(node.start, node.end);
const keyRange = (lines: LineIndex, entry: LocEntry): SourceRange => lines.range(entry.keyStart, entry.keyEnd);

/** The first line of a range (for multi-line values). */
function firstLine(range: SourceRange): SourceRange {
  if (range.endLine === range.line) return range;
  return { line: range.line, column: range.column, endLine: range.line, endColumn: range.column + 1 };
}

/**
 * The range of the value at `fieldPath`; when the field is missing, the closest existing
 * ancestor's key (or the first line of the enclosing list item), so a Required error still marks
 * a sensible line. Undefined only when the root is missing.
 */
export function locateIn(root: LocNode | undefined, lines: LineIndex, fieldPath: string): SourceRange | undefined {
  if (!root) return undefined;
  const alias = writtenAs(root, fieldPath);
  if (alias !== undefined) return locateIn(root, lines, alias);
  let node: LocNode = root;
  let fallback: SourceRange = firstLine(nodeRange(lines, root));
  for (const seg of parseFieldPath(fieldPath)) {
    const name = 'name' in seg ? seg.name : 'key' in seg ? seg.key : String(seg.index);
    if (node.kind === 'map') {
      const entry = node.entries.get(name);
      if (!entry) return fallback;
      fallback = keyRange(lines, entry);
      node = entry.value;
    } else if (node.kind === 'seq' && !('name' in seg) && /^\d+$/.test(name)) {
      const item = node.items[Number(name)];
      if (!item) return fallback;
      fallback = firstLine(nodeRange(lines, item));
      node = item;
    } else {
      return fallback;
    }
  }
  return nodeRange(lines, node);
}

/**
 * Fields the apiserver fills from another field before validating, so its errors name a field the
 * learner never wrote. NormalizeClusterIPs (pkg/registry/core/service/storage/storage.go) copies
 * `spec.clusterIP` into `spec.clusterIPs[0]`: an error about `spec.clusterIPs[0]` is about the
 * `clusterIP:` line when only that was written.
 */
const FILLED_FROM: readonly { path: RegExp; from: string }[] = [{ path: /^spec\.clusterIPs(\[0\])?$/, from: 'spec.clusterIP' }];

/** The path the user actually wrote for `fieldPath`, when the field itself is absent from the text. */
function writtenAs(root: LocNode, fieldPath: string): string | undefined {
  const rule = FILLED_FROM.find((r) => r.path.test(fieldPath));
  if (!rule || nodeAt(root, fieldPath) || !nodeAt(root, rule.from)) return undefined;
  return rule.from;
}

/** The node at `fieldPath`, if every segment exists. */
function nodeAt(root: LocNode, fieldPath: string): LocNode | undefined {
  let node: LocNode | undefined = root;
  for (const seg of parseFieldPath(fieldPath)) {
    const name = 'name' in seg ? seg.name : 'key' in seg ? seg.key : String(seg.index);
    if (node?.kind === 'map') node = node.entries.get(name)?.value;
    else if (node?.kind === 'seq' && /^\d+$/.test(name)) node = node.items[Number(name)];
    else return undefined;
  }
  return node;
}

/** The range of the key naming the field at `fieldPath` (for unknown fields); falls back to `locateIn`. */
export function locateKeyIn(root: LocNode | undefined, lines: LineIndex, fieldPath: string): SourceRange | undefined {
  const segs = parseFieldPath(fieldPath);
  const last = segs[segs.length - 1];
  if (!root || !last || !('name' in last)) return locateIn(root, lines, fieldPath);
  const parentPath = fieldPath.slice(0, fieldPath.length - last.name.length).replace(/\.$/, '');
  let node: LocNode | undefined = root;
  if (parentPath !== '') {
    for (const seg of parseFieldPath(parentPath)) {
      const name = 'name' in seg ? seg.name : 'key' in seg ? seg.key : String(seg.index);
      if (node?.kind === 'map') node = node.entries.get(name)?.value;
      else if (node?.kind === 'seq') node = node.items[Number(name)];
      else node = undefined;
    }
  }
  const entry = node?.kind === 'map' ? node.entries.get(last.name) : undefined;
  return entry ? keyRange(lines, entry) : locateIn(root, lines, fieldPath);
}

/**
 * Like `locateIn`, but for a map-level error whose bad value names one entry (apimachinery
 * reports label errors at `metadata.labels` with the key or value as the bad value): the key's or
 * the value's own range when one matches.
 */
export function locateMapEntry(root: LocNode | undefined, lines: LineIndex, fieldPath: string, badValue: unknown, values: Record<string, unknown> | undefined): SourceRange | undefined {
  const at = locateIn(root, lines, fieldPath);
  if (!root || typeof badValue !== 'string' || !values) return at;
  let node: LocNode | undefined = root;
  for (const seg of parseFieldPath(fieldPath)) {
    const name = 'name' in seg ? seg.name : 'key' in seg ? seg.key : String(seg.index);
    if (node?.kind === 'map') node = node.entries.get(name)?.value;
    else if (node?.kind === 'seq') node = node.items[Number(name)];
    else node = undefined;
  }
  if (node?.kind !== 'map') return at;
  const byKey = node.entries.get(badValue);
  if (byKey) return keyRange(lines, byKey);
  for (const [k, v] of Object.entries(values)) {
    if (v === badValue) {
      const entry = node.entries.get(k);
      return entry ? nodeRange(lines, entry.value) : at;
    }
  }
  return at;
}
