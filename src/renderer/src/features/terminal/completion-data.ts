/**
 * What Tab completes from, as data: the simulated kubectl's subcommands, flags and resource types
 * (as in src/engine/shell/kubectl), the admin host's commands and the container tools (as in
 * src/engine/shell/tools/container-commands.ts). Kept here because the renderer imports the engine
 * only as types; keep the lists in step with the engine when it learns a command.
 */

export const KUBECTL_SUBCOMMANDS = ['api-resources', 'api-versions', 'apply', 'cluster-info', 'create', 'delete', 'describe', 'exec', 'explain', 'get', 'help', 'label', 'run', 'version', 'wait'];

const COMMON_FLAGS = ['--help', '--namespace', '-n'];

/** Flags per subcommand (`-n` and `--help` everywhere). */
export const KUBECTL_FLAGS: Readonly<Record<string, readonly string[]>> = {
  get: ['--all-namespaces', '-A', '--filename', '-f', '--no-headers', '--output', '-o', '--selector', '-l', '--show-labels', '--watch', '-w'],
  describe: ['--all-namespaces', '-A', '--filename', '-f', '--selector', '-l'],
  apply: ['--filename', '-f', '--dry-run'],
  create: ['--filename', '-f', '--dry-run'],
  delete: ['--all', '--filename', '-f', '--force', '--grace-period', '--now', '--selector', '-l'],
  exec: ['--container', '-c', '--stdin', '-i', '--tty', '-t', '-it'],
  label: ['--all', '--overwrite', '--selector', '-l'],
  run: ['--command', '--env', '--expose', '--image', '--labels', '--port', '--restart', '--rm', '-i', '-t', '-it'],
  wait: ['--for', '--timeout', '--all', '--selector', '-l'],
  explain: ['--recursive'],
  version: ['--client', '--output', '-o'],
};

export function flagsOf(subcommand: string | undefined): string[] {
  return [...new Set([...(subcommand ? (KUBECTL_FLAGS[subcommand] ?? []) : []), ...COMMON_FLAGS])];
}

/** Flags that take the next word as their value. */
export const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-c', '--container', '--image', '--restart', '--labels', '--port', '--for', '--timeout', '--env', '--grace-period', '--dry-run']);

export const OUTPUT_FORMATS = ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'];

export const FLAG_VALUES: Readonly<Record<string, readonly string[]>> = {
  '--restart': ['Always', 'Never', 'OnFailure'],
  '--for': ['condition=Ready', 'delete'],
  '--dry-run': ['client', 'none', 'server'],
};

/** Resource types: what completes after `get`/`describe`…, and the kind each name means. */
export const RESOURCE_TYPES: readonly { kind: string; plural: string; singular: string; short: readonly string[]; namespaced: boolean }[] = [
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', short: ['cm'], namespaced: true },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', short: ['ep'], namespaced: true },
  { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', short: [], namespaced: true },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', short: ['ns'], namespaced: false },
  { kind: 'Node', plural: 'nodes', singular: 'node', short: ['no'], namespaced: false },
  { kind: 'Pod', plural: 'pods', singular: 'pod', short: ['po'], namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', short: ['svc'], namespaced: true },
];

/** The names offered for a type word: plurals and short names, as kubectl's own completion lists (singulars still resolve). */
export const RESOURCE_TYPE_WORDS = [...new Set([...RESOURCE_TYPES.flatMap((t) => [t.plural, ...t.short]), 'all'])].sort();

/** Kinds a type word names (`svc` → Service, `all` → Pod and Service). */
export function kindsOf(word: string): string[] {
  const lower = word.toLowerCase().split('.')[0];
  if (lower === 'all') return ['Pod', 'Service'];
  const t = RESOURCE_TYPES.find((r) => r.plural === lower || r.singular === lower || r.short.includes(lower) || r.kind.toLowerCase() === lower);
  return t ? [t.kind] : [];
}

const BUILTINS = ['cd', 'clear', 'echo', 'exit', 'export', 'false', 'pwd', 'true', 'type'];

export const HOST_COMMANDS = [...new Set(['kubectl', 'nslookup', 'dig', 'curl', 'wget', 'ping', 'getent', 'cat', 'ls', 'hostname', 'env', 'printenv', 'date', 'uname', 'whoami', 'id', 'which', 'sh', 'bash', ...BUILTINS])].sort();

export const CONTAINER_COMMANDS = [...new Set(['sh', 'bash', 'curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'telnet', 'env', 'printenv', 'cat', 'hostname', 'ls', 'date', 'whoami', 'id', 'uname', ...BUILTINS])].sort();

/** Tools whose arguments are host names: Tab offers the cluster's service and pod DNS names. */
export const NAME_TOOLS = new Set(['nslookup', 'dig', 'host', 'curl', 'wget', 'ping', 'getent', 'nc', 'telnet']);
