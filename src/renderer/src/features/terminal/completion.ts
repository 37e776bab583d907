/**
 * Tab completion, pure: the line and cursor in, what to put in place of the word before the
 * cursor and the candidates out. Commands first (host or container tools), then kubectl's
 * subcommands, flags, flag values, resource types and object names from the cluster, and for the
 * DNS tools the names the cluster DNS answers by the short forms a pod's search list resolves.
 */
import { CONTAINER_COMMANDS, FLAG_VALUES, HOST_COMMANDS, KUBECTL_SUBCOMMANDS, NAME_TOOLS, OUTPUT_FORMATS, RESOURCE_TYPE_WORDS, VALUE_FLAGS, flagsOf, kindsOf } from './completion-data';

export interface CompletionObject {
  kind: string;
  namespace?: string;
  name: string;
  /** Pods only: `spec.hostname` and `spec.subdomain` (`pod-a.headless1`). */
  hostname?: string;
  subdomain?: string;
}

export interface CompletionContext {
  /** The session is inside a container (`kubectl exec -it … -- sh`): container tools, no kubectl. */
  inContainer: boolean;
  objects: readonly CompletionObject[];
  /** The editor's open files (`kubectl apply -f NAME`). */
  files: readonly string[];
}

export interface Completion {
  /** Text to put over `line.slice(from, to)`; absent when Tab changes nothing. */
  replacement?: { from: number; to: number; text: string };
  /** Every match (shown when there is more than one). */
  candidates: string[];
}

const unique = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

function namesOf(ctx: CompletionContext, kinds: readonly string[], namespace: string | undefined): string[] {
  return unique(ctx.objects.filter((o) => kinds.includes(o.kind) && (namespace === undefined || o.namespace === undefined || o.namespace === namespace)).map((o) => o.name));
}

/** Host names a pod in `default` resolves: services by short name, `hostname.subdomain` pods, `svc.namespace` elsewhere. */
function dnsNames(ctx: CompletionContext): string[] {
  const out: string[] = [];
  for (const o of ctx.objects) {
    if (o.kind === 'Service') out.push(o.namespace === 'default' ? o.name : `${o.name}.${o.namespace}`);
    if (o.kind === 'Pod' && o.hostname && o.subdomain) out.push(o.namespace === 'default' ? `${o.hostname}.${o.subdomain}` : `${o.hostname}.${o.subdomain}.${o.namespace}`);
  }
  return unique(out);
}

/** kubectl's words after `kubectl`: positionals, the namespace, and what the word before the cursor expects. */
function kubectlCandidates(words: readonly string[], word: string, ctx: CompletionContext): string[] {
  const positionals: string[] = [];
  let namespace: string | undefined = 'default';
  let afterDashes = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      afterDashes = i;
      break;
    }
    if (w === '-A' || w === '--all-namespaces') namespace = undefined;
    if (VALUE_FLAGS.has(w)) {
      if ((w === '-n' || w === '--namespace') && words[i + 1] !== undefined) namespace = words[i + 1];
      i++;
    } else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
    else if (!w.startsWith('-')) positionals.push(w);
  }
  const sub = positionals[0];
  if (afterDashes >= 0) return containerArgs(words.slice(afterDashes + 1), ctx);
  const prev = words[words.length - 1];
  if (prev !== undefined && VALUE_FLAGS.has(prev)) {
    if (prev === '-n' || prev === '--namespace') return namesOf(ctx, ['Namespace'], undefined);
    if (prev === '-o' || prev === '--output') return OUTPUT_FORMATS;
    if (prev === '-f' || prev === '--filename') return unique(ctx.files);
    return [...(FLAG_VALUES[prev] ?? [])];
  }
  if (word.startsWith('-')) return flagsOf(sub);
  if (sub === undefined) return KUBECTL_SUBCOMMANDS;
  switch (sub) {
    case 'get':
    case 'describe':
    case 'delete':
    case 'label':
    case 'wait': {
      const slash = word.indexOf('/');
      if (slash >= 0) return namesOf(ctx, kindsOf(word.slice(0, slash)), namespace).map((n) => `${word.slice(0, slash)}/${n}`);
      if (positionals.length === 1) return RESOURCE_TYPE_WORDS;
      return positionals[1].includes('/') ? [] : namesOf(ctx, kindsOf(positionals[1]), namespace);
    }
    case 'explain':
      return positionals.length === 1 ? RESOURCE_TYPE_WORDS.filter((w) => w !== 'all') : [];
    case 'exec':
      return positionals.length === 1 ? namesOf(ctx, ['Pod'], namespace) : [];
    case 'help':
      return positionals.length === 1 ? KUBECTL_SUBCOMMANDS : [];
    default:
      return [];
  }
}

/** A command run in a container (after `kubectl exec … --`): its name, then host names for the DNS tools. */
function containerArgs(words: readonly string[], ctx: CompletionContext): string[] {
  if (words.length === 0) return CONTAINER_COMMANDS;
  return NAME_TOOLS.has(words[0]) ? dnsNames(ctx) : [];
}

function longestCommonPrefix(xs: readonly string[]): string {
  let prefix = xs[0] ?? '';
  for (const x of xs) while (!x.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Completes the word before `cursor` in `line`. */
export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, cursor);
  const from = before.search(/\S*$/);
  const word = before.slice(from);
  const words = before.slice(0, from).trim().split(/\s+/).filter(Boolean);
  let pool: string[];
  if (words.length === 0) pool = ctx.inContainer ? CONTAINER_COMMANDS : HOST_COMMANDS;
  else if (words[0] === 'kubectl' && !ctx.inContainer) pool = kubectlCandidates(words.slice(1), word, ctx);
  else pool = containerArgs(words, ctx);
  const candidates = pool.filter((c) => c.startsWith(word));
  if (candidates.length === 0) return { candidates };
  if (candidates.length === 1) {
    const only = candidates[0];
    const open = only.endsWith('/') || only.endsWith('=');
    return { replacement: { from, to: cursor, text: open || line[cursor] === ' ' ? only : `${only} ` }, candidates };
  }
  const prefix = longestCommonPrefix(candidates);
  return prefix.length > word.length ? { replacement: { from, to: cursor, text: prefix }, candidates } : { candidates };
}

/** The line and cursor after a completion. */
export function applyCompletion(line: string, completion: Completion): { line: string; cursor: number } | undefined {
  const r = completion.replacement;
  return r ? { line: line.slice(0, r.from) + r.text + line.slice(r.to), cursor: r.from + r.text.length } : undefined;
}
