/** `kubectl exec`, `kubectl run`, `kubectl label`, `kubectl wait`. */

import type { KubeObject, Pod } from '../../../../shared/api-types';
import type { Engine } from '../../../engine';
import { hasTool } from '../../../network/images';
import type { CommandResult, ShellContext } from '../../shell-types';
import { engineView, Output, serverError, usageError } from '../common';
import { Flags, parseFlags, type FlagDef } from '../flags';
import { fetchResources, notFound, resolveArgs } from '../resource-args';
import { kindPrefix, resolveResourceType, typeOfKind } from '../resources';
import { binaryAvailable } from '../../tools/container-commands';

const SHELLS = ['sh', 'bash', 'ash'] as const;
/** `ash` is busybox's sh: images list it as `sh`. */
const shellTool = (s: (typeof SHELLS)[number]): 'sh' | 'bash' => (s === 'bash' ? 'bash' : 'sh');

// ------------------------------------------------------------------ exec

export const EXEC_FLAGS: FlagDef[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'pod-running-timeout', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
];

/** `Defaulted container "x" out of: x, y` (the default-container annotation wins). */
function pickContainer(pod: Pod, requested: string, out: Output, quiet: boolean): string | { error: string } {
  if (requested) {
    if (!pod.spec.containers.some((c) => c.name === requested)) return { error: `Error from server (BadRequest): container ${requested} is not valid for pod ${pod.metadata.name}` };
    return requested;
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && pod.spec.containers.some((c) => c.name === annotated)) return annotated;
  const first = pod.spec.containers[0]?.name ?? '';
  if (pod.spec.containers.length > 1 && !quiet) out.err(`Defaulted container "${first}" out of: ${pod.spec.containers.map((c) => c.name).join(', ')}\n`);
  return first;
}

const basename = (p: string): string => p.split('/').pop() ?? p;

export function runExec(argv: string[], ctx: ShellContext): CommandResult {
  const parsed = parseFlags(argv, EXEC_FLAGS);
  if ('error' in parsed) return usageError('exec', parsed.error);
  const flags = new Flags(parsed);
  const out = new Output();
  const { args, argsLenAtDash } = parsed;
  if (args.length === 0 || argsLenAtDash === 0) return out.fail('error: pod, type/name or --filename must be specified');
  let podArg = args[0];
  let command: string[];
  if (argsLenAtDash > -1) command = args.slice(argsLenAtDash);
  else {
    command = args.slice(1);
    if (command.length > 0) out.err('kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n');
  }
  if (command.length === 0) return out.fail('error: you must specify at least one command for the container');
  if (podArg.includes('/')) {
    const [typeWord, name] = podArg.split('/', 2);
    const type = resolveResourceType(typeWord);
    if (!type) return out.fail(`error: the server doesn't have a resource type "${typeWord}"`);
    if (type.kind !== 'Pod') return out.fail(`error: cannot attach to *v1.${type.kind}: selector for *v1.${type.kind} not implemented`);
    podArg = name;
  }
  const namespace = flags.str('namespace', 'default') || 'default';
  const pod = ctx.engine.store.get<Pod>('Pod', namespace, podArg);
  if (!pod) return out.fail(serverError(notFound(typeOfKind('Pod')!, podArg)));
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return out.fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = pickContainer(pod, flags.str('container'), out, flags.bool('quiet'));
  if (typeof container !== 'string') return out.fail(container.error);
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  if (!status?.state?.running) return out.fail(`error: unable to upgrade connection: container not found ("${container}")`);
  const image = pod.spec.containers.find((c) => c.name === container)?.image;
  const shell = SHELLS.find((s) => s === basename(command[0]));
  if (shell && command.length === 1 && flags.bool('stdin') && flags.bool('tty')) {
    if (!hasTool(image, shellTool(shell)) || (shell === 'ash' && !/busybox|alpine/.test(image ?? ''))) return notFoundInPath(out, command[0]);
    return { ...out.result(), session: { enter: { kind: 'pod', namespace, pod: podArg, container, shell: shellTool(shell) } } };
  }
  if (shell && !hasTool(image, shellTool(shell))) return notFoundInPath(out, command[0]);
  // No shell in between: the runtime execs the binary itself, so a missing one is runc's error, not a shell's.
  if (!shell && !binaryAvailable(pod, container, command[0])) return notFoundInPath(out, command[0]);
  const r = ctx.runIn({ kind: 'pod', namespace, pod: podArg, container }, command, { tty: flags.bool('tty') });
  out.out(r.stdout);
  out.err(r.stderr);
  if (r.exitCode !== 0) {
    out.err(`command terminated with exit code ${r.exitCode}\n`);
    out.exitCode = r.exitCode;
  }
  return { ...out.result(), ...(r.hops ? { hops: r.hops } : {}) };
}

/** What runc answers through the CRI stream when the binary is missing (exit code 126). */
function notFoundInPath(out: Output, cmd: string): CommandResult {
  out.out(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": ${cmd.includes('/') ? 'stat ' + cmd + ': no such file or directory' : 'executable file not found in $PATH'}: unknown\n`);
  out.err('command terminated with exit code 126\n');
  out.exitCode = 126;
  return out.result();
}

// ------------------------------------------------------------------ run

export const RUN_FLAGS: FlagDef[] = [
  { name: 'image', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'rm', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'command', type: 'bool' },
  { name: 'port', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'annotations', type: 'stringArray' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'attach', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'expose', type: 'bool' },
  { name: 'overrides', type: 'string' },
  { name: 'pod-running-timeout', type: 'string' },
];

export function runRun(argv: string[], ctx: ShellContext): CommandResult {
  const parsed = parseFlags(argv, RUN_FLAGS);
  if ('error' in parsed) return usageError('run', parsed.error);
  const flags = new Flags(parsed);
  const out = new Output();
  const { args, argsLenAtDash } = parsed;
  if (!flags.has('image')) return out.fail('error: required flag(s) "image" not set');
  if (args.length === 0 || argsLenAtDash === 0) return out.fail('error: NAME is required for run');
  const name = args[0];
  const image = flags.str('image');
  if (image === '') return out.fail('error: --image is required');
  const restart = flags.str('restart', 'Always') || 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return out.fail(`error: invalid restart policy: ${restart}`);
  const interactive = flags.bool('stdin');
  const rm = flags.bool('rm');
  if (rm && !interactive && !flags.bool('attach')) return out.fail('error: --rm should only be used for attached containers');
  const extra = args.slice(1);
  const labels: Record<string, string> = {};
  if (flags.has('labels')) {
    for (const pair of flags.str('labels').split(',')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return out.fail(`error: invalid label spec: ${pair}`);
      labels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  } else labels.run = name;
  const namespace = flags.str('namespace', 'default') || 'default';
  const container: Record<string, unknown> = { name, image, resources: {} };
  if (extra.length > 0) container[flags.bool('command') ? 'command' : 'args'] = extra;
  if (flags.has('port')) container.ports = [{ containerPort: Number(flags.str('port')) }];
  const env = flags.list('env').map((e) => ({ name: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) }));
  if (env.length) container.env = env;
  if (interactive) {
    container.stdin = true;
    container.stdinOnce = true;
    if (flags.bool('tty')) container.tty = true;
  }
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart } };
  const created = ctx.engine.api.create(pod);
  if (created.error) return out.fail(created.error.reason === 'Invalid' ? `The Pod "${name}" is invalid: ${created.error.causes.map((c) => `${c.field}: ${c.detail}`).join(', ')}` : serverError(created.error));
  if (!interactive) {
    ctx.engine.settle();
    out.out(`pod/${name} created\n`);
    return out.result();
  }
  ctx.engine.settle();
  const running = ctx.engine.store.get<Pod>('Pod', namespace, name);
  if (extra.length === 0) {
    // -it without a command: attach to the image's shell.
    if (hasTool(image, 'sh')) {
      out.err("If you don't see a command prompt, try pressing enter.\n");
      return { ...out.result(), session: { enter: { kind: 'pod', namespace, pod: name, container: name } } };
    }
  } else if (running?.status?.phase === 'Running') {
    const r = ctx.runIn({ kind: 'pod', namespace, pod: name, container: name }, extra, { tty: flags.bool('tty') });
    out.out(r.stdout);
    out.err(r.stderr);
    if (r.exitCode !== 0 && restart === 'Never') out.exitCode = r.exitCode;
    if (rm) {
      ctx.engine.api.delete('Pod', namespace, name);
      ctx.engine.settle();
      out.out(`pod "${name}" deleted\n`);
    }
    return { ...out.result(), ...(r.hops ? { hops: r.hops } : {}) };
  }
  if (rm) {
    ctx.engine.api.delete('Pod', namespace, name);
    ctx.engine.settle();
    out.out(`pod "${name}" deleted\n`);
  }
  return out.result();
}

// ------------------------------------------------------------------ label

export const LABEL_FLAGS: FlagDef[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'resource-version', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'field-selector', type: 'string' },
];

export function runLabel(argv: string[], engine: Engine): CommandResult {
  const parsed = parseFlags(argv, LABEL_FLAGS);
  if ('error' in parsed) return usageError('label', parsed.error);
  const flags = new Flags(parsed);
  const out = new Output();
  const resourceArgs = flags.args.filter((a) => !(a.includes('=') || a.endsWith('-')));
  const labelArgs = flags.args.filter((a) => a.includes('=') || a.endsWith('-'));
  if (flags.args.length === 0) return out.fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (labelArgs.length === 0 && !flags.bool('list')) return out.fail('error: at least one label update is required');
  if (resourceArgs.length === 0) return out.fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const l of labelArgs) {
    if (l.endsWith('-') && !l.includes('=')) remove.push(l.slice(0, -1));
    else {
      const eq = l.indexOf('=');
      add[l.slice(0, eq)] = l.slice(eq + 1);
    }
  }
  const resolved = resolveArgs(resourceArgs);
  if ('error' in resolved) return out.fail(`error: ${resolved.error}`);
  const hasNames = resolved.requests.some((r) => r.names);
  const selector = flags.has('selector') ? flags.str('selector') : undefined;
  if (!hasNames && selector === undefined && !flags.bool('all')) return out.fail('error: resource(s) were provided, but no name was specified');
  const namespace = flags.str('namespace', 'default') || 'default';
  const fetched = fetchResources(engineView(engine), resolved.requests, { namespace, allNamespaces: flags.bool('all-namespaces'), selector });
  if ('error' in fetched) return out.fail(`error: ${fetched.error}`);
  for (const f of fetched.fetched) {
    for (const obj of f.objects) {
      const labels = { ...(obj.metadata.labels ?? {}) };
      if (!flags.bool('overwrite')) {
        for (const [k, v] of Object.entries(add)) {
          if (k in labels && labels[k] !== v) return out.fail(`error: '${k}' already has a value (${labels[k]}), and --overwrite is false`);
        }
      }
      let changed = false;
      for (const [k, v] of Object.entries(add)) {
        if (labels[k] !== v) changed = true;
        labels[k] = v;
      }
      for (const k of remove) {
        if (!(k in labels)) out.out(`label "${k}" not found.\n`);
        else changed = true;
        delete labels[k];
      }
      const prefix = kindPrefix(f.type);
      if (!changed) {
        out.out(`${prefix}/${obj.metadata.name} not labeled\n`);
        continue;
      }
      const next = JSON.parse(JSON.stringify(obj)) as KubeObject;
      next.metadata.labels = labels;
      if (Object.keys(labels).length === 0) delete next.metadata.labels;
      const r = engine.api.update(next);
      if (r.error) {
        out.err(`${serverError(r.error)}\n`);
        out.exitCode = 1;
        continue;
      }
      out.out(`${prefix}/${obj.metadata.name} ${Object.keys(add).length > 0 ? 'labeled' : 'unlabeled'}\n`);
    }
  }
  engine.settle();
  for (const e of fetched.errors) out.err(`${serverError(e)}\n`);
  if (fetched.errors.length > 0) out.exitCode = 1;
  return out.result();
}

// ------------------------------------------------------------------ wait

export const WAIT_FLAGS: FlagDef[] = [
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'field-selector', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'local', type: 'bool' },
];

/** Go duration text (`30s`, `2m`, `1m30s`) → ms. */
function parseDuration(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = '';
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    consumed += m[0];
  }
  return consumed === s && s !== '' ? total : undefined;
}

export function runWait(argv: string[], engine: Engine): CommandResult {
  const parsed = parseFlags(argv, WAIT_FLAGS);
  if ('error' in parsed) return usageError('wait', parsed.error);
  const flags = new Flags(parsed);
  const out = new Output();
  const forSpec = flags.str('for');
  const cond = /^condition=([^=]+)(?:=(.*))?$/i.exec(forSpec);
  const isDelete = forSpec.toLowerCase() === 'delete';
  if (!cond && !isDelete) return out.fail(`error: unrecognized condition: "${forSpec}"`);
  const timeout = parseDuration(flags.str('timeout', '30s') || '30s');
  if (timeout === undefined) return out.fail(`error: invalid argument "${flags.str('timeout')}" for "--timeout" flag: time: invalid duration "${flags.str('timeout')}"`);
  if (flags.args.length === 0) return out.fail('error: resource(s) were provided, but no name was specified');
  const resolved = resolveArgs(flags.args);
  if ('error' in resolved) return out.fail(`error: ${resolved.error}`);
  const namespace = flags.str('namespace', 'default') || 'default';
  const selector = flags.has('selector') ? flags.str('selector') : undefined;
  const fetched = fetchResources(engineView(engine), resolved.requests, { namespace, allNamespaces: flags.bool('all-namespaces'), selector });
  if ('error' in fetched) return out.fail(`error: ${fetched.error}`);
  if (fetched.errors.length > 0) return out.fail(serverError(fetched.errors[0]));
  const want = (cond?.[2] ?? 'true').toLowerCase();
  const condType = (cond?.[1] ?? '').toLowerCase();
  for (const f of fetched.fetched) {
    for (const obj of f.objects) {
      const ns = obj.metadata.namespace;
      const name = obj.metadata.name ?? '';
      const met = (): boolean => {
        const live = engine.store.get(obj.kind, ns, name);
        if (isDelete) return !live || live.metadata.uid !== obj.metadata.uid;
        const conditions = ((live as { status?: { conditions?: { type: string; status: string }[] } } | undefined)?.status?.conditions ?? []);
        return conditions.some((c) => c.type.toLowerCase() === condType && c.status.toLowerCase() === want);
      };
      const deadline = engine.now() + timeout;
      while (!met() && engine.now() < deadline) engine.advance(Math.min(1000, deadline - engine.now()));
      const id = `${f.type.group ? `${f.type.resource}.${f.type.group}` : f.type.resource}/${name}`;
      if (!met()) return out.fail(`error: timed out waiting for the condition on ${id}`);
      out.out(`${kindPrefix(f.type)}/${name} condition met\n`);
    }
  }
  return out.result();
}
