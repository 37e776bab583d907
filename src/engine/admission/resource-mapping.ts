/**
 * The kinds this simulated apiserver serves and their REST names, like the discovery/RESTMapper
 * view kubectl gets (`kubectl api-resources`). Kind matching is case-sensitive, as upstream's:
 * `kind: service` has no mapping.
 */

/** One served kind. */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  group: string;
  /** Plural resource, as in URLs and in NotFound messages (`services "x" not found`). */
  resource: string;
  namespaced: boolean;
  /** GroupKind.String(): `Service`, `EndpointSlice.discovery.k8s.io` (Invalid messages). */
  qualifiedKind: string;
  /** GroupResource.String(): `services`, `endpointslices.discovery.k8s.io` (NotFound, AlreadyExists …). */
  qualifiedResource: string;
}

function info(apiVersion: string, kind: string, resource: string, namespaced: boolean): KindInfo {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return {
    kind,
    apiVersion,
    group,
    resource,
    namespaced,
    qualifiedKind: group ? `${kind}.${group}` : kind,
    qualifiedResource: group ? `${resource}.${group}` : resource,
  };
}

const KINDS: readonly KindInfo[] = [
  info('v1', 'Namespace', 'namespaces', false),
  info('v1', 'Node', 'nodes', false),
  info('v1', 'Pod', 'pods', true),
  info('v1', 'Service', 'services', true),
  info('v1', 'Endpoints', 'endpoints', true),
  info('v1', 'ConfigMap', 'configmaps', true),
  info('discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices', true),
];

/** The served kind for apiVersion + kind, or undefined (kubectl: "no matches for kind"). */
export function lookupKind(apiVersion: unknown, kind: unknown): KindInfo | undefined {
  return KINDS.find((k) => k.apiVersion === apiVersion && k.kind === kind);
}

/** A served kind by name alone (for delete by kind). */
export function lookupKindByName(kind: string): KindInfo | undefined {
  return KINDS.find((k) => k.kind === kind);
}

/** All served kinds. */
export function servedKinds(): readonly KindInfo[] {
  return KINDS;
}

/**
 * kubectl's RESTMapper failure, minus the file part kubectl inserts after the namespace
 * (`from "x.yaml"`): `no matches for kind "Foo" in version "v1"` plus its CRD hint.
 */
export function noMatchMessage(apiVersion: string, kind: string): string {
  return `no matches for kind "${kind}" in version "${apiVersion}"`;
}
