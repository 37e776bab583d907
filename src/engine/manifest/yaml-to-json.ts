/**
 * YAML document → JSON value, the way kubectl reads it (sigs.k8s.io/yaml over go-yaml v2):
 * go-yaml's scalar resolution (goyaml-scalar.ts), `<<` merge keys, anchors and aliases with
 * go-yaml's "excessive aliasing" guard, map keys turned into strings, and duplicate keys silently
 * resolved in favour of the last one (go-yaml v2's non-strict Unmarshal does that, and so does
 * kubectl: kubernetes/kubernetes#125885). We still report duplicates as warnings, because a learner
 * would never guess. Also builds the source-position tree used by `locate`.
 */

import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import { resolvePlainScalar, resolveTaggedScalar } from './goyaml-scalar';
import type { LocEntry, LocNode } from './source-locator';

/** A fatal decoding problem, with go-yaml's wording (without the `yaml: ` prefix). */
export class YamlDecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A duplicate map key (a warning), by offsets: the later key's range and the earlier key's start. */
export interface DuplicateKey {
  key: string;
  keyStart: number;
  keyEnd: number;
  earlierStart: number;
}

/** The warning for a duplicate key, given the lines of both keys. */
export function duplicateKeyMessage(key: string, line: number, earlierLine: number): string {
  return `duplicate key "${key}": kubectl silently keeps the last value (line ${line}) and drops the earlier one (line ${earlierLine})`;
}

/** The converted document. */
export interface ConvertedDocument {
  value: unknown;
  loc: LocNode | undefined;
  duplicates: DuplicateKey[];
}

/** go-yaml v2 allowedAliasRatio: 99% of decodes may come from aliases below 400k, 10% above 4M. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

const MAX_DEPTH = 10_000;

/**
 * go-yaml's ratio guard alone lets some alias bombs expand hundreds of millions of nodes (a
 * nine-by-nine "billion laughs" keeps aliases at about 10% of decodes). We also stop at this
 * many alias expansions, far above what any real manifest uses, with go-yaml's message.
 */
export const MAX_ALIAS_EXPANSIONS = 10_000;

interface Ctx {
  doc: Document.Parsed;
  /** Alias → its anchor node (the last anchor of that name before the alias), resolved at the first alias. */
  aliases: Map<Alias, Node | undefined> | undefined;
  decodeCount: number;
  aliasCount: number;
  active: Set<Node>;
  duplicates: DuplicateKey[];
}

/** A scalar node's place: the node's range, or an empty range at `fallbackOffset`. */
function scalarLoc(node: Node | null | undefined, fallbackOffset = 0): LocNode {
  const r = node?.range;
  return r ? { kind: 'scalar', start: r[0], end: r[1] } : { kind: 'scalar', start: fallbackOffset, end: fallbackOffset };
}

/** The anchor node an alias points at. */
function aliasTarget(ctx: Ctx, alias: Alias): Node | undefined {
  ctx.aliases ??= resolveAliases(ctx.doc);
  return ctx.aliases.get(alias);
}

/** Converts one parsed document (throws YamlDecodeError on go-yaml-fatal problems). */
export function convertDocument(doc: Document.Parsed): ConvertedDocument {
  const ctx: Ctx = { doc, aliases: undefined, decodeCount: 0, aliasCount: 0, active: new Set(), duplicates: [] };
  if (doc.contents === null || doc.contents === undefined) return { value: null, loc: undefined, duplicates: [] };
  const { value, loc } = convert(ctx, doc.contents as Node, 0);
  return { value, loc, duplicates: ctx.duplicates };
}

/**
 * Resolves every alias in one pass (Alias.resolve searches the whole document on each call,
 * which an alias-heavy document turns into minutes).
 */
function resolveAliases(doc: Document.Parsed): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const out = new Map<Alias, Node | undefined>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) out.set(node, anchors.get(node.source));
    else if (node && typeof node === 'object' && 'anchor' in node && typeof (node as { anchor?: string }).anchor === 'string') {
      anchors.set((node as { anchor: string }).anchor, node as Node);
    }
  });
  return out;
}

function convert(ctx: Ctx, node: Node, depth: number): { value: unknown; loc: LocNode } {
  if (depth > MAX_DEPTH) throw new YamlDecodeError(`exceeded max depth of ${MAX_DEPTH}`, node.range?.[0] ?? 0);
  ctx.decodeCount++;
  if (ctx.aliasCount > 100 && ctx.decodeCount > 1000 && ctx.aliasCount / ctx.decodeCount > allowedAliasRatio(ctx.decodeCount)) {
    throw new YamlDecodeError('document contains excessive aliasing', node.range?.[0] ?? 0);
  }
  if (isAlias(node)) {
    ctx.aliasCount++;
    if (ctx.aliasCount > MAX_ALIAS_EXPANSIONS) throw new YamlDecodeError('document contains excessive aliasing', node.range?.[0] ?? 0);
    const target = aliasTarget(ctx, node);
    if (!target) throw new YamlDecodeError(`unknown anchor '${node.source}' referenced`, node.range?.[0] ?? 0);
    if (ctx.active.has(target)) throw new YamlDecodeError(`anchor '${node.source}' value contains itself`, node.range?.[0] ?? 0);
    ctx.active.add(target);
    try {
      const inner = convert(ctx, target, depth + 1);
      // The alias's own position is where the value is used; its insides point at the anchor.
      const r = node.range;
      return { value: inner.value, loc: { ...inner.loc, start: r ? r[0] : 0, end: r ? r[1] : 0 } };
    } finally {
      ctx.active.delete(target);
    }
  }
  if (isScalar(node)) {
    const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
    let value: unknown;
    if (node.tag && node.tag !== '!') {
      const v = resolveTaggedScalar(node.tag, text);
      if (v === undefined) throw new YamlDecodeError(`cannot decode !!str \`${text}\` as a ${node.tag.replace(/^tag:yaml\.org,2002:/, '!!')}`, node.range?.[0] ?? 0);
      value = v;
    } else if (node.type === 'PLAIN') value = resolvePlainScalar(text);
    else value = text;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      // sigs.k8s.io/yaml cannot write these as JSON.
      throw new YamlDecodeError(`json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`, node.range?.[0] ?? 0);
    }
    return { value, loc: scalarLoc(node) };
  }
  if (isSeq(node)) {
    const values: unknown[] = [];
    const items: LocNode[] = [];
    for (const item of node.items) {
      if (item === null || item === undefined) {
        values.push(null);
        items.push(scalarLoc(node));
        continue;
      }
      const c = convert(ctx, item as Node, depth + 1);
      values.push(c.value);
      items.push(c.loc);
    }
    const r = node.range;
    return { value: values, loc: { kind: 'seq', start: r ? r[0] : 0, end: r ? r[1] : 0, items } };
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const entries = new Map<string, LocEntry>();
    const seen = new Map<string, number>();
    for (const pair of node.items as Pair<Node | null, Node | null>[]) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keyLoc = scalarLoc(keyNode, node.range?.[0]);
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === '<<' && !keyNode.tag) {
        mergeInto(ctx, pair.value as Node | null, out, entries, depth);
        continue;
      }
      const key = mapKey(ctx, keyNode, depth);
      const valueNode = pair.value as Node | null;
      const converted = valueNode ? convert(ctx, valueNode, depth + 1) : { value: null, loc: keyLoc };
      const earlier = seen.get(key);
      if (earlier !== undefined) ctx.duplicates.push({ key, keyStart: keyLoc.start, keyEnd: keyLoc.end, earlierStart: earlier });
      seen.set(key, keyLoc.start);
      out[key] = converted.value;
      entries.set(key, { keyStart: keyLoc.start, keyEnd: keyLoc.end, value: converted.loc });
    }
    const r = node.range;
    return { value: out, loc: { kind: 'map', start: r ? r[0] : 0, end: r ? r[1] : 0, entries } };
  }
  return { value: null, loc: scalarLoc(node) };
}

/** Map keys become JSON object keys (sigs.k8s.io/yaml stringifies ints, floats and bools). */
function mapKey(ctx: Ctx, keyNode: Node | null, depth: number): string {
  if (keyNode === null || keyNode === undefined) return 'null';
  const { value } = convert(ctx, keyNode, depth + 1);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  throw new YamlDecodeError('invalid map key: maps and sequences cannot be keys', keyNode.range?.[0] ?? 0);
}

/** go-yaml v2 merge(): a map, an alias of a map, or a list of those (earlier entries win). */
function mergeInto(ctx: Ctx, valueNode: Node | null, out: Record<string, unknown>, entries: Map<string, LocEntry>, depth: number): void {
  const fail = (): never => {
    throw new YamlDecodeError('map merge requires map or sequence of maps as the value', valueNode?.range?.[0] ?? 0);
  };
  const target = (n: Node): Node | undefined => (isAlias(n) ? aliasTarget(ctx, n) : n);
  const sources: Node[] = [];
  if (valueNode && isSeq(valueNode)) {
    for (let i = valueNode.items.length - 1; i >= 0; i--) {
      const n = valueNode.items[i] as Node;
      if (!isMap(target(n))) fail();
      sources.push(n);
    }
  } else if (valueNode && isMap(target(valueNode))) sources.push(valueNode);
  else fail();
  for (const src of sources) {
    const { value, loc } = convert(ctx, src, depth + 1);
    if (loc.kind !== 'map' || value === null || typeof value !== 'object') continue;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = v;
      const e = loc.entries.get(k);
      if (e) entries.set(k, e);
    }
  }
}
