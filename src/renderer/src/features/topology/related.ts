/** What lights up with a selection (pure): boxes reachable forward and backward along backing edges. */
import type { GraphEdge } from './topology-graph';

const BACKING = new Set<GraphEdge['kind']>(['backs', 'endpoint', 'endpoint-not-ready', 'cname']);

/** The selected id, everything it leads to, and everything that leads to it (not siblings). */
export function relatedIds(edges: readonly GraphEdge[], selected: string | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  if (selected === undefined) return out;
  out.add(selected);
  for (const forward of [true, false]) {
    const queue = [selected];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const e of edges) {
        if (!BACKING.has(e.kind)) continue;
        const [a, b] = forward ? [e.from, e.to] : [e.to, e.from];
        if (a === id && !seen.has(b)) {
          seen.add(b);
          out.add(b);
          queue.push(b);
        }
      }
    }
  }
  return out;
}
