/** `kubectl describe` (k8s.io/kubectl/pkg/cmd/describe): exact name, else name prefix, else all of a type. */

import type { CommandResult } from '../../shell-types';
import { Output, serverError, usageError } from '../common';
import { Flags, parseFlags, type FlagDef } from '../flags';
import { describeObject } from '../printers/describers';
import { fetchResources, resolveArgs } from '../resource-args';
import type { ClusterView } from '../resources';

export const DESCRIBE_FLAGS: FlagDef[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
];

export function runDescribe(argv: string[], view: ClusterView): CommandResult {
  const parsed = parseFlags(argv, DESCRIBE_FLAGS);
  if ('error' in parsed) return usageError('describe', parsed.error);
  const flags = new Flags(parsed);
  const out = new Output();
  if (flags.args.length === 0) return out.fail('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const resolved = resolveArgs(flags.args);
  if ('error' in resolved) return out.fail(`error: ${resolved.error}`);
  const namespace = flags.str('namespace', 'default') || 'default';
  const allNamespaces = flags.bool('all-namespaces');
  const opts = { namespace, allNamespaces, selector: flags.has('selector') ? flags.str('selector') : undefined };
  const result = fetchResources(view, resolved.requests, opts);
  if ('error' in result) return out.fail(`error: ${result.error}`);
  let objects = result.fetched.flatMap((f) => f.objects);
  let errors = result.errors;
  // describe TYPE PREFIX: when the exact name is not found, every object whose name starts with it.
  if (errors.length > 0 && flags.args.length === 2 && !flags.args[0].includes('/') && resolved.requests.length === 1) {
    const listed = fetchResources(view, [{ type: resolved.requests[0].type }], opts);
    if (!('error' in listed)) {
      const prefixed = listed.fetched[0].objects.filter((o) => (o.metadata.name ?? '').startsWith(flags.args[1]));
      if (prefixed.length > 0) {
        objects = prefixed;
        errors = [];
      }
    }
  }
  const texts = objects.map((o) => describeObject(o, view) ?? '');
  out.out(texts.join('\n\n'));
  if (objects.length === 0 && errors.length === 0) out.err(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  for (const e of errors) out.err(`${serverError(e)}\n`);
  if (errors.length > 0) out.exitCode = 1;
  return out.result();
}
