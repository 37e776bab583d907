/** `kubectl get` (k8s.io/kubectl/pkg/cmd/get). */

import type { KubeObject } from '../../../../shared/api-types';
import type { CommandResult } from '../../shell-types';
import { Output, serverError, usageError } from '../common';
import { Flags, parseFlags, type FlagDef } from '../flags';
import { asList, nameOf, parseOutputFormat, printCustomColumns, printJson, printJsonPath, printTable, printYaml, withTypeMeta } from '../printers/output-formats';
import { jsonPathValues } from '../printers/jsonpath';
import { fetchResources, resolveArgs } from '../resource-args';
import type { ClusterView } from '../resources';

export const GET_FLAGS: FlagDef[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
];

const REQUIRED_TYPE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n';

function sortBy(objects: KubeObject[], path: string): KubeObject[] {
  const template = path.startsWith('{') ? path : `{${path.startsWith('.') ? path : '.' + path}}`;
  const key = (o: KubeObject): unknown => {
    try {
      return jsonPathValues(template, withTypeMeta(o))[0];
    } catch {
      return undefined;
    }
  };
  return [...objects].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x ?? '') < String(y ?? '') ? -1 : String(x ?? '') > String(y ?? '') ? 1 : 0;
  });
}

export function runGet(argv: string[], view: ClusterView): CommandResult {
  const parsed = parseFlags(argv, GET_FLAGS);
  if ('error' in parsed) return usageError('get', parsed.error);
  const flags = new Flags(parsed);
  const out = new Output();
  const format = parseOutputFormat(flags.str('output'));
  if ('error' in format) return out.fail(`error: ${format.error}`);
  if (flags.args.length === 0) return { stdout: '', stderr: REQUIRED_TYPE, exitCode: 1 };
  const resolved = resolveArgs(flags.args);
  if ('error' in resolved) return out.fail(`error: ${resolved.error}`);
  const hasNames = resolved.requests.some((r) => r.names);
  if (hasNames && flags.has('selector')) return out.fail('error: name cannot be provided when a selector is specified');
  const namespace = flags.str('namespace', 'default') || 'default';
  const allNamespaces = flags.bool('all-namespaces');
  const result = fetchResources(view, resolved.requests, { namespace, allNamespaces, selector: flags.has('selector') ? flags.str('selector') : undefined, fieldSelector: flags.str('field-selector') || undefined });
  if ('error' in result) return out.fail(`error: ${result.error}`);
  let { fetched } = result;
  const errors = flags.bool('ignore-not-found') ? result.errors.filter((e) => e.reason !== 'NotFound') : result.errors;
  if (flags.has('sort-by')) fetched = fetched.map((f) => ({ ...f, objects: sortBy(f.objects, flags.str('sort-by')) }));
  const all = fetched.flatMap((f) => f.objects);
  const now = view.now();

  if (format.kind === 'table') {
    const withKind = resolved.multipleTypes || flags.bool('show-kind');
    const withNamespace = allNamespaces;
    const tables: string[] = [];
    for (const f of fetched) {
      if (f.objects.length === 0) continue;
      tables.push(printTable(f.type.kind, f.objects, now, { wide: format.wide, withNamespace, withKind, showLabels: flags.bool('show-labels'), noHeaders: flags.bool('no-headers'), labelColumns: flags.list('label-columns').flatMap((l) => l.split(',')) }));
    }
    out.out(tables.join('\n'));
    if (all.length === 0 && errors.length === 0 && !flags.bool('ignore-not-found')) {
      out.err(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    }
  } else if (format.kind === 'name') {
    for (const o of all) out.out(`${nameOf(o)}\n`);
  } else {
    const data = resolved.singleItem && all.length === 1 && errors.length === 0 ? withTypeMeta(all[0]) : resolved.singleItem && all.length === 0 ? undefined : asList(all);
    if (data !== undefined) {
      if (format.kind === 'yaml') out.out(printYaml(data));
      else if (format.kind === 'json') out.out(printJson(data));
      else if (format.kind === 'jsonpath') {
        const r = printJsonPath(format.template, data);
        if ('error' in r) return out.fail(`error: ${r.error}`);
        out.out(r.text);
      } else {
        const r = printCustomColumns(format.spec, all, flags.bool('no-headers'));
        if ('error' in r) return out.fail(`error: ${r.error}`);
        if (all.length > 0) out.out(r.text);
      }
    }
  }
  for (const e of errors) out.err(`${serverError(e)}\n`);
  if (errors.length > 0) out.exitCode = 1;
  return out.result();
}
