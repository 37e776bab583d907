/**
 * The resource types the simulated apiserver serves, as kubectl's RESTMapper sees them through
 * discovery: plural, singular, short names and kind all name a type (case-insensitively), and
 * `TYPE.GROUP` forms too (`endpointslices.discovery.k8s.io`). `all` is the category kubectl expands
 * to the types marked with it (pods and services here — the other `all` members, Deployments,
 * ReplicaSets… are not simulated).
 */

import type { KubeObject } from '../../../shared/api-types';

/** One served resource type. */
export interface ResourceType {
  kind: string;
  resource: string;
  singular: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: readonly string[];
  verbs: readonly string[];
  categories: readonly string[];
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

/** In `kubectl api-resources` order (group, then name). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  { kind: 'ConfigMap', resource: 'configmaps', singular: 'configmap', group: '', version: 'v1', namespaced: true, shortNames: ['cm'], verbs: VERBS, categories: [] },
  { kind: 'Endpoints', resource: 'endpoints', singular: 'endpoints', group: '', version: 'v1', namespaced: true, shortNames: ['ep'], verbs: VERBS, categories: [] },
  { kind: 'Namespace', resource: 'namespaces', singular: 'namespace', group: '', version: 'v1', namespaced: false, shortNames: ['ns'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], categories: [] },
  { kind: 'Node', resource: 'nodes', singular: 'node', group: '', version: 'v1', namespaced: false, shortNames: ['no'], verbs: VERBS, categories: [] },
  { kind: 'Pod', resource: 'pods', singular: 'pod', group: '', version: 'v1', namespaced: true, shortNames: ['po'], verbs: VERBS, categories: ['all'] },
  { kind: 'Service', resource: 'services', singular: 'service', group: '', version: 'v1', namespaced: true, shortNames: ['svc'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], categories: ['all'] },
  { kind: 'EndpointSlice', resource: 'endpointslices', singular: 'endpointslice', group: 'discovery.k8s.io', version: 'v1', namespaced: true, shortNames: [], verbs: VERBS, categories: [] },
];

/** `pods`, `services`, `endpointslices.discovery.k8s.io`: how kubectl names a type in `TYPE/NAME` output. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** `pod`, `service`, `endpointslice.discovery.k8s.io`: the prefix of `-o name` and of `created` lines. */
export function kindPrefix(t: ResourceType): string {
  const kind = t.kind.toLowerCase();
  return t.group ? `${kind}.${t.group}` : kind;
}

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** The type a user's word names, or undefined (`the server doesn't have a resource type "x"`). */
export function resolveResourceType(word: string): ResourceType | undefined {
  const lower = word.toLowerCase();
  for (const t of RESOURCE_TYPES) {
    const names = [t.resource, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    if (names.includes(lower)) return t;
    if (t.group) {
      for (const n of [t.resource, t.singular, t.kind.toLowerCase()]) {
        if (lower === `${n}.${t.group}` || lower === `${n}.${t.version}.${t.group}`) return t;
      }
    } else if (lower === `${t.resource}.${t.version}.` || lower === `${t.resource}.${t.version}`) return t;
  }
  return undefined;
}

/** The type of a stored object. */
export function typeOfKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind);
}

/** Types in a category (`all`), in the order kubectl's category expander lists them. */
export function categoryTypes(category: string): ResourceType[] | undefined {
  if (category !== 'all') return undefined;
  // kubectl's legacy `all` order: pods, replicationcontrollers, services, daemonsets, deployments, replicasets, statefulsets, hpa, jobs, cronjobs.
  return ['Pod', 'Service'].map((k) => typeOfKind(k)!);
}

/** Read access to the cluster, as the apiserver would answer it (engine-backed or a test fixture). */
export interface ClusterView {
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Sorted by namespace then name, like the apiserver lists. */
  list(kind: string, namespace?: string): KubeObject[];
  /** Virtual ms since the epoch. */
  now(): number;
}
