/**
 * Where an object's YAML is among the open files: clicking a Service in the topology or a row in
 * the DNS table reveals the document that defines it (issue 4: "highlights its object and its
 * YAML"). Documents are found the way kubectl splits a manifest (a `---` line), and identified by
 * kind, metadata.name and metadata.namespace (absent means `default`, as `kubectl apply` fills it
 * from the context's namespace). `kind: List` items are searched too.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq, type Node } from 'yaml';

export interface ObjectRefLike {
  kind: string;
  namespace?: string;
  name: string;
}

/** The lines (1-based, inclusive) of the document that defines an object, in one file. */
export interface ObjectSource {
  fileName: string;
  startLine: number;
  endLine: number;
}

/** A cluster-scoped kind has no namespace to compare. */
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass']);

function str(node: unknown): string | undefined {
  return typeof node === 'string' ? node : undefined;
}

function identifies(value: unknown, ref: ObjectRefLike): boolean {
  if (!value || typeof value !== 'object') return false;
  const o = value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  if (str(o.kind) !== ref.kind || str(o.metadata?.name) !== ref.name) return false;
  if (CLUSTER_SCOPED.has(ref.kind)) return true;
  return (str(o.metadata?.namespace) ?? 'default') === (ref.namespace ?? 'default');
}

/** The range of a YAML node as 1-based lines (its end offset is exclusive, so a trailing newline is not a line). */
function lines(node: Node, counter: LineCounter): { startLine: number; endLine: number } | undefined {
  const range = node.range;
  if (!range) return undefined;
  const end = Math.max(range[0], range[1] - 1);
  return { startLine: counter.linePos(range[0]).line, endLine: counter.linePos(end).line };
}

/** The first open file and document (or List item) defining `ref`, or undefined. Never throws. */
export function findObjectSource(files: readonly { name: string; text: string }[], ref: ObjectRefLike): ObjectSource | undefined {
  for (const file of files) {
    const counter = new LineCounter();
    let docs;
    try {
      docs = parseAllDocuments(file.text, { lineCounter: counter, uniqueKeys: false });
    } catch {
      continue;
    }
    if (!Array.isArray(docs)) continue;
    for (const doc of docs) {
      if (doc.errors.length > 0 || !doc.contents) continue;
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (identifies(value, ref)) {
        const at = lines(doc.contents, counter);
        if (at) return { fileName: file.name, ...at };
      }
      const items = isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
      if ((value as { kind?: unknown } | null)?.kind === 'List' && isSeq(items)) {
        for (const item of items.items) {
          if (!item || typeof item !== 'object' || !('range' in item)) continue;
          const node = item as Node;
          if (identifies(node.toJSON(), ref)) {
            const at = lines(node, counter);
            if (at) return { fileName: file.name, ...at };
          }
        }
      }
    }
  }
  return undefined;
}
