/**
 * Commands inside a container and on the admin host: the entry points the shell layer calls.
 *
 * - `runInContainer(argv, ctx, options?)` runs one command line (already split into words) in the
 *   container `ctx.target` names, as the interactive shell of `kubectl exec -it` would: the image
 *   decides which tools exist and which implementation answers (busybox or bind9 nslookup, busybox
 *   or GNU wget); a missing one is the shell's `bash: curl: command not found` /
 *   `sh: curl: not found` (exit 127).
 * - `runOnHost(argv, ctx, options?)` runs a command on the admin host (the control-plane node:
 *   bash, bind9 nslookup/dig, curl, GNU wget, iputils ping; its resolv.conf points at the internal
 *   DNS, so cluster names do not resolve there while ClusterIPs are reachable through kube-proxy).
 * - `toolAvailable(pod, container, name)` tells the kubectl layer whether `kubectl exec POD --
 *   NAME` would find the binary (otherwise it prints the OCI runtime error itself).
 * - `containerPrompt` / `hostPrompt`: the prompt the shell shows.
 *
 * Output goes through Output (output.ts): with a terminal (the default, `options.tty`), stdout and
 * stderr interleave in `stdout` as on a pty; without one they stay apart. Every network step is in
 * `hops` for the UI.
 */

import type { Pod } from '../../../shared/api-types';
import type { Engine } from '../../engine';
import { hasTool, imageProfile, type Tool } from '../../network/images';
import type { CommandResult, ShellContext } from '../shell-types';
import { cat, date, echo, envCommand, environment, getent, hostname, ls, printenv, uname } from './basic-tools';
import { curl } from './curl';
import { dig } from './dig';
import { host, nc } from './host-nc';
import { containerEnv, controlPlaneNode, hostEnv, toolState, type ExecEnv, type RunOptions, type ShellKind } from './exec-env';
import { nslookup } from './nslookup';
import { Output } from './output';
import { ping } from './ping';
import { wget } from './wget';

export type { RunOptions, ShellKind } from './exec-env';

/** Shell builtins: always there when there is a shell. */
const BUILTINS = new Set(['echo', 'exit', 'cd', 'pwd', 'true', 'false', 'export', 'type', 'clear', 'sh', 'bash']);

/** Commands every image with a shell has (coreutils or busybox applets), beyond images.ts's Tool list. */
const COMMON = new Set(['date', 'whoami', 'id', 'uname']);

/** Tools known to images.ts, by command name. */
const IMAGE_TOOLS = new Set<string>(['sh', 'bash', 'curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'telnet', 'env', 'printenv', 'cat', 'hostname', 'ls', 'echo']);

/** Whether the image of `pod`'s `container` has the command `name` (a path like /usr/bin/curl counts by its base name). */
export function toolAvailable(pod: Pod, container: string | undefined, name: string): boolean {
  const c = pod.spec.containers.find((x) => x.name === container) ?? (container ? undefined : pod.spec.containers[0]);
  if (!c) return false;
  const base = name.slice(name.lastIndexOf('/') + 1);
  return imageHas(c.image, base);
}

/** Shell builtins with no binary of their own: `kubectl exec POD -- cd` finds nothing to run. */
const BUILTIN_ONLY = new Set(['cd', 'exit', 'export', 'type']);

/**
 * Whether `kubectl exec POD -- NAME` (no shell in between) finds a binary: the runtime execs it
 * directly, so a shell builtin without a binary is as missing as an absent tool.
 */
export function binaryAvailable(pod: Pod, container: string | undefined, name: string): boolean {
  return !BUILTIN_ONLY.has(name.slice(name.lastIndexOf('/') + 1)) && toolAvailable(pod, container, name);
}

function imageHas(image: string | undefined, name: string): boolean {
  const profile = imageProfile(image);
  if (IMAGE_TOOLS.has(name)) return hasTool(image, name as Tool);
  if (!profile.tools.includes('sh')) return false;
  if (name === 'getent') return profile.repository !== 'library/busybox';
  if (name === 'which') return true;
  return BUILTINS.has(name) || COMMON.has(name);
}

/** What the shell prints for a command it cannot find. */
function notFound(shell: ShellKind, name: string): string {
  switch (shell) {
    case 'bash':
      return `bash: ${name}: command not found\n`;
    case 'dash':
      return `sh: 1: ${name}: not found\n`;
    case 'ash':
      return `sh: ${name}: not found\n`;
  }
}

/** $VAR / ${VAR} expansion of words the caller did not expand (single-quoted text is the caller's business). */
function expandWord(word: string, vars: Record<string, string>): string {
  if (!word.includes('$')) return word;
  return word.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, a: string | undefined, b: string | undefined) => vars[a ?? b ?? ''] ?? '');
}

/**
 * Splits a `sh -c` script into words and operators (quotes, backslashes, `;`, `&&`, `||`),
 * expanding `$VAR` outside single quotes when `vars` is given.
 */
export function splitScript(script: string, vars?: Record<string, string>): { words: string[]; op?: ';' | '&&' | '||' }[] {
  const expand = (text: string): string => (vars ? expandWord(text, vars) : text);
  const commands: { words: string[]; op?: ';' | '&&' | '||' }[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (op?: ';' | '&&' | '||'): void => {
    endWord();
    if (words.length > 0 || op) commands.push({ words, op });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      word += script.slice(i + 1, end < 0 ? undefined : end);
      inWord = true;
      i = end < 0 ? script.length : end;
    } else if (c === '"') {
      let j = i + 1;
      let chunk = '';
      for (; j < script.length && script[j] !== '"'; j++) {
        if (script[j] === '\\' && j + 1 < script.length && '"\\$`'.includes(script[j + 1])) {
          j++;
          chunk += script[j] === '$' ? '\uE000' : script[j];
          continue;
        }
        chunk += script[j];
      }
      word += expand(chunk).replace(/\uE000/g, '$');
      inWord = true;
      i = j;
    } else if (c === '\\' && i + 1 < script.length) {
      word += script[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (c === '\n') endCommand(';');
      else endWord();
    } else if (c === ';') endCommand(';');
    else if (c === '&' && script[i + 1] === '&') {
      endCommand('&&');
      i++;
    } else if (c === '|' && script[i + 1] === '|') {
      endCommand('||');
      i++;
    } else if (c === '#' && !inWord) break;
    else if (c === '$') {
      const m = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(script.slice(i));
      word += m ? expand(m[0]) : c;
      i += m ? m[0].length - 1 : 0;
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands.filter((c) => c.words.length > 0);
}

/** Runs a script of simple commands with `;`, `&&`, `||`, each through `run`. */
function runScript(script: string, vars: Record<string, string>, run: (argv: string[]) => CommandResult): CommandResult {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const hops: NonNullable<CommandResult['hops']> = [];
  let skip = false;
  for (const cmd of splitScript(script, vars)) {
    if (!skip) {
      const r = run(cmd.words);
      stdout += r.stdout;
      stderr += r.stderr;
      exitCode = r.exitCode;
      if (r.hops) hops.push(...r.hops);
      if (r.session && 'exit' in r.session) return { stdout, stderr, exitCode, ...(hops.length ? { hops } : {}) };
    }
    skip = (cmd.op === '&&' && exitCode !== 0) || (cmd.op === '||' && exitCode === 0);
  }
  return { stdout, stderr, exitCode, ...(hops.length ? { hops } : {}) };
}

/** Dispatches one command in an environment. `has` says whether the command exists there. */
function dispatch(argv: string[], env: ExecEnv, ctx: ShellContext, has: (name: string) => boolean, expanded = false): CommandResult {
  const out = new Output();
  if (argv.length === 0) return out.result(0, env.tty);
  const vars = environment(env);
  const shellC = argv[0] === 'sh' || argv[0] === 'bash' || argv[0] === '/bin/sh' || argv[0] === '/bin/bash';
  // `sh -c SCRIPT` expands inside SCRIPT itself, where it knows the quotes.
  const words = expanded || shellC ? argv : argv.map((w) => expandWord(w, vars));
  const [raw, ...args] = words;
  const name = raw.slice(raw.lastIndexOf('/') + 1);
  if (!has(name)) {
    if (raw.includes('/')) {
      const msg = env.shell === 'bash' ? `bash: ${raw}: No such file or directory\n` : env.shell === 'dash' ? `sh: 1: ${raw}: not found\n` : `sh: ${raw}: not found\n`;
      return out.err(msg).result(127, env.tty);
    }
    return out.err(notFound(env.shell, raw)).result(127, env.tty);
  }
  const columns = ctx.columns ?? 80;
  switch (name) {
    case 'nslookup':
      return nslookup(args, env);
    case 'dig':
      return dig(args, env);
    case 'curl':
      return curl(args, env);
    case 'wget':
      return wget(args, env, columns);
    case 'ping':
      return ping(args, env);
    case 'host':
      return host(args, env);
    case 'nc':
      return nc(args, env);
    case 'getent':
      return getent(args, env);
    case 'cat':
      return cat(args, env);
    case 'ls':
      return ls(args, env, columns);
    case 'hostname':
      return hostname(args, env);
    case 'env':
      return envCommand(args, env);
    case 'printenv':
      return printenv(args, env);
    case 'echo':
      return echo(args, env);
    case 'date':
      return date(args, env);
    case 'uname':
      return uname(args, env);
    case 'whoami':
      return out.out('root\n').result(0, env.tty);
    case 'id':
      return out.out('uid=0(root) gid=0(root) groups=0(root)\n').result(0, env.tty);
    case 'pwd':
      return out.out(`${env.fs.cwd}\n`).result(0, env.tty);
    case 'true':
      return out.result(0, env.tty);
    case 'false':
      return out.result(1, env.tty);
    case 'clear':
      return out.out('\x1b[H\x1b[2J\x1b[3J').result(0, env.tty);
    case 'export':
      return out.result(0, env.tty);
    case 'which': {
      let code = 0;
      for (const a of args) {
        if (has(a) && !BUILTINS.has(a)) out.out(`${a === 'sh' ? '/bin' : '/usr/bin'}/${a}\n`);
        else code = 1;
      }
      return out.result(code, env.tty);
    }
    case 'type': {
      let code = 0;
      for (const a of args) {
        if (BUILTINS.has(a) && a !== 'sh' && a !== 'bash') out.out(`${a} is a shell builtin\n`);
        else if (has(a)) out.out(`${a} is /usr/bin/${a}\n`);
        else {
          out.err(env.shell === 'bash' ? `bash: type: ${a}: not found\n` : `${a}: not found\n`);
          code = 1;
        }
      }
      return out.result(code, env.tty);
    }
    case 'cd': {
      const target = args[0] ?? env.home;
      const abs = env.fs.resolve(target, env.home);
      if (!env.fs.dirs.has(abs)) {
        const msg = env.shell === 'bash' ? `bash: cd: ${target}: No such file or directory\n` : env.shell === 'dash' ? `sh: 1: cd: can't cd to ${target}\n` : `sh: cd: can't cd to ${target}: No such file or directory\n`;
        return out.err(msg).result(env.shell === 'bash' ? 1 : 2, env.tty);
      }
      env.fs.cwd = abs;
      return out.result(0, env.tty);
    }
    case 'exit': {
      const code = args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) & 255 : 0;
      if (env.shell === 'bash') out.err('exit\n');
      return { ...out.result(code, env.tty), session: { exit: true } };
    }
    case 'sh':
    case 'bash': {
      const c = args.indexOf('-c');
      if (c >= 0 && args[c + 1] !== undefined) {
        const inner: ExecEnv = { ...env, shell: name === 'bash' ? 'bash' : env.shell === 'bash' ? (env.image?.tools.includes('bash') && env.image.repository !== 'nicolaka/netshoot' ? 'dash' : 'ash') : env.shell };
        return runScript(args[c + 1], vars, (w) => dispatch(w, inner, ctx, has, true));
      }
      // A nested interactive shell: nothing to show until the user types more.
      return out.result(0, env.tty);
    }
    default:
      return out.err(notFound(env.shell, raw)).result(127, env.tty);
  }
}

/**
 * Runs one command in the container `ctx.target`. `options.tty` (default true) says whether
 * output goes to a terminal; `options.shell` which shell the user entered (`sh` or `bash`).
 */
export function runInContainer(argv: string[], ctx: ShellContext, options: RunOptions = {}): CommandResult {
  if (ctx.target.kind !== 'pod') return runOnHost(argv, ctx, options);
  const env = containerEnv(ctx.engine, ctx.target, options);
  if ('error' in env) return { stdout: '', stderr: `${env.error}\n`, exitCode: env.exitCode };
  const image = env.container?.image;
  if (!imageProfile(image).tools.includes('sh')) {
    return {
      stdout: '',
      stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? 'sh'}": executable file not found in $PATH: unknown\n`,
      exitCode: 128,
    };
  }
  return dispatch(argv, env, ctx, (name) => imageHas(image, name));
}

/** The commands of the admin host. */
const HOST_TOOLS = new Set(['nslookup', 'dig', 'curl', 'wget', 'ping', 'getent', 'cat', 'ls', 'hostname', 'env', 'printenv', 'echo', 'date', 'uname', 'whoami', 'id', 'which', ...BUILTINS]);

/** Runs one command on the admin host (the control-plane node). */
export function runOnHost(argv: string[], ctx: ShellContext, options: RunOptions = {}): CommandResult {
  const env = hostEnv(ctx.engine, options);
  return dispatch(argv, env, ctx, (name) => HOST_TOOLS.has(name));
}

/** Whether the admin host has a command (the shell layer routes kubectl and these). */
export function hostHasCommand(name: string): boolean {
  return HOST_TOOLS.has(name.slice(name.lastIndexOf('/') + 1));
}

function cwdShown(cwd: string, home: string): string {
  return cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
}

/**
 * The prompt of the shell in `pod`'s container: bash images (kubetm/app, nginx) print Debian's
 * `root@HOSTNAME:/# `; busybox/alpine `sh` (ash) prints `/ # `; Debian's `sh` (dash) `# `;
 * netshoot's bash (Alpine's bashrc) `HOSTNAME:~# `. HOSTNAME is the Pod's hostname (spec.hostname
 * or the Pod name; up to the first dot). Give `engine` to show the current directory after `cd`.
 */
export function containerPrompt(pod: Pod, container?: string, options: { shell?: RunOptions['shell']; engine?: Engine } = {}): string {
  const c = pod.spec.containers.find((x) => x.name === container) ?? pod.spec.containers[0];
  const profile = imageProfile(c?.image);
  const hostname = (pod.spec.hostNetwork && pod.spec.nodeName ? pod.spec.nodeName : pod.spec.hostname || pod.metadata.name || '').slice(0, 63).split('.')[0];
  const netshoot = profile.repository === 'nicolaka/netshoot';
  const defaultCwd = netshoot ? '/root' : '/';
  const fs = options.engine && c ? toolState(options.engine).filesystems.get(`${pod.metadata.uid}/${c.name}`) : undefined;
  const cwd = fs?.cwd ?? defaultCwd;
  const shell: ShellKind = options.shell === 'bash' ? 'bash' : options.shell === 'sh' ? (profile.tools.includes('bash') && !netshoot ? 'dash' : 'ash') : options.shell === 'ash' || options.shell === 'dash' ? options.shell : profile.tools.includes('bash') ? 'bash' : 'ash';
  switch (shell) {
    case 'bash':
      return netshoot ? `${hostname}:${cwdShown(cwd, '/root')}# ` : `root@${hostname}:${cwdShown(cwd, '/root')}# `;
    case 'dash':
      return '# ';
    case 'ash':
      return `${cwdShown(cwd, '/root')} # `;
  }
}

/** The admin host's prompt: Ubuntu's bash as root on the control-plane node (`root@master:~# `). */
export function hostPrompt(engine?: Engine): string {
  const name = engine ? controlPlaneNode(engine).name : 'master';
  const cwd = engine ? (toolState(engine).filesystems.get('host')?.cwd ?? '/root') : '/root';
  return `root@${name}:${cwdShown(cwd, '/root')}# `;
}

/**
 * The files a container's commands saved (curl -O/-o, wget), by name relative to its working
 * directory (absolute elsewhere) — for the UI's file view and for tests.
 */
export function containerFiles(engine: Engine, pod: string, container: string, namespace = 'default'): Record<string, string> {
  const p = engine.store.get<Pod>('Pod', namespace, pod);
  const fs = p ? toolState(engine).filesystems.get(`${p.metadata.uid}/${container}`) : undefined;
  if (!fs) return {};
  const out: Record<string, string> = {};
  for (const [path, content] of fs.files) {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    out[dir === fs.cwd ? path.slice(path.lastIndexOf('/') + 1) : path] = content;
  }
  return out;
}

/** The prompt for wherever `ctx.target` points: the container's shell or the admin host's. */
export function shellPrompt(ctx: ShellContext, options: { shell?: RunOptions['shell'] } = {}): string {
  if (ctx.target.kind === 'host') return hostPrompt(ctx.engine);
  const pod = ctx.engine.store.get<Pod>('Pod', ctx.target.namespace, ctx.target.pod);
  return pod ? containerPrompt(pod, ctx.target.container, { ...options, engine: ctx.engine }) : '# ';
}
