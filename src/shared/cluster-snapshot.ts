/**
 * A saved cluster, as plain JSON (the workspace file, the saveState/loadState requests), and the
 * difference between two cluster states (what an undo changed).
 *
 * The engine is deterministic, so a cluster is saved as what was done to it: its config and the
 * journal of requests that changed it, each stamped with the virtual time it ran at. Replaying the
 * journal rebuilds every piece of state exactly — objects, resourceVersions, uids, the next pod IP
 * and ClusterIP, random streams, kube-proxy's round-robin position, DNS caches — where a copy of
 * the objects alone would lose what controllers keep in memory. The objects are saved too, so a
 * restore checks that the replay arrived where the save was.
 */

import type { KubeObject } from './api-types';
import type { ClusterConfig } from './cluster-config';
import type { DnsTableRow, RRType } from './dns-types';

/** Bump when the snapshot format changes incompatibly. */
export const CLUSTER_SNAPSHOT_VERSION = 1;
export const CLUSTER_SNAPSHOT_FORMAT = 'svclab-cluster';

/** A request that changed (or may have changed) the cluster, and when it ran (virtual ms). */
export type JournalEntry =
  | { at: number; op: 'apply'; text: string; fileName?: string }
  | { at: number; op: 'delete'; text: string; fileName?: string }
  | { at: number; op: 'lookup'; pod: { kind: string; namespace?: string; name: string }; name: string; type: RRType }
  /** A terminal line; `files` only when the session's editor files changed since its last line. */
  | { at: number; op: 'shell'; session: string; line: string; files?: Record<string, string> }
  /** Terminal sessions ended here (the cluster was restored, undone or the app restarted). */
  | { at: number; op: 'restart' };

export interface ClusterSnapshot {
  format: typeof CLUSTER_SNAPSHOT_FORMAT;
  version: typeof CLUSTER_SNAPSHOT_VERSION;
  config: ClusterConfig;
  /** Virtual ms since the epoch when saved. */
  now: number;
  resourceVersion: string;
  journal: JournalEntry[];
  /** Journal indexes of the requests that changed objects, oldest first: what "undo" can take back. */
  undoPoints: number[];
  /** Every stored object of every kind, sorted by kind, namespace, name. */
  objects: KubeObject[];
}

/** An object named by kind, namespace and name. */
export interface ObjectName {
  kind: string;
  namespace?: string;
  name: string;
}

/** One Endpoints object whose addresses changed. */
export interface EndpointsChange {
  namespace?: string;
  name: string;
  added: { ip: string; ready: boolean }[];
  removed: { ip: string; ready: boolean }[];
}

/** What changed from one cluster state to another. */
export interface StateDiff {
  objects: { added: ObjectName[]; removed: ObjectName[]; modified: ObjectName[] };
  endpoints: EndpointsChange[];
  dns: { added: DnsTableRow[]; removed: DnsTableRow[] };
}
