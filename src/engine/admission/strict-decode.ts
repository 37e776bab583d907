/**
 * What the apiserver's decoder says about a request body: the first JSON type error (Go's
 * `json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`)
 * or, in Strict field validation, every unknown field (`unknown field "spec.foo"`), in document
 * order (sigs.k8s.io/json UnmarshalStrict; create handler's transformDecodeError).
 */

import { goTypeName, KIND_SCHEMAS, type FieldSchema } from './known-fields';

/** The decoder's verdict on a body. */
export interface DecodeResult {
  /** A non-strict decoding error; wins over unknown fields. */
  typeError?: string;
  /** Unknown field paths, e.g. `spec.ports[0].foo`. */
  unknownFields: string[];
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Decodes `obj` against its kind's schema. Kinds without a schema decode cleanly. */
export function strictDecode(obj: Record<string, unknown>): DecodeResult {
  const schema = KIND_SCHEMAS[String(obj.kind)];
  const result: DecodeResult = { unknownFields: [] };
  if (!schema) return result;
  walk(obj, schema, undefined, '', false, String(obj.kind), result);
  return result;
}

/**
 * Where the walk is, kept as a linked list and printed only when an error needs it (most
 * objects decode cleanly, and building every field's path strings was most of the cost). A
 * step is allocated for collections only; a scalar's is made if it has an error.
 * `go` steps are struct fields (`ports`), the others list and map elements (`[0]`, `[app]`), which
 * report type errors against their collection's field. The root step has no parent.
 */
interface PathStep {
  parent: PathStep | undefined;
  name: string | number;
  go: boolean;
}

/** The JSON path (`spec.ports[0].foo`). */
function jsonPathOf(step: PathStep): string {
  if (!step.parent) return '';
  const parent = jsonPathOf(step.parent);
  if (!step.go) return `${parent}[${step.name}]`;
  return parent === '' ? String(step.name) : `${parent}.${step.name}`;
}

/** The Go field path (`spec.ports.port`): named steps only. */
function goPathOf(step: PathStep): string {
  if (!step.parent) return '';
  const parent = goPathOf(step.parent);
  if (!step.go) return parent;
  return parent === '' ? String(step.name) : `${parent}.${step.name}`;
}

function typeError(out: DecodeResult, kind: string, at: PathStep, structName: string, schema: FieldSchema): void {
  out.typeError ??= `json: cannot unmarshal ${kind} into Go struct field ${structName}.${goPathOf(at)} of type ${goTypeName(schema)}`;
}

/** Walks `value`, found at step (parent, name, go). */
function walk(value: unknown, schema: FieldSchema, parent: PathStep | undefined, name: string | number, go: boolean, structName: string, out: DecodeResult): void {
  if (value === null || value === undefined || out.typeError) return;
  switch (schema.t) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') typeError(out, jsonKind(value), { parent, name, go }, structName, schema);
      return;
    case 'bool':
      if (typeof value !== 'boolean') typeError(out, jsonKind(value), { parent, name, go }, structName, schema);
      return;
    case 'int32':
    case 'int64':
      if (typeof value !== 'number') typeError(out, jsonKind(value), { parent, name, go }, structName, schema);
      else if (!Number.isInteger(value) || (schema.t === 'int32' && (value < INT32_MIN || value > INT32_MAX))) typeError(out, `number ${value}`, { parent, name, go }, structName, schema);
      return;
    case 'intOrString':
      // IntOrString.UnmarshalJSON decodes non-strings into an int32 and returns the bare error.
      if (typeof value === 'string') return;
      if (typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX) return;
      out.typeError ??= `json: cannot unmarshal ${typeof value === 'number' ? `number ${value}` : jsonKind(value)} into Go value of type int32`;
      return;
    case 'map': {
      const at: PathStep = { parent, name, go };
      if (typeof value !== 'object' || Array.isArray(value)) return typeError(out, jsonKind(value), at, structName, schema);
      const obj = value as Record<string, unknown>;
      for (const k of Object.keys(obj)) walkElement(obj[k], schema.of, at, k, structName, out);
      return;
    }
    case 'list': {
      const at: PathStep = { parent, name, go };
      if (!Array.isArray(value)) return typeError(out, jsonKind(value), at, structName, schema);
      for (let i = 0; i < value.length; i++) if (i in value) walkElement(value[i], schema.of, at, i, structName, out);
      return;
    }
    case 'struct': {
      const at: PathStep = { parent, name, go };
      if (typeof value !== 'object' || Array.isArray(value)) return typeError(out, jsonKind(value), at, structName, schema);
      const obj = value as Record<string, unknown>;
      for (const k of Object.keys(obj)) {
        const field = schema.fields[k];
        if (!field) out.unknownFields.push(jsonPathOf({ parent: at, name: k, go: true }));
        else walk(obj[k], field, at, k, true, schema.name, out);
        if (out.typeError) return;
      }
    }
  }
}

/** Elements of lists and maps (at `[name]` of the collection at `parent`) report type errors against the collection's field. */
function walkElement(value: unknown, schema: FieldSchema, parent: PathStep, name: string | number, structName: string, out: DecodeResult): void {
  if (schema.t === 'struct' || schema.t === 'map' || schema.t === 'list') {
    if (value !== null && value !== undefined) {
      const wrongShape = schema.t === 'list' ? !Array.isArray(value) : typeof value !== 'object' || Array.isArray(value);
      if (wrongShape) {
        typeError(out, jsonKind(value), { parent, name, go: false }, structName, schema);
        return;
      }
    }
  }
  walk(value, schema, parent, name, false, structName, out);
}

/** The decode error as the create handler reports it: `Service in version "v1" cannot be handled as a Service: …`. */
export function decodeErrorMessage(kind: string, apiVersion: string, result: DecodeResult): string | undefined {
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}`;
  if (result.typeError) return `${prefix}: ${result.typeError}`;
  if (result.unknownFields.length > 0) return `${prefix}: ${strictErrorText(result.unknownFields)}`;
  return undefined;
}

/** runtime.NewStrictDecodingError(...).Error(). */
export function strictErrorText(unknownFields: readonly string[]): string {
  return `strict decoding error: ${unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`;
}

/**
 * What decoding leaves of JSON nulls: an absent value for struct fields (Go's zero value, which
 * the apiserver then omits) and zero values for list elements (a null list item of structs
 * decodes to an empty struct). Mutates `obj`.
 */
export function normalizeNulls(obj: Record<string, unknown>): void {
  const schema = KIND_SCHEMAS[String(obj.kind)];
  visit(obj, schema);
}

function zeroOf(schema: FieldSchema | undefined): unknown {
  switch (schema?.t) {
    case 'string':
      return '';
    case 'int32':
    case 'int64':
      return 0;
    case 'bool':
      return false;
    case 'struct':
    case 'map':
      return {};
    case 'list':
      return [];
    default:
      return null;
  }
}

function visit(value: unknown, schema: FieldSchema | undefined): void {
  if (Array.isArray(value)) {
    const of = schema?.t === 'list' ? schema.of : undefined;
    value.forEach((v, i) => {
      if (v === null && of) value[i] = zeroOf(of);
      else visit(v, of);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const child = schema?.t === 'struct' ? schema.fields[k] : schema?.t === 'map' ? schema.of : schema?.t === 'any' ? schema : undefined;
    if (obj[k] === null && schema?.t !== 'any') delete obj[k];
    else visit(obj[k], child);
  }
}
