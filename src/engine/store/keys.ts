/** Store keys: `Kind/namespace/name`; cluster-scoped kinds have an empty namespace (`Node//node1`). */

import type { KubeObject } from '../../shared/api-types';

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
}

/** `namespace/name`, the key Kubernetes controllers queue (cache.MetaNamespaceKeyFunc). */
export function namespacedName(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

export function splitNamespacedName(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
