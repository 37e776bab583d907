/**
 * The Objects view's tables: what `kubectl get KIND -o wide` shows, printed the way the apiserver
 * prints a Table for kubectl (pkg/printers/internalversion, through table-printers.ts), so the
 * view and the terminal never disagree. Rows carry the object's ref so a click can select it.
 */
import type { KubeObject } from '../../shared/api-types';
import type { ObjectRef, ObjectTable } from '../../shared/engine-protocol';
import type { Engine } from '../engine';
import { printYaml, withTypeMeta } from '../shell/kubectl/printers/output-formats';
import { tableFor } from '../shell/kubectl/printers/table-printers';
import { qualifiedResource, typeOfKind } from '../shell/kubectl/resources';
import { newNotFound } from '../admission/status-errors';

/** The kinds the Objects view lists, in the order the chapter meets them. */
export const OBJECT_TABLE_KINDS = ['Service', 'Endpoints', 'EndpointSlice', 'Pod', 'ConfigMap', 'Node', 'Namespace'] as const;

const CLUSTER_SCOPED = new Set<string>(['Node', 'Namespace']);

/** kubectl sorts by namespace, then name (the apiserver's list order). */
const byNamespaceAndName = (a: KubeObject, b: KubeObject): number =>
  (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');

/**
 * One table per kind, for one namespace (`undefined`: all namespaces, as `-A`, with a NAMESPACE
 * column). Cluster-scoped kinds are listed whatever the namespace, as `kubectl get nodes` is.
 */
export function objectTables(engine: Engine, namespace: string | undefined): ObjectTable[] {
  const now = engine.now();
  return OBJECT_TABLE_KINDS.map((kind) => {
    const scoped = !CLUSTER_SCOPED.has(kind);
    const objects = engine.store
      .list(kind)
      .filter((o) => !scoped || namespace === undefined || o.metadata.namespace === namespace)
      .sort(byNamespaceAndName);
    const table = tableFor(kind, objects, now, true);
    const withNamespace = scoped && namespace === undefined;
    return {
      kind,
      columns: [...(withNamespace ? [{ name: 'NAMESPACE', wide: false }] : []), ...table.columns.map((c) => ({ name: c.name.toUpperCase(), wide: c.priority > 0 }))],
      rows: table.rows.map((cells, i) => {
        const o = objects[i];
        const ref: ObjectRef = { kind, name: o.metadata.name ?? '', ...(scoped ? { namespace: o.metadata.namespace } : {}) };
        return { ref, cells: withNamespace ? [o.metadata.namespace ?? '', ...cells] : cells };
      }),
    };
  });
}

/** `kubectl get KIND NAME -o yaml` of one object, or kubectl's NotFound text. */
export function objectYaml(engine: Engine, ref: ObjectRef): { yaml: string } | { error: string } {
  const obj = engine.store.get(ref.kind, ref.namespace, ref.name);
  if (!obj) {
    const type = typeOfKind(ref.kind);
    return { error: `Error from server (NotFound): ${newNotFound(type ? qualifiedResource(type) : ref.kind, ref.name).message}` };
  }
  return { yaml: printYaml(withTypeMeta(obj)) };
}
