/**
 * The one protocol between the engine (in a worker) and whoever drives it (the renderer through
 * main, the web-mode page, the CLI, tests). Requests map a name to input/output; events map a name
 * to a payload. Only plain structured-clone data crosses. Bump the version on any breaking change.
 */

import type { KubeObject } from './api-types';
import type { ClusterConfig } from './cluster-config';
import type { DnsMessage, DnsTableRow, RRType, TraceHop } from './dns-types';
import type { ApplyReport } from './field-error-types';
import type { ClusterSnapshot, StateDiff } from './cluster-snapshot';
import type { Lab, LabCheck, LabCheckResult, LabProblem, TranscriptEntry } from './lab-types';

export const ENGINE_PROTOCOL_VERSION = 2;

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface ObjectChange extends ObjectRef {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resourceVersion: string;
  /** The object after the change (absent for DELETED): views apply changes as diffs, never re-read the world. */
  object?: KubeObject;
}

/** What a terminal command printed (the engine's CommandResult, as plain data). */
export interface ShellOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** DNS hops, kube-proxy choices, HTTP exchanges, in order — the UI animates them. */
  hops?: TraceHop[];
}

/** One query the stub resolver sent, and its reply (none when it timed out). */
export interface LookupAttempt {
  name: string;
  type: RRType;
  /** The nameserver that replied (or the last one tried). */
  server: string;
  message?: DnsMessage;
  timedOut: boolean;
  hops: TraceHop[];
}

/** How a search-list resolution ended. */
export type ResolveOutcome = 'found' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'refused';

/** Resolving a name from inside a pod, through its resolv.conf (search list, ndots), as glibc does. */
export interface LookupResult {
  query: string;
  types: RRType[];
  outcome: ResolveOutcome;
  /** The candidate name that answered. */
  name?: string;
  /** Each query sent, in order. */
  attempts: LookupAttempt[];
  /** Search steps and DNS hops in order: the trace the UI animates. */
  hops: TraceHop[];
  /** A/AAAA addresses of the answer. */
  addresses: string[];
}

/** One kind's `kubectl get -o wide` table, as the apiserver's Table printer answers it. */
export interface ObjectTable {
  kind: string;
  /** Upper-case headers as kubectl prints them; `wide`: shown only with `-o wide`. */
  columns: { name: string; wide: boolean }[];
  rows: { ref: ObjectRef; cells: string[] }[];
}

export interface EngineRequests {
  hello: { input: null; output: { protocolVersion: number; config: ClusterConfig; now: number } };
  apply: { input: { text: string; fileName?: string }; output: ApplyReport };
  deleteManifest: { input: { text: string; fileName?: string }; output: ApplyReport };
  get: { input: ObjectRef; output: KubeObject | null };
  list: { input: { kind: string; namespace?: string; labelSelector?: string }; output: { items: KubeObject[] } | { error: string } };
  advance: { input: { ms: number }; output: { now: number } };
  settle: { input: null; output: { now: number } };
  dnsTable: { input: null; output: DnsTableRow[] };
  lookup: { input: { pod: ObjectRef; name: string; type: RRType }; output: LookupResult | { error: string } };
  /** Every object of the kinds views show, and the DNS table: the starting point that change events update. */
  snapshot: { input: null; output: { resourceVersion: string; now: number; objects: KubeObject[]; dns: DnsTableRow[] } };
  /**
   * One line typed in a terminal session (created on first use). `files` are the editor's open
   * files by name, so `kubectl apply -f NAME` reads what the learner is editing.
   */
  shellRun: { input: { session: string; line: string; files?: Record<string, string> }; output: { output: ShellOutput; prompt: string } };
  /** The Objects view: a table per kind for one namespace (absent: all namespaces, as `-A`). */
  objectTables: { input: { namespace?: string }; output: ObjectTable[] };
  /** `kubectl get KIND NAME -o yaml` of one object. */
  objectYaml: { input: ObjectRef; output: { yaml: string } | { error: string } };
  /** The prompt a session shows now (the admin host's, or a container's after `kubectl exec -it`). */
  shellPrompt: { input: { session: string }; output: { prompt: string } };
  /**
   * Tab in a terminal session: the words that may replace `line.slice(replaceFrom, cursor)`, from
   * the live store and where the session is (host or a container). `files`: the editor's file names.
   */
  shellComplete: { input: { session: string; line: string; cursor: number; files?: string[] }; output: { candidates: string[]; replaceFrom: number } };
  /** Parses a lab folder (`files`: lab.yaml, the manifests, an optional cluster.yaml) into a Lab, or its located problems. */
  labLoad: { input: { files: Record<string, string>; id: string; source: 'built-in' | 'teacher' }; output: { lab: Lab } | { problems: LabProblem[] } };
  /** Evaluates a step's checks against the cluster now and the terminal transcript, one result per check. */
  labCheck: { input: { checks: LabCheck[]; transcript: TranscriptEntry[] }; output: LabCheckResult[] };
  /** The lab as files to run on a real cluster: manifests, commands.sh, README.ko.md, README.en.md. */
  labExport: { input: { lab: Lab }; output: { files: Record<string, string> } };
  /**
   * Replaces the cluster with a fresh one built for `lab` (its cluster.yaml over the defaults, e.g.
   * `cloudProvider: on`): terminal sessions start over and views get the `reset` event.
   */
  labStart: { input: { lab: Lab }; output: { now: number } | { error: string } };
  /** The whole cluster as plain JSON (config + journal + objects), for the workspace file. */
  saveState: { input: null; output: ClusterSnapshot };
  /**
   * Replaces the cluster with a saved one; a malformed or wrong-version snapshot changes nothing.
   * `warning`: the saved history did not replay here, so the cluster was rebuilt from its objects.
   */
  loadState: { input: { snapshot: unknown }; output: { now: number; warning?: string } | { error: string } };
  /** Takes back the last request that changed objects (editor apply/delete, a terminal line); `diff`: what undoing changed. */
  undoLastApply: { input: null; output: { undone: false } | { undone: true; diff: StateDiff; remaining: number } };
  /** A freshly bootstrapped cluster with the same config. */
  reset: { input: null; output: { now: number } };
}

/** DNS table rows added and removed since the previous `changed` event (or the snapshot). */
export interface DnsTableDiff {
  added: DnsTableRow[];
  removed: DnsTableRow[];
}

export interface EngineEvents {
  /** Objects changed (after an apply, a controller sync or virtual time passing). */
  changed: { resourceVersion: string; now: number; changes: ObjectChange[]; dns?: DnsTableDiff };
  /** The cluster was replaced (load, undo, reset): views re-read everything, terminal sessions start over. */
  reset: { now: number };
}

/** What the serving side implements: one synchronous handler per request (the engine is synchronous). */
export type EngineHandlers = { [M in keyof EngineRequests]: (input: EngineRequests[M]['input']) => EngineRequests[M]['output'] };

/** What the driving side holds. */
export interface EngineClient {
  request<M extends keyof EngineRequests>(method: M, params: EngineRequests[M]['input']): Promise<EngineRequests[M]['output']>;
  on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void): () => void;
  failPending(reason: string): void;
}
