/**
 * The words Tab offers after `kubectl`, as kubectl's own cobra completion (`kubectl completion
 * bash`) offers them: subcommands, then per subcommand its flags, the values of `-n`/`-o`/`-f`,
 * resource types (plurals and short names, as `__kubectl_get_resource` lists them) and the names of
 * objects of the typed type in the namespace `-n` names (every namespace with `-A`). Flags come
 * from the flag tables the commands parse with, so completion never offers a flag the simulated
 * kubectl would reject. Subcommands are the simulated ones (the others only print a note).
 */

import type { FlagDef } from '../kubectl/flags';
import { GET_FLAGS } from '../kubectl/commands/get';
import { DESCRIBE_FLAGS } from '../kubectl/commands/describe';
import { DELETE_FLAGS, FILE_FLAGS } from '../kubectl/commands/manifest-commands';
import { EXEC_FLAGS, LABEL_FLAGS, RUN_FLAGS, WAIT_FLAGS } from '../kubectl/commands/pod-commands';
import { SIMULATED } from '../kubectl/kubectl';
import { RESOURCE_TYPES, categoryTypes, resolveResourceType } from '../kubectl/resources';

/** What the kubectl completer reads: object names by kind and namespace, the pod a command runs in, the editor's files. */
export interface KubectlCompletionSource {
  /** Names of `kind` objects in `namespace` (every namespace when undefined; cluster-scoped kinds ignore it). */
  names(kind: string, namespace: string | undefined): string[];
  /** Names of the namespaces. */
  namespaces(): string[];
  /** The editor's open files (`kubectl apply -f NAME`). */
  files: readonly string[];
  /** Commands in a pod's container (after `kubectl exec POD --`). */
  podCommands(namespace: string, pod: string, container: string | undefined): string[];
  /** Arguments of a command run in a pod of `namespace` (host names for the DNS tools). */
  commandArgs(argv: readonly string[], namespace: string): string[];
}

const FLAGS_BY_COMMAND: Readonly<Record<string, readonly FlagDef[]>> = {
  get: GET_FLAGS,
  describe: DESCRIBE_FLAGS,
  apply: FILE_FLAGS,
  create: FILE_FLAGS,
  delete: DELETE_FLAGS,
  exec: EXEC_FLAGS,
  label: LABEL_FLAGS,
  run: RUN_FLAGS,
  wait: WAIT_FLAGS,
};

/** kubectl's persistent `-n` and every command's `--help`. */
const COMMON_FLAGS: readonly FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
];

/** kubectl's `-o` values (printers it simulates; the `=` forms take a template). */
const OUTPUT_FORMATS = ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'];

/** Fixed value sets of string flags (kubectl's own flag completions). */
const FLAG_VALUES: Readonly<Record<string, readonly string[]>> = {
  restart: ['Always', 'Never', 'OnFailure'],
  for: ['condition=Ready', 'delete'],
  'dry-run': ['client', 'none', 'server'],
  cascade: ['background', 'foreground', 'orphan'],
};

/** Subcommands whose positionals are TYPE NAME… or TYPE/NAME. */
const RESOURCE_COMMANDS = new Set(['get', 'describe', 'delete', 'label', 'wait']);

const flagsOf = (command: string | undefined): readonly FlagDef[] => [...(command ? (FLAGS_BY_COMMAND[command] ?? []) : []), ...COMMON_FLAGS];

/** The flag an argv word names (`-n`, `--namespace`), looked up in `defs`. */
function flagNamed(word: string, defs: readonly FlagDef[]): FlagDef | undefined {
  if (word.startsWith('--')) return defs.find((d) => d.name === word.slice(2));
  if (word.length === 2 && word.startsWith('-')) return defs.find((d) => d.short === word[1]);
  return undefined;
}

/** Resource type words, as kubectl's completion lists them: plural and short names, and `all`. */
export function resourceTypeWords(): string[] {
  return [...new Set([...RESOURCE_TYPES.flatMap((t) => [t.resource, ...t.shortNames]), 'all'])].sort();
}

/** Kinds a type word names (`svc` → Service, `all` → Pod and Service); `svc,po` lists are split by the caller. */
function kindsOf(word: string): string[] {
  const category = categoryTypes(word.toLowerCase());
  if (category) return category.map((t) => t.kind);
  const t = resolveResourceType(word);
  return t ? [t.kind] : [];
}

/** The candidates for the word being typed after `kubectl`, given the words before it. */
export function kubectlCandidates(words: readonly string[], word: string, source: KubectlCompletionSource): string[] {
  // The subcommand is the first positional; flags before it are kubectl's global ones.
  let command: string | undefined;
  const positionals: string[] = [];
  let namespace: string | undefined = 'default';
  let container: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      if (command !== 'exec' || !positionals[0]) return [];
      const rest = words.slice(i + 1);
      return rest.length === 0 ? source.podCommands(namespace ?? 'default', positionals[0], container) : source.commandArgs(rest, namespace ?? 'default');
    }
    const defs = flagsOf(command);
    const eq = w.indexOf('=');
    const def = flagNamed(eq > 0 && w.startsWith('--') ? w.slice(0, eq) : w, defs);
    if (w === '-A' || w === '--all-namespaces') namespace = undefined;
    if (def && def.type !== 'bool' && eq < 0) {
      const value = words[i + 1];
      if (value === undefined) return valueCandidates(def, source);
      if (def.name === 'namespace') namespace = value;
      if (def.name === 'container') container = value;
      i++;
      continue;
    }
    if (def?.name === 'namespace' && eq > 0) namespace = w.slice(eq + 1);
    if (w.startsWith('-')) continue;
    if (command === undefined) command = w;
    else positionals.push(w);
  }
  if (word.startsWith('-')) return flagWords(flagsOf(command));
  if (command === undefined) return [...SIMULATED, 'help'].sort();
  if (RESOURCE_COMMANDS.has(command)) {
    const slash = word.indexOf('/');
    if (slash >= 0) return objectNames(word.slice(0, slash), namespace, source).map((n) => `${word.slice(0, slash)}/${n}`);
    if (positionals.length === 0) return resourceTypeWords();
    // TYPE NAME…: names of that type (none after a TYPE/NAME, which names its own type).
    return positionals[0].includes('/') ? [] : objectNames(positionals[0], namespace, source).filter((n) => !positionals.includes(n));
  }
  switch (command) {
    case 'explain':
      return positionals.length === 0 ? resourceTypeWords().filter((w) => w !== 'all') : [];
    case 'exec':
      return positionals.length === 0 ? source.names('Pod', namespace) : [];
    case 'help':
      return positionals.length === 0 ? [...SIMULATED].sort() : [];
    default:
      return [];
  }
}

/** Names of the objects a type word (or a `svc,po` list) names. */
function objectNames(typeWord: string, namespace: string | undefined, source: KubectlCompletionSource): string[] {
  const kinds = typeWord.split(',').flatMap(kindsOf);
  return [...new Set(kinds.flatMap((k) => source.names(k, namespace)))].sort();
}

function valueCandidates(def: FlagDef, source: KubectlCompletionSource): string[] {
  switch (def.name) {
    case 'namespace':
      return source.namespaces();
    case 'output':
      return OUTPUT_FORMATS;
    case 'filename':
      return [...source.files].sort();
    default:
      return [...(FLAG_VALUES[def.name] ?? [])];
  }
}

function flagWords(defs: readonly FlagDef[]): string[] {
  return [...new Set(defs.flatMap((d) => [`--${d.name}`, ...(d.short ? [`-${d.short}`] : [])]))].sort();
}
