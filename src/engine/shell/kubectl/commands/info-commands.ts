/** `kubectl version`, `cluster-info`, `api-resources`, `api-versions`, `explain`. */

import type { Service } from '../../../../shared/api-types';
import { NODE_VERSIONS } from '../../../controllers/nodes';
import type { CommandResult } from '../../shell-types';
import { Output, usageError } from '../common';
import { Flags, parseFlags } from '../flags';
import { printJson, printYaml } from '../printers/output-formats';
import { TABLE_TABWRITER, tabwrite } from '../printers/tabwriter';
import { apiVersionOf, resolveResourceType, RESOURCE_TYPES, type ClusterView } from '../resources';
import { explainText } from './explain-data';

/** The simulated kubectl is the course cluster's version (client and server alike). */
const VERSION = NODE_VERSIONS.kubelet;
const versionInfo = (buildDate: string, gitCommit: string): Record<string, string> => ({
  buildDate,
  compiler: 'gc',
  gitCommit,
  gitTreeState: 'clean',
  gitVersion: VERSION,
  goVersion: 'go1.23.6',
  major: '1',
  minor: VERSION.split('.')[1],
  platform: 'linux/amd64',
});

export function runVersion(argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ]);
  if ('error' in parsed) return usageError('version', parsed.error);
  const flags = new Flags(parsed);
  const client = flags.bool('client');
  const o = flags.str('output');
  const data: Record<string, unknown> = { clientVersion: versionInfo('2025-04-22T16:03:19Z', '59526cd4867447956156ae3a602fcbac5ce4c05e'), kustomizeVersion: 'v5.5.0' };
  if (!client) data.serverVersion = versionInfo('2025-04-22T16:02:27Z', '59526cd4867447956156ae3a602fcbac5ce4c05e');
  if (o === 'yaml') return { stdout: printYaml(data) + (client ? '' : '\n'), stderr: '', exitCode: 0 };
  if (o === 'json') return { stdout: printJson(data), stderr: '', exitCode: 0 };
  if (o !== '') return { stdout: '', stderr: '--output must be \'yaml\' or \'json\'\n', exitCode: 1 };
  let text = `Client Version: ${VERSION}\nKustomize Version: v5.5.0\n`;
  if (!client) text += `Server Version: ${VERSION}\n`;
  return { stdout: text, stderr: '', exitCode: 0 };
}

export function runClusterInfo(argv: string[], view: ClusterView, apiserver: string): CommandResult {
  const parsed = parseFlags(argv, []);
  if ('error' in parsed) return usageError('cluster-info', parsed.error);
  if (parsed.args[0] === 'dump') return { stdout: '', stderr: 'error: cluster-info dump is not simulated in Service Lab\n', exitCode: 1 };
  let text = `Kubernetes control plane is running at ${apiserver}\n`;
  for (const svc of view.list('Service', 'kube-system') as Service[]) {
    if (svc.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue;
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name;
    const port = svc.spec.ports?.[0];
    const link = port?.name ? `${svc.metadata.name}:${port.name}` : svc.metadata.name;
    text += `${name} is running at ${apiserver}/api/v1/namespaces/kube-system/services/${link}/proxy\n`;
  }
  text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  return { stdout: text, stderr: '', exitCode: 0 };
}

export function runApiResources(argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [
    { name: 'namespaced', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'api-group', type: 'string' },
    { name: 'verbs', type: 'stringArray' },
    { name: 'sort-by', type: 'string' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringArray' },
  ]);
  if ('error' in parsed) return usageError('api-resources', parsed.error);
  const flags = new Flags(parsed);
  const wide = flags.str('output') === 'wide';
  const types = [
    ...RESOURCE_TYPES.filter((t) => !t.group && t.kind < 'Event'),
    { kind: 'Event', resource: 'events', singular: 'event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'], verbs: RESOURCE_TYPES[0].verbs, categories: [] },
    ...RESOURCE_TYPES.filter((t) => !t.group && t.kind > 'Event'),
    ...RESOURCE_TYPES.filter((t) => t.group),
  ].filter((t) => !flags.has('namespaced') || t.namespaced === flags.bool('namespaced'));
  if (flags.str('output') === 'name') return { stdout: types.map((t) => (t.group ? `${t.resource}.${t.group}` : t.resource) + '\n').join(''), stderr: '', exitCode: 0 };
  const rows: string[][] = [];
  if (!flags.bool('no-headers')) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]);
  for (const t of types) rows.push([t.resource, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind, ...(wide ? [t.verbs.join(','), t.categories.join(',')] : [])]);
  return { stdout: tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', TABLE_TABWRITER), stderr: '', exitCode: 0 };
}

export function runApiVersions(): CommandResult {
  return { stdout: 'discovery.k8s.io/v1\nv1\n', stderr: '', exitCode: 0 };
}

export function runExplain(argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
  ]);
  if ('error' in parsed) return usageError('explain', parsed.error);
  const out = new Output();
  const [arg] = parsed.args;
  if (!arg) return out.fail('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  const [typeWord, ...path] = arg.split('.');
  const type = resolveResourceType(typeWord);
  if (!type) return out.fail(`error: the server doesn't have a resource type "${typeWord}"`);
  const text = explainText(type.kind, path);
  if (text === undefined) return out.fail(`error: field "${path[path.length - 1]}" does not exist`);
  out.out(text);
  return out.result();
}
