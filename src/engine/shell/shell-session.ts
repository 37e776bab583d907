/**
 * A terminal session: where commands run now (the admin host, or a container after
 * `kubectl exec -it POD -- sh`), the prompt that place shows, and the dispatch of each typed line
 * to kubectl, the host's tools or the container's tools. `exit` in a container returns to the
 * host, as closing the exec session does.
 */

import type { Pod } from '../../shared/api-types';
import type { Engine } from '../engine';
import { kubectl } from './kubectl/kubectl';
import { parseCommandLine } from './parse-command-line';
import { fail, ok, type CommandResult, type ExecTarget, type HostFiles, type RunInOptions, type ShellContext } from './shell-types';
import { containerPrompt, hostPrompt, runInContainer, runOnHost } from './tools/container-commands';

/** The admin host's environment, for `$VAR` expansion in typed lines. */
const HOST_ENV: Readonly<Record<string, string>> = { HOME: '/root', USER: 'root', HOSTNAME: 'master', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', SHELL: '/bin/bash' };

export class ShellSession {
  readonly #engine: Engine;
  readonly #files: HostFiles;
  /** The session stack: the host at the bottom, an exec'd container on top. */
  readonly #stack: ExecTarget[] = [{ kind: 'host' }];

  constructor(engine: Engine, files: HostFiles) {
    this.#engine = engine;
    this.#files = files;
  }

  /** Where the next line runs. */
  get target(): ExecTarget {
    return this.#stack[this.#stack.length - 1];
  }

  /** The prompt the current place shows (`root@master:~# `, `/ # `, `root@pod-a:/# `). */
  prompt(): string {
    const target = this.target;
    if (target.kind === 'host') return hostPrompt(this.#engine);
    const pod = this.#pod(target);
    return pod ? containerPrompt(pod, target.container, { shell: target.shell, engine: this.#engine }) : hostPrompt(this.#engine);
  }

  /** Runs one typed line. Never throws: a failure of the simulator itself is reported as such. */
  run(line: string): CommandResult {
    try {
      return this.#run(line);
    } catch (error) {
      return fail(`Service Lab: internal error running "${line}": ${error instanceof Error ? error.message : String(error)}\n`, 1);
    }
  }

  #run(line: string): CommandResult {
    const target = this.target;
    if (target.kind === 'pod' && !this.#pod(target)) {
      // The container went away under the session (pod deleted): the exec stream ends like this.
      this.#stack.pop();
      return fail('command terminated with exit code 137\n', 137);
    }
    const parsed = parseCommandLine(line, target.kind === 'pod' ? this.#containerEnv(target) : HOST_ENV);
    if ('error' in parsed) return fail(`${target.kind === 'pod' ? 'sh' : '-bash'}: ${parsed.error}\n`, 2);
    if (parsed.argv.length === 0) return ok('');
    // Lines typed at the terminal run on a TTY (an interactive shell, or the host's terminal).
    const result = this.#dispatch(target, parsed.argv, { tty: true });
    if (result.session && 'enter' in result.session) this.#stack.push(result.session.enter);
    else if (result.session && 'exit' in result.session && this.#stack.length > 1) this.#stack.pop();
    return result;
  }

  #dispatch(target: ExecTarget, argv: string[], options: RunInOptions): CommandResult {
    const ctx: ShellContext = {
      engine: this.#engine,
      files: this.#files,
      target,
      runIn: (next, nextArgv, nextOptions = {}) => this.#dispatch(next, nextArgv, nextOptions),
    };
    const tty = options.tty ?? false;
    if (target.kind === 'pod') return runInContainer(argv, ctx, { tty, shell: target.shell });
    if (argv[0] === 'kubectl') return kubectl(argv, ctx);
    return runOnHost(argv, ctx, { tty });
  }

  #pod(target: ExecTarget & { kind: 'pod' }): Pod | undefined {
    return this.#engine.store.get<Pod>('Pod', target.namespace, target.pod);
  }

  #containerEnv(target: ExecTarget & { kind: 'pod' }): Record<string, string> {
    const pod = this.#pod(target);
    return (pod?.metadata.uid && this.#engine.kubelet.containerEnvironment(pod.metadata.uid, target.container)) || {};
  }
}
