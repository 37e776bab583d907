/** Shared pieces of the kubectl commands: results, error framing (cmdutil.CheckErr), the cluster view. */

import type { KubeObject } from '../../../shared/api-types';
import type { StatusError } from '../../../shared/field-error-types';
import { formatFieldError } from '../../admission/format-field-error';
import type { Engine } from '../../engine';
import type { CommandResult } from '../shell-types';
import type { ClusterView } from './resources';

/** Accumulates a command's output. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;
  out(s: string): void {
    this.stdout += s;
  }
  err(s: string): void {
    this.stderr += s;
  }
  /** kubectl's fatal error: the message on stderr (newline added) and exit code 1. */
  fail(message: string, code = 1): CommandResult {
    this.stderr += message.endsWith('\n') ? message : message + '\n';
    this.exitCode = code;
    return this.result();
  }
  result(): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}

/** `error: <msg>` + `See 'kubectl CMD --help' for usage.` (cobra flag errors). */
export function usageError(command: string, message: string): CommandResult {
  return { stdout: '', stderr: `error: ${message}\nSee 'kubectl ${command} --help' for usage.\n`, exitCode: 1 };
}

/** StandardErrorMessage for an API error: `Error from server (NotFound): pods "x" not found`. */
export function serverError(error: Pick<StatusError, 'reason' | 'message'>): string {
  return `Error from server (${error.reason}): ${error.message}`;
}

/**
 * cmdutil.CheckErr for one StatusError: an Invalid with details prints
 * `The Service "x" is invalid: <cause>` (several causes: one `* cause` line each); others print
 * `Error from server (Reason): message`.
 */
export function checkErrMessage(error: StatusError, details?: { kind: string; name: string }): string {
  if (error.reason === 'Invalid' && details && error.causes.length > 0) {
    const prefix = `The ${details.kind} "${details.name}" is invalid: `;
    const causes = error.causes.map(formatFieldError);
    if (causes.length === 1) return `${prefix}${causes[0]}`;
    return `${prefix}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  return serverError(error);
}

/** The engine's store as the apiserver's read API. */
export function engineView(engine: Engine): ClusterView {
  return {
    get: (kind, namespace, name) => engine.store.get(kind, namespace, name),
    list: (kind, namespace) => engine.store.list(kind, namespace),
    now: () => engine.now(),
  };
}

/** A fixed set of objects at a fixed time (tests, previews). */
export function staticView(objects: readonly KubeObject[], now: number): ClusterView {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = [...objects].sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name ?? '', b.metadata.name ?? ''));
  return {
    get: (kind, namespace, name) => sorted.find((o) => o.kind === kind && (namespace === undefined || (o.metadata.namespace ?? undefined) === namespace) && o.metadata.name === name),
    list: (kind, namespace) => sorted.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
    now: () => now,
  };
}

/** The namespace a command works in (`-n`, else `default`). */
export const DEFAULT_NAMESPACE = 'default';
