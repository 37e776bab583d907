/**
 * The command layer's contract: pure text in, text out, over the engine. A command never throws
 * and never touches a real file or network; what it needs from outside (the admin host's files,
 * for `kubectl apply -f`) comes through the context.
 */

import type { TraceHop } from '../../shared/dns-types';
import type { Engine } from '../engine';

/** Where a command runs: the admin host (the course's master node, where kubectl runs) or a container. */
export type ExecTarget = { kind: 'host' } | { kind: 'pod'; namespace: string; pod: string; container: string; shell?: 'sh' | 'bash' };

/** How a command is run: on a terminal (`-t`, an interactive shell) or with plain pipes. */
export interface RunInOptions {
  /** A terminal merges stderr into stdout and changes what some tools print (curl's progress meter). */
  tty?: boolean;
}

/** What a command printed, its exit code, and the network trace it caused. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** DNS hops, kube-proxy choices, HTTP exchanges — in order — for the UI to animate. */
  hops?: TraceHop[];
  /** `kubectl exec -it POD -- sh` enters a container's shell; `exit` in it leaves. */
  session?: { enter: ExecTarget & { kind: 'pod' } } | { exit: true };
}

/** Files of the admin host, as the host application provides them (disk for the CLI, editor tabs in the app). */
export interface HostFiles {
  /** The file's text, or undefined when it does not exist. `path` is as typed; the host resolves it. */
  read(path: string): string | undefined;
  /** Whether `path` names a directory, and its entries (for `kubectl apply -f DIR`). */
  list?(path: string): string[] | undefined;
}

/** Everything a command may use. */
export interface ShellContext {
  engine: Engine;
  files: HostFiles;
  target: ExecTarget;
  /** Runs argv in another target (kubectl exec → a container); returns its result. */
  runIn(target: ExecTarget, argv: string[], options?: RunInOptions): CommandResult;
  /** Terminal width for tools that wrap or pad (kubectl's tables do not wrap). */
  columns?: number;
}

/** A command: argv[0] is the command name. */
export type Command = (argv: string[], ctx: ShellContext) => CommandResult;

export const ok = (stdout: string, hops?: TraceHop[]): CommandResult => ({ stdout, stderr: '', exitCode: 0, ...(hops ? { hops } : {}) });
export const fail = (stderr: string, exitCode = 1, stdout = '', hops?: TraceHop[]): CommandResult => ({ stdout, stderr, exitCode, ...(hops ? { hops } : {}) });
