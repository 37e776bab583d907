/** What the user selected (an object key `Kind/namespace/name`): the topology, DNS table and details panel follow it. */
export class Selection {
  key = $state<string | undefined>(undefined);
  /** DNS row names highlighted because they belong to the selection (or were clicked). */
  highlightedNames = $state.raw<ReadonlySet<string>>(new Set());

  select(key: string | undefined): void {
    this.key = key;
  }

  highlight(names: Iterable<string>): void {
    this.highlightedNames = new Set(names);
  }
}

/** The object a key `Kind/namespace/name` names (an empty namespace: cluster-scoped). */
export function parseObjectKey(key: string | undefined): { kind: string; namespace?: string; name: string } | undefined {
  const [kind, namespace, ...rest] = key?.split('/') ?? [];
  const name = rest.join('/');
  return kind && name ? { kind, name, ...(namespace ? { namespace } : {}) } : undefined;
}
