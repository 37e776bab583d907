/**
 * The simulated `kubectl` (v1.32): argv in, kubectl's output out, over the engine. Simulated
 * commands: get, describe, apply, create, delete, exec, label, run, explain, version,
 * cluster-info, wait, api-resources, api-versions. Every other real command is recognised (its
 * `--help` for the ones captured, otherwise a note that Service Lab does not simulate it), and
 * unknown commands get cobra's "Did you mean this?" suggestions over kubectl's real command list.
 */

import type { Command, CommandResult, ShellContext } from '../shell-types';
import { runDescribe } from './commands/describe';
import { runGet } from './commands/get';
import { runApiResources, runApiVersions, runClusterInfo, runExplain, runVersion } from './commands/info-commands';
import { runApplyOrCreate, runDelete } from './commands/manifest-commands';
import { runExec, runLabel, runRun, runWait } from './commands/pod-commands';
import { engineView } from './common';
import { COMMAND_HELP, TOP_LEVEL_HELP } from './help-text';

/** kubectl's commands in registration order (cobra suggests in this order; `alpha` and `help` are not suggested). */
const KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint',
  'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion',
  'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];

/** Levenshtein distance, case-insensitive (cobra's ld with ignoreCase). */
function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
  }
  return d[s.length][t.length];
}

/** cobra's SuggestionsFor: Levenshtein ≤ 2 or a case-insensitive prefix. */
export function suggestionsFor(typed: string): string[] {
  return KUBECTL_COMMANDS.filter((c) => levenshtein(typed, c) <= 2 || c.toLowerCase().startsWith(typed.toLowerCase()));
}

function unknownCommand(typed: string): CommandResult {
  let msg = `error: unknown command "${typed}" for "kubectl"\n`;
  const suggestions = suggestionsFor(typed);
  if (suggestions.length > 0) msg += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return { stdout: '', stderr: msg, exitCode: 1 };
}

/** The control plane endpoint kubeadm wrote into admin.conf: the master's address, port 6443. */
function apiserverUrl(ctx: ShellContext): string {
  const master = ctx.engine.store.list('Node').find((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}));
  const ip = (master?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '192.168.0.30';
  return `https://${ip}:6443`;
}

export const SIMULATED = new Set(['get', 'describe', 'apply', 'create', 'delete', 'exec', 'label', 'run', 'explain', 'version', 'cluster-info', 'wait', 'api-resources', 'api-versions']);

/** Global flags before the command word (`kubectl -n kube-system get pods`). */
function splitCommand(args: string[]): { command?: string; rest: string[] } {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--namespace' || a === '--context' || a === '--kubeconfig' || a === '-s' || a === '--server') {
      rest.push(a, args[i + 1] ?? '');
      i++;
      continue;
    }
    if (a.startsWith('-')) {
      rest.push(a);
      continue;
    }
    return { command: a, rest: [...rest, ...args.slice(i + 1)] };
  }
  return { rest };
}

export const kubectl: Command = (argv, ctx) => {
  try {
    const { command, rest } = splitCommand(argv.slice(1));
    if (command === undefined) {
      if (rest.includes('--help') || rest.includes('-h') || rest.length === 0) return { stdout: TOP_LEVEL_HELP, stderr: '', exitCode: 0 };
      return { stdout: TOP_LEVEL_HELP, stderr: '', exitCode: 0 };
    }
    if (!KUBECTL_COMMANDS.includes(command) && command !== 'help' && command !== 'alpha') return unknownCommand(command);
    const dash = rest.indexOf('--');
    const flagPart = dash >= 0 ? rest.slice(0, dash) : rest;
    if (flagPart.includes('--help') || flagPart.includes('-h')) {
      const help = COMMAND_HELP[command];
      if (help) return { stdout: help, stderr: '', exitCode: 0 };
    }
    if (command === 'help') return rest.length > 0 && COMMAND_HELP[rest[0]] ? { stdout: COMMAND_HELP[rest[0]], stderr: '', exitCode: 0 } : { stdout: TOP_LEVEL_HELP, stderr: '', exitCode: 0 };
    if (!SIMULATED.has(command)) return { stdout: '', stderr: `error: "kubectl ${command}" is not simulated in Service Lab (simulated: ${[...SIMULATED].join(', ')})\n`, exitCode: 1 };
    const view = engineView(ctx.engine);
    switch (command) {
      case 'get':
        return runGet(rest, view);
      case 'describe':
        return runDescribe(rest, view);
      case 'apply':
      case 'create':
        return runApplyOrCreate(command, rest, ctx.engine, ctx.files);
      case 'delete':
        return runDelete(rest, ctx.engine, ctx.files);
      case 'exec':
        return runExec(rest, ctx);
      case 'label':
        return runLabel(rest, ctx.engine);
      case 'run':
        return runRun(rest, ctx);
      case 'wait':
        return runWait(rest, ctx.engine);
      case 'explain':
        return runExplain(rest);
      case 'version':
        return runVersion(rest);
      case 'cluster-info':
        return runClusterInfo(rest, view, apiserverUrl(ctx));
      case 'api-resources':
        return runApiResources(rest);
      case 'api-versions':
        return runApiVersions();
    }
    return unknownCommand(command);
  } catch (e) {
    return { stdout: '', stderr: `error: internal error in the simulated kubectl: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
  }
};
