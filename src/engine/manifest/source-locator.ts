/**
 * Where each value of a parsed document sits in the text, so field errors can be pinned to a
 * line: a tree parallel to the JSON value, and `locate` that walks it along a field path
 * (`spec.ports[0].port`, `metadata.labels[app]`, `subsets[0].addresses[1].ip`).
 */

import type { SourceRange } from '../../shared/field-error-types';
import { parseFieldPath } from '../admission/field-path';

/** The source position of one value (and, in maps, of each key). */
export type LocNode =
  | { kind: 'map'; range: SourceRange; entries: Map<string, { keyRange: SourceRange; value: LocNode }> }
  | { kind: 'seq'; range: SourceRange; items: LocNode[] }
  | { kind: 'scalar'; range: SourceRange };

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
export function locateIn(root: LocNode | undefined, fieldPath: string): SourceRange | undefined {
  if (!root) return undefined;
  let node: LocNode = root;
  let fallback: SourceRange = firstLine(root.range);
  for (const seg of parseFieldPath(fieldPath)) {
    const name = 'name' in seg ? seg.name : 'key' in seg ? seg.key : String(seg.index);
    if (node.kind === 'map') {
      const entry = node.entries.get(name);
      if (!entry) return fallback;
      fallback = entry.keyRange;
      node = entry.value;
    } else if (node.kind === 'seq' && !('name' in seg) && /^\d+$/.test(name)) {
      const item = node.items[Number(name)];
      if (!item) return fallback;
      fallback = firstLine(item.range);
      node = item;
    } else {
      return fallback;
    }
  }
  return node.range;
}

/** The range of the key naming the field at `fieldPath` (for unknown fields); falls back to `locateIn`. */
export function locateKeyIn(root: LocNode | undefined, fieldPath: string): SourceRange | undefined {
  const segs = parseFieldPath(fieldPath);
  const last = segs[segs.length - 1];
  if (!root || !last || !('name' in last)) return locateIn(root, fieldPath);
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
  return (node?.kind === 'map' ? node.entries.get(last.name)?.keyRange : undefined) ?? locateIn(root, fieldPath);
}

/**
 * Like `locateIn`, but for a map-level error whose bad value names one entry (apimachinery
 * reports label errors at `metadata.labels` with the key or value as the bad value): the key's or
 * the value's own range when one matches.
 */
export function locateMapEntry(root: LocNode | undefined, fieldPath: string, badValue: unknown, values: Record<string, unknown> | undefined): SourceRange | undefined {
  const at = locateIn(root, fieldPath);
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
  if (byKey) return byKey.keyRange;
  for (const [k, v] of Object.entries(values)) {
    if (v === badValue) return node.entries.get(k)?.value.range ?? at;
  }
  return at;
}
