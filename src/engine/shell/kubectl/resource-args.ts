/**
 * kubectl's resource.Builder over command-line arguments: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`,
 * `all` expanded, `-l` selectors, `--all`, `-A`; fetched in argument order, with NotFound errors
 * collected per name (kubectl goes on with the others).
 */

import type { KubeObject } from '../../../shared/api-types';
import type { StatusError } from '../../../shared/field-error-types';
import { matches, parseSelector } from '../../store/label-selector';
import { categoryTypes, qualifiedResource, resolveResourceType, type ClusterView, type ResourceType } from './resources';

export interface ResourceRequest {
  type: ResourceType;
  /** Named objects; undefined = list (selector / all). */
  names?: string[];
}

export interface ResolvedArgs {
  requests: ResourceRequest[];
  /** Several types were asked for: kubectl prefixes names with `TYPE/`. */
  multipleTypes: boolean;
  /** One type and one name: `-o yaml` prints the object itself, not a List. */
  singleItem: boolean;
}

const SEPARATE_TYPE_ERROR =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** Resolves the arguments; `error` is kubectl's message (without `error: `). */
export function resolveArgs(args: readonly string[]): ResolvedArgs | { error: string } {
  if (args.some((a) => a.includes('/'))) {
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) return { error: SEPARATE_TYPE_ERROR };
      const typeWord = a.slice(0, slash);
      const name = a.slice(slash + 1);
      const type = resolveResourceType(typeWord);
      if (!type) return { error: `the server doesn't have a resource type "${typeWord}"` };
      if (name === '') return { error: `arguments in resource/name form must have a single resource and name` };
      const existing = requests.find((r) => r.type === type);
      if (existing) existing.names!.push(name);
      else requests.push({ type, names: [name] });
    }
    return { requests, multipleTypes: requests.length > 1, singleItem: args.length === 1 };
  }
  const [typeList, ...names] = args;
  const types: ResourceType[] = [];
  for (const word of typeList.split(',')) {
    if (word === '') continue;
    const category = categoryTypes(word.toLowerCase());
    if (category) {
      for (const t of category) if (!types.includes(t)) types.push(t);
      continue;
    }
    const type = resolveResourceType(word);
    if (!type) return { error: `the server doesn't have a resource type "${word}"` };
    if (!types.includes(type)) types.push(type);
  }
  const multipleTypes = types.length > 1 || typeList.split(',').some((w) => categoryTypes(w.toLowerCase()));
  return { requests: types.map((type) => ({ type, ...(names.length ? { names: [...names] } : {}) })), multipleTypes, singleItem: types.length === 1 && names.length === 1 && !multipleTypes };
}

export interface FetchOptions {
  namespace: string;
  allNamespaces: boolean;
  selector?: string;
  fieldSelector?: string;
}

export interface Fetched {
  type: ResourceType;
  objects: KubeObject[];
}

/** `pods "x" not found` as the apiserver answers a GET. */
export function notFound(type: ResourceType, name: string): StatusError {
  return { reason: 'NotFound', code: 404, message: `${qualifiedResource(type)} "${name}" not found`, causes: [] };
}

function fieldValue(obj: KubeObject, path: string): string {
  let v: unknown = obj;
  for (const p of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v === undefined || v === null ? '' : String(v);
}

/** Fetches every request: objects per type in order, and NotFound errors for missing names. */
export function fetchResources(view: ClusterView, requests: readonly ResourceRequest[], opts: FetchOptions): { fetched: Fetched[]; errors: StatusError[] } | { error: string } {
  let selector: ReturnType<typeof parseSelector> | undefined;
  if (opts.selector !== undefined) {
    selector = parseSelector(opts.selector);
    if ('error' in selector) return { error: selector.error };
  }
  const fields = (opts.fieldSelector ?? '').split(',').filter((f) => f !== '');
  const fieldReqs: { path: string; op: '=' | '!='; value: string }[] = [];
  for (const f of fields) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(f);
    if (!m) return { error: `invalid selector: '${opts.fieldSelector}'; can't understand '${f}'` };
    fieldReqs.push({ path: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] });
  }
  const fetched: Fetched[] = [];
  const errors: StatusError[] = [];
  for (const req of requests) {
    const ns = req.type.namespaced ? (opts.allNamespaces && !req.names ? undefined : opts.namespace) : undefined;
    let objects: KubeObject[];
    if (req.names) {
      objects = [];
      for (const name of req.names) {
        const obj = view.get(req.type.kind, ns, name);
        if (obj) objects.push(obj);
        else errors.push(notFound(req.type, name));
      }
    } else {
      objects = view.list(req.type.kind, ns);
      if (selector && !('error' in selector)) {
        const sel = selector;
        objects = objects.filter((o) => matches(sel, o.metadata.labels));
      }
      if (fieldReqs.length) objects = objects.filter((o) => fieldReqs.every((r) => (fieldValue(o, r.path) === r.value) === (r.op === '=')));
    }
    fetched.push({ type: req.type, objects });
  }
  return { fetched, errors };
}
