/**
 * The Objects view's data: `kubectl get -o wide` tables printed by the engine (so the view and
 * the terminal never disagree), re-read when the cluster changes, and the YAML of the selected
 * object. Only the newest answer is kept: an older request that returns late is dropped.
 */
import type { EngineClient, ObjectRef, ObjectTable } from '../../../../shared/engine-protocol';

/** `undefined` namespace means all namespaces (kubectl's -A). */
export type NamespaceChoice = string | undefined;

/** The resource name a learner types after `kubectl get`. */
const RESOURCE: Record<string, string> = {
  Service: 'services',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslices',
  Pod: 'pods',
  ConfigMap: 'configmaps',
  Node: 'nodes',
  Namespace: 'namespaces',
};
const CLUSTER_SCOPED = new Set(['Node', 'Namespace']);

/**
 * kubectl get's message for an empty list (kubectl/pkg/cmd/get/get.go): "No resources found in
 * NS namespace." for a namespaced kind, "No resources found" otherwise or with -A.
 */
export function noResourcesText(kind: string, namespace: NamespaceChoice): string {
  return CLUSTER_SCOPED.has(kind) || namespace === undefined ? 'No resources found' : `No resources found in ${namespace} namespace.`;
}

/** `kubectl get svc` names: the short form a learner types for each table's heading. */
export function getCommand(kind: string, namespace: NamespaceChoice, wide: boolean): string {
  const ns = CLUSTER_SCOPED.has(kind) ? '' : namespace === undefined ? ' -A' : namespace === 'default' ? '' : ` -n ${namespace}`;
  return `kubectl get ${RESOURCE[kind] ?? kind.toLowerCase()}${ns}${wide ? ' -o wide' : ''}`;
}

/** Drops the `-o wide` columns when not wide, as kubectl does. */
export function visibleTable(table: ObjectTable, wide: boolean): { columns: string[]; rows: { ref: ObjectRef; cells: string[] }[] } {
  const keep = table.columns.map((c) => wide || !c.wide);
  return { columns: table.columns.filter((_, i) => keep[i]).map((c) => c.name), rows: table.rows.map((r) => ({ ref: r.ref, cells: r.cells.filter((_, i) => keep[i]) })) };
}

export class ObjectsState {
  #client: EngineClient;
  namespace = $state<NamespaceChoice>('default');
  wide = $state(false);
  #tables = $state.raw<readonly ObjectTable[]>([]);
  #loaded = $state(false);
  #yaml = $state.raw<{ ref: ObjectRef; text: string } | undefined>(undefined);
  #generation = 0;
  #yamlGeneration = 0;

  constructor(client: EngineClient) {
    this.#client = client;
  }

  get tables(): readonly ObjectTable[] {
    return this.#tables;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get yaml(): { ref: ObjectRef; text: string } | undefined {
    return this.#yaml;
  }

  /** Re-reads the tables (after a change, a namespace switch, or time passing for AGE). */
  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    const namespace = this.namespace;
    try {
      const tables = await this.#client.request('objectTables', namespace === undefined ? {} : { namespace });
      if (generation !== this.#generation) return;
      this.#tables = tables;
      this.#loaded = true;
    } catch {
      // The engine restarted mid-request: the next change event or restart notice refreshes again.
    }
    if (this.#yaml) await this.showYaml(this.#yaml.ref);
  }

  /** Shows `kubectl get -o yaml` of one object (its error text when it is gone). */
  async showYaml(ref: ObjectRef): Promise<void> {
    const generation = ++this.#yamlGeneration;
    try {
      const answer = await this.#client.request('objectYaml', ref);
      if (generation !== this.#yamlGeneration) return;
      this.#yaml = { ref, text: 'yaml' in answer ? answer.yaml : answer.error };
    } catch {
      // As in refresh: a restarted engine is re-read on its notice.
    }
  }

  closeYaml(): void {
    this.#yamlGeneration++;
    this.#yaml = undefined;
  }
}
