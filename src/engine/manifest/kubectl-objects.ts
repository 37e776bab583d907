/**
 * What kubectl does with a decoded document before talking to the server: the client-side
 * apiVersion/kind check of its validator (k8s.io/kubectl/pkg/validation: getObjectKind,
 * validateList), `kind: List` flattening (resource.Builder.Flatten), and the RESTMapper lookup
 * (`resource mapping not found … no matches for kind …`). Messages are kubectl's, with the
 * source name (a file name, or STDIN) filled in.
 */

import type { KubeObject } from '../../shared/api-types';
import { goJsonMarshal } from '../admission/go-json';
import { lookupKind, noMatchMessage } from '../admission/resource-mapping';

/** kubectl's hint after validation errors. */
export const STOP_VALIDATE_MESSAGE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** One object kubectl would send, with the field-path prefix of where it sits in its document. */
export interface ManifestObject {
  object: KubeObject;
  /** '' for a plain document, `items[2].` for the third item of a List. */
  pathPrefix: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** getObjectKind's errors for one value. */
function objectKindErrors(value: unknown): string[] {
  if (!isObj(value)) return ['invalid object to validate'];
  const errs: string[] = [];
  if (value.apiVersion === undefined || value.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof value.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  if (value.kind === undefined || value.kind === null) errs.push('kind not set');
  else if (typeof value.kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

const aggregate = (errs: string[]): string => (errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);

const isList = (v: Obj): boolean => v.apiVersion === 'v1' && v.kind === 'List';

/**
 * The objects of one document for `kubectl apply` (validation on), or kubectl's error:
 * `error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you …`.
 */
export function objectsForApply(value: unknown, source: string): { objects: ManifestObject[] } | { error: string } {
  let errs = objectKindErrors(value);
  if (errs.length === 0 && isList(value as Obj)) {
    const items = (value as Obj).items;
    errs = Array.isArray(items) ? items.flatMap(objectKindErrors) : ['invalid object to validate'];
  }
  if (errs.length > 0) return { error: `error validating "${source}": error validating data: ${aggregate(errs)}; ${STOP_VALIDATE_MESSAGE}` };
  return { objects: flatten(value as Obj) };
}

/**
 * The objects of one document for `kubectl delete` (no validation): undecodable documents fail
 * like kubectl's decoder (`unable to decode "x.yaml": Object 'Kind' is missing in '{…}'`).
 */
export function objectsForDelete(value: unknown, source: string): { objects: ManifestObject[] } | { error: string } {
  if (!isObj(value)) {
    const got = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string';
    return { error: `unable to decode "${source}": json: cannot unmarshal ${got} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }` };
  }
  if (typeof value.kind !== 'string' || value.kind === '') return { error: `unable to decode "${source}": Object 'Kind' is missing in '${goJsonMarshal(value)}'` };
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') return { error: `unable to decode "${source}": Object 'apiVersion' is missing in '${goJsonMarshal(value)}'` };
  return { objects: flatten(value) };
}

function flatten(value: Obj): ManifestObject[] {
  if (!isList(value)) return [{ object: value as KubeObject, pathPrefix: '' }];
  const items = Array.isArray(value.items) ? value.items : [];
  return items.filter(isObj).map((item, i) => ({ object: item as KubeObject, pathPrefix: `items[${i}].` }));
}

/**
 * kubectl's RESTMapper error for an object whose kind the server does not serve:
 * `resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"` + CRD hint.
 */
export function mappingError(object: KubeObject, source: string): string | undefined {
  if (lookupKind(object.apiVersion, object.kind)) return undefined;
  const meta = isObj(object.metadata) ? object.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  return `resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": ${noMatchMessage(String(object.apiVersion), String(object.kind))}\nensure CRDs are installed first`;
}
