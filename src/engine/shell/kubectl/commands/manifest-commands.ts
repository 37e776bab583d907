/**
 * `kubectl apply -f`, `kubectl create -f` and `kubectl delete` (by file, by TYPE NAME, by `-l`,
 * `--all`): the engine does the API work; this prints kubectl's lines (`service/x created`,
 * `pod/x configured`, `unchanged`, `pod "x" deleted`) and frames its errors as cmdutil.CheckErr
 * does — one failure: `The Service "x" is invalid: …` or `Error from server (AlreadyExists):
 * error when creating "x.yaml": …`; several: one `Error from server (…)` line each.
 */

import type { KubeObject } from '../../../../shared/api-types';
import type { ApplyOutcome, ApplyReport, StatusError } from '../../../../shared/field-error-types';
import { lastAppliedConfiguration } from '../../../admission/last-applied';
import { objectsForApply } from '../../../manifest/kubectl-objects';
import { walkManifest } from '../../../manifest/walk-manifest';
import type { Engine } from '../../../engine';
import type { CommandResult, HostFiles } from '../../shell-types';
import { checkErrMessage, Output, serverError, usageError } from '../common';
import { Flags, parseFlags, type FlagDef } from '../flags';
import { fetchResources, resolveArgs } from '../resource-args';
import { engineView } from '../common';
import { kindPrefix, typeOfKind } from '../resources';

export const FILE_FLAGS: FlagDef[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'server-side', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'prune', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'overwrite', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'edit', type: 'bool' },
  { name: 'windows-line-endings', type: 'bool' },
];

export const DELETE_FLAGS: FlagDef[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'wait', type: 'bool' },
  { name: 'cascade', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'interactive', short: 'i', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

interface Source {
  name: string;
  text: string;
}

const MANIFEST_EXT = /\.(ya?ml|json)$/;

/** Reads `-f` sources: files, directories (their .yaml/.yml/.json files; -R recurses), `-` (no stdin here). */
function readSources(files: HostFiles, paths: readonly string[], recursive: boolean): { sources: Source[] } | { error: string } {
  const sources: Source[] = [];
  const walk = (dir: string, entries: string[], top: boolean): void => {
    for (const e of [...entries].sort()) {
      const p = dir.endsWith('/') ? dir + e : `${dir}/${e}`;
      const sub = files.list?.(p);
      if (sub) {
        if (recursive) walk(p, sub, false);
        continue;
      }
      if (!MANIFEST_EXT.test(e)) continue;
      const text = files.read(p);
      if (text !== undefined) sources.push({ name: p, text });
    }
    void top;
  };
  for (const p of paths) {
    const entries = files.list?.(p);
    if (entries) {
      walk(p, entries, true);
      continue;
    }
    const text = files.read(p);
    if (text === undefined) return { error: `the path "${p}" does not exist` };
    sources.push({ name: p, text });
  }
  return { sources };
}

function qualifiedKind(outcome: ApplyOutcome): string {
  const t = outcome.kind ? typeOfKind(outcome.kind) : undefined;
  return t?.group ? `${t.kind}.${t.group}` : outcome.kind ?? '';
}

function prefixOf(outcome: ApplyOutcome): string {
  const t = outcome.kind ? typeOfKind(outcome.kind) : undefined;
  return t ? kindPrefix(t) : (outcome.kind ?? '').toLowerCase();
}

interface Failure {
  error: StatusError | { reason: 'ParseError'; code: 0; message: string; causes: [] };
  outcome: ApplyOutcome;
  verb: string;
  source: string;
}

/** Prints collected failures the way CheckErr does (one vs an aggregate). */
function printFailures(out: Output, failures: Failure[]): void {
  if (failures.length === 0) return;
  const framed = failures.map((f) => {
    if (f.error.reason === 'ParseError') return { status: false, text: f.error.message };
    const withSource: StatusError = { ...(f.error as StatusError), message: `error when ${f.verb} "${f.source}": ${f.error.message}` };
    return { status: true, text: '', err: withSource, f };
  });
  if (framed.length === 1) {
    const one = framed[0];
    if (!one.status) out.err(`error: ${one.text}\n`);
    else out.err(`${checkErrMessage(one.err!, { kind: qualifiedKind(one.f!.outcome), name: one.f!.outcome.name ?? '' })}\n`);
  } else {
    for (const one of framed) out.err(`${one.status ? serverError(one.err!) : one.text}\n`);
  }
  out.exitCode = 1;
}

function warnings(out: Output, outcome: ApplyOutcome): void {
  for (const m of outcome.messages) if (m.severity === 'warning' && !m.message.startsWith('kubectl stops')) out.err(`Warning: ${m.message}\n`);
}

export function runApplyOrCreate(verb: 'apply' | 'create', argv: string[], engine: Engine, files: HostFiles): CommandResult {
  const parsed = parseFlags(argv, FILE_FLAGS);
  if ('error' in parsed) return usageError(verb, parsed.error);
  const flags = new Flags(parsed);
  const out = new Output();
  const paths = flags.list('filename');
  if (paths.length === 0) {
    if (verb === 'create' && flags.args.length > 0) return out.fail(`error: unknown command "${flags.args[0]}" for "kubectl create"`);
    return out.fail('error: must specify one of -f and -k');
  }
  if (paths.includes('-')) return out.fail('error: reading from standard input is not available in Service Lab; save the manifest to a file and use -f FILE');
  const read = readSources(files, paths, flags.bool('recursive'));
  if ('error' in read) return out.fail(`error: ${read.error}`);
  const namespace = flags.str('namespace');
  const failures: Failure[] = [];
  const outputName = flags.str('output') === 'name';
  for (const source of read.sources) {
    const report: ApplyReport = verb === 'apply' ? engine.apply(withNamespace(source.text, namespace), { fileName: source.name }) : createManifest(engine, withNamespace(source.text, namespace), source.name);
    for (const outcome of report.outcomes) {
      warnings(out, outcome);
      if (outcome.action === 'failed' && outcome.error) {
        const exists = outcome.kind && outcome.name ? !!engine.store.get(outcome.kind, typeOfKind(outcome.kind)?.namespaced ? outcome.namespace ?? (namespace || 'default') : undefined, outcome.name) : false;
        failures.push({ error: outcome.error, outcome, verb: verb === 'apply' && exists ? 'patching' : 'creating', source: source.name });
        continue;
      }
      if (outputName) out.out(`${prefixOf(outcome)}/${outcome.name}\n`);
      else out.out(`${prefixOf(outcome)}/${outcome.name} ${outcome.action}\n`);
    }
    if (verb === 'create') engine.settle();
  }
  printFailures(out, failures);
  return out.result();
}

/** `-n NS` on apply/create: documents without a namespace go there (a different one is kubectl's error; not modelled). */
function withNamespace(text: string, namespace: string): string {
  if (!namespace) return text;
  return text.replace(/^(metadata:\s*\n)/gm, `$1  namespace: ${namespace}\n`);
}

/** `kubectl create -f`: POST each object (no last-applied annotation). */
function createManifest(engine: Engine, text: string, source: string): ApplyReport {
  const report = walkManifest(text, source, objectsForApply, ({ doc, object, base }) => {
    const result = engine.api.create(object as KubeObject);
    void lastAppliedConfiguration;
    const applied = result.object;
    return {
      ...base,
      name: applied?.metadata.name ?? base.name,
      namespace: applied?.metadata.namespace ?? base.namespace,
      action: result.error ? 'failed' : 'created',
      ...(result.error ? { error: result.error } : {}),
      messages: [...doc.messages, ...result.warnings.map((w) => ({ severity: 'warning' as const, message: w }))],
    };
  });
  engine.settle();
  return report;
}

export function runDelete(argv: string[], engine: Engine, files: HostFiles): CommandResult {
  const parsed = parseFlags(argv, DELETE_FLAGS);
  if ('error' in parsed) return usageError('delete', parsed.error);
  const flags = new Flags(parsed);
  const out = new Output();
  const paths = flags.list('filename');
  const namespace = flags.str('namespace', 'default') || 'default';
  const failures: Failure[] = [];
  if (paths.length > 0) {
    const read = readSources(files, paths, flags.bool('recursive'));
    if ('error' in read) return out.fail(`error: ${read.error}`);
    for (const source of read.sources) {
      const report = engine.deleteManifest(withNamespace(source.text, flags.str('namespace')), { fileName: source.name });
      for (const outcome of report.outcomes) {
        if (outcome.action === 'failed' && outcome.error) {
          if (flags.bool('ignore-not-found') && outcome.error.reason === 'NotFound') continue;
          if (outcome.error.reason === 'NotFound' || outcome.error.reason === 'ParseError') {
            failures.push({ error: outcome.error, outcome, verb: 'deleting', source: source.name });
          } else failures.push({ error: outcome.error, outcome, verb: 'deleting', source: source.name });
          continue;
        }
        out.out(`${prefixOf(outcome).split('.')[0] === 'endpointslice' ? 'endpointslice.discovery.k8s.io' : prefixOf(outcome)} "${outcome.name}" deleted\n`);
      }
    }
    engine.settle();
    // delete -f reports NotFound without "error when deleting" framing: `Error from server (NotFound): error when deleting "x.yaml": …`
    printFailures(out, failures);
    return out.result();
  }
  if (flags.args.length === 0) {
    return out.fail("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const resolved = resolveArgs(flags.args);
  if ('error' in resolved) return out.fail(`error: ${resolved.error}`);
  const hasNames = resolved.requests.some((r) => r.names);
  const selector = flags.has('selector') ? flags.str('selector') : undefined;
  if (hasNames && (selector !== undefined || flags.bool('all'))) return out.fail('error: name cannot be provided when a selector is specified');
  if (!hasNames && selector === undefined && !flags.bool('all')) return out.fail('error: resource(s) were provided, but no name was specified');
  const view = engineView(engine);
  const fetched = fetchResources(view, resolved.requests, { namespace, allNamespaces: flags.bool('all-namespaces'), selector });
  if ('error' in fetched) return out.fail(`error: ${fetched.error}`);
  let deleted = 0;
  for (const f of fetched.fetched) {
    for (const obj of f.objects) {
      const r = engine.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
      if (r.error) {
        out.err(`${serverError(r.error)}\n`);
        out.exitCode = 1;
        continue;
      }
      deleted++;
      out.out(`${f.type.kind === 'EndpointSlice' ? 'endpointslice.discovery.k8s.io' : f.type.kind.toLowerCase()} "${obj.metadata.name}" deleted\n`);
    }
  }
  engine.settle();
  const notFound = flags.bool('ignore-not-found') ? [] : fetched.errors;
  for (const e of notFound) out.err(`${serverError(e)}\n`);
  if (notFound.length > 0) out.exitCode = 1;
  if (!hasNames && deleted === 0 && fetched.errors.length === 0) out.out('No resources found\n');
  return out.result();
}
