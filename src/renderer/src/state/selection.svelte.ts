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
