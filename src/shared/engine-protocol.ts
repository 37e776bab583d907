/**
 * The one protocol between the engine (in a worker) and whoever drives it (the renderer through
 * main, the web-mode page, the CLI, tests). Requests map a name to input/output; events map a name
 * to a payload. Only plain structured-clone data crosses. Bump the version on any breaking change.
 */

import type { KubeObject } from './api-types';
import type { ClusterConfig } from './cluster-config';
import type { DnsMessage, DnsTableRow, RRType, TraceHop } from './dns-types';
import type { ApplyReport } from './field-error-types';

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
  /** The prompt a session shows now (the admin host's, or a container's after `kubectl exec -it`). */
  shellPrompt: { input: { session: string }; output: { prompt: string } };
}

export interface EngineEvents {
  /** Objects changed (after an apply, a controller sync or virtual time passing). */
  changed: { resourceVersion: string; now: number; changes: ObjectChange[] };
}

/** What the serving side implements: one synchronous handler per request (the engine is synchronous). */
export type EngineHandlers = { [M in keyof EngineRequests]: (input: EngineRequests[M]['input']) => EngineRequests[M]['output'] };

/** What the driving side holds. */
export interface EngineClient {
  request<M extends keyof EngineRequests>(method: M, params: EngineRequests[M]['input']): Promise<EngineRequests[M]['output']>;
  on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void): () => void;
  failPending(reason: string): void;
}
