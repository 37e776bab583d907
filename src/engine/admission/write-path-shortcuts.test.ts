/**
 * The write path's shortcuts (fewer copies, no JSON round trip before marshalling, field paths
 * and decoder paths built only when printed, a cached parse of the last-applied annotation) held
 * to the straightforward versions they replaced, kept here as references, on generated input.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../shared/api-types';
import { cloneObject } from '../store/clone';
import { FieldPath, type PathSegment } from './field-path';
import { goJsonMarshal } from './go-json';
import { goTypeName, KIND_SCHEMAS, type FieldSchema } from './known-fields';
import { LAST_APPLIED_ANNOTATION, lastAppliedConfiguration, readLastApplied } from './last-applied';
import { isPlainData } from './plain-data';
import { strictDecode, type DecodeResult } from './strict-decode';
import { newTestCluster } from './test-api-server';
import { threeWayMerge } from './three-way-merge';

// --- The references (the code before the shortcuts). ---------------------------------------

function refQuote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function refGoJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return refQuote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(refGoJsonMarshal).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${refQuote(k)}:${refGoJsonMarshal(obj[k])}`).join(',')}}`;
}

function refLastApplied(config: KubeObject): string {
  const copy = JSON.parse(JSON.stringify(config)) as KubeObject;
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  copy.metadata = { ...copy.metadata, annotations };
  return `${refGoJsonMarshal(copy)}\n`;
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function refStrictDecode(obj: Record<string, unknown>): DecodeResult {
  const schema = KIND_SCHEMAS[String(obj.kind)];
  const result: DecodeResult = { unknownFields: [] };
  if (!schema) return result;
  refWalk(obj, schema, '', '', String(obj.kind), result);
  return result;
}

function refWalk(value: unknown, schema: FieldSchema, jsonPath: string, goPath: string, structName: string, out: DecodeResult): void {
  if (value === null || value === undefined || out.typeError) return;
  const typeError = (kind: string): void => {
    out.typeError ??= `json: cannot unmarshal ${kind} into Go struct field ${structName}.${goPath} of type ${goTypeName(schema)}`;
  };
  switch (schema.t) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') typeError(jsonKind(value));
      return;
    case 'bool':
      if (typeof value !== 'boolean') typeError(jsonKind(value));
      return;
    case 'int32':
    case 'int64':
      if (typeof value !== 'number') typeError(jsonKind(value));
      else if (!Number.isInteger(value) || (schema.t === 'int32' && (value < -2147483648 || value > 2147483647))) typeError(`number ${value}`);
      return;
    case 'intOrString':
      if (typeof value === 'string') return;
      if (typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) return;
      out.typeError ??= `json: cannot unmarshal ${typeof value === 'number' ? `number ${value}` : jsonKind(value)} into Go value of type int32`;
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return typeError(jsonKind(value));
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) refWalkElement(v, schema.of, `${jsonPath}[${k}]`, goPath, structName, out);
      return;
    case 'list':
      if (!Array.isArray(value)) return typeError(jsonKind(value));
      value.forEach((v, i) => refWalkElement(v, schema.of, `${jsonPath}[${i}]`, goPath, structName, out));
      return;
    case 'struct':
      if (typeof value !== 'object' || Array.isArray(value)) return typeError(jsonKind(value));
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const child = jsonPath === '' ? k : `${jsonPath}.${k}`;
        const field = schema.fields[k];
        if (!field) out.unknownFields.push(child);
        else refWalk(v, field, child, goPath === '' ? k : `${goPath}.${k}`, schema.name, out);
        if (out.typeError) return;
      }
  }
}

function refWalkElement(value: unknown, schema: FieldSchema, jsonPath: string, goPath: string, structName: string, out: DecodeResult): void {
  if (schema.t === 'struct' || schema.t === 'map' || schema.t === 'list') {
    if (value !== null && value !== undefined) {
      const wrongShape = schema.t === 'list' ? !Array.isArray(value) : typeof value !== 'object' || Array.isArray(value);
      if (wrongShape) {
        out.typeError ??= `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${structName}.${goPath} of type ${goTypeName(schema)}`;
        return;
      }
    }
  }
  refWalk(value, schema, jsonPath, goPath, structName, out);
}

function refPathString(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if ('name' in s) out += out === '' ? s.name : `.${s.name}`;
    else if ('index' in s) out += `[${s.index}]`;
    else out += `[${s.key}]`;
  }
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function refMergeKeyFor(kind: string, path: string): ((item: Obj) => string) | undefined {
  const byName = (item: Obj): string => String(item.name ?? '');
  if (kind === 'Service' && path === 'spec.ports') return (i) => `${String(i.port)}/${String(i.protocol ?? 'TCP')}`;
  if (kind === 'Pod') {
    if (path === 'spec.containers' || path === 'spec.initContainers' || path === 'spec.volumes' || path === 'spec.imagePullSecrets') return byName;
    if (path === 'spec.containers.ports' || path === 'spec.initContainers.ports') return (i) => `${String(i.containerPort)}/${String(i.protocol ?? 'TCP')}`;
    if (path === 'spec.containers.env' || path === 'spec.initContainers.env') return byName;
    if (path === 'spec.containers.volumeMounts' || path === 'spec.initContainers.volumeMounts') return (i) => String(i.mountPath ?? '');
    if (path === 'spec.hostAliases') return (i) => String(i.ip ?? '');
  }
  if (path === 'metadata.ownerReferences') return (i) => String(i.uid ?? '');
  return undefined;
}

function refMergeValue(kind: string, path: string, live: unknown, config: unknown, last: unknown): unknown {
  if (isObj(config) && isObj(live)) {
    const out: Obj = { ...cloneObject(live) };
    for (const [k, v] of Object.entries(config)) {
      const child = path === '' ? k : `${path}.${k}`;
      if (v === null) delete out[k];
      else out[k] = refMergeValue(kind, child, live[k], v, isObj(last) ? last[k] : undefined);
    }
    if (isObj(last)) for (const k of Object.keys(last)) if (!(k in config)) delete out[k];
    return out;
  }
  if (Array.isArray(config) && Array.isArray(live)) {
    const keyOf = refMergeKeyFor(kind, path);
    if (keyOf && config.every(isObj) && live.every(isObj)) {
      const lastItems = Array.isArray(last) ? last.filter(isObj) : [];
      const lastKeys = new Set(lastItems.map(keyOf));
      const configKeys = new Set((config as Obj[]).map(keyOf));
      const out: unknown[] = (config as Obj[]).map((item) => {
        const k = keyOf(item);
        const liveItem = (live as Obj[]).find((l) => keyOf(l) === k);
        const lastItem = lastItems.find((l) => keyOf(l) === k);
        return liveItem ? refMergeValue(kind, path, liveItem, item, lastItem) : cloneObject(item);
      });
      for (const l of live as Obj[]) if (!configKeys.has(keyOf(l)) && !lastKeys.has(keyOf(l))) out.push(cloneObject(l));
      return out;
    }
  }
  return cloneObject(config);
}

// --- Generators. ------------------------------------------------------------------------------

const oddStrings = fc.constantFrom('', 'a<b>&c', '\u2028', '\u2029', '"q"', 'back\\slash', '\n\t\u0001', '\ud800', '\udc00x', '😀', 'é', '[x]', 'a.b', '__proto__', 'toJSON', 'constructor');
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), oddStrings);
/** Any value, exotic ones included (sparse arrays, null prototypes, -0, NaN, undefined). */
const anything = fc.anything({ key: text, maxDepth: 4, withSparseArray: true, withNullPrototype: true, withUnicodeString: true });
const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0), fc.constant(NaN));
const names = fc.constantFrom('app', 'side', 'db', 'web', 'x');
/** Pod-shaped objects with wrong types, unknown fields and odd keys in places. */
const podLike = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.oneof(text, fc.constantFrom('name', 'image', 'ports', 'containerPort', 'protocol', 'env', 'value', 'labels')), tie('value'), { maxKeys: 3 })),
  container: fc.record({ name: fc.oneof(names, leaf), image: fc.oneof(fc.constant('nginx'), leaf), ports: fc.oneof(fc.array(fc.record({ containerPort: fc.oneof(fc.integer(), leaf), protocol: fc.oneof(fc.constant('TCP'), leaf) }, { requiredKeys: [] }), { maxLength: 2 }), tie('value')), extra: tie('value') }, { requiredKeys: ['name'] }),
  pod: fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constantFrom('Pod', 'Service', 'ConfigMap', 'Endpoints', 'Namespace'),
    metadata: fc.oneof(fc.record({ name: fc.oneof(names, leaf), labels: fc.oneof(fc.dictionary(text, fc.oneof(text, leaf), { maxKeys: 3 }), leaf), annotations: tie('value') }, { requiredKeys: [] }), leaf),
    spec: fc.oneof(fc.record({ containers: fc.oneof(fc.array(tie('container'), { maxLength: 3 }), tie('value')), hostname: tie('value'), ports: tie('value'), selector: tie('value') }, { requiredKeys: [] }), tie('value')),
    data: tie('value'),
  }, { requiredKeys: ['apiVersion', 'kind'] }),
}));

// --- The tests. -------------------------------------------------------------------------------

/** The shape of what `run` returns, or the error it throws. */
function outcome(run: () => unknown): string {
  try {
    return shape(run());
  } catch (e) {
    return `throws ${String(e)}`;
  }
}

/** A value's shape, exactly: key order, undefined members, -0, NaN, prototypes. */
function shape(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === null || typeof v !== 'object') return `${typeof v}:${String(v)}`;
  const proto = Object.getPrototypeOf(v);
  const kind = Array.isArray(v) ? (proto === Array.prototype ? '' : '!array') : proto === Object.prototype ? '' : '!proto';
  if (Array.isArray(v)) return `${kind}[${Array.from(v, (x, i) => (i in v ? shape(x) : '<hole>')).join(',')}]`;
  return `${kind}{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${shape((v as Obj)[k])}`).join(',')}}`;
}

describe('goJsonMarshal', () => {
  it('prints what the reference prints, for any value', () => {
    fc.assert(
      fc.property(anything, (v) => {
        expect(goJsonMarshal(v)).toBe(refGoJsonMarshal(v));
      }),
      { numRuns: 1000 },
    );
  });
  it('escapes like Go', () => {
    const sparse = [1, 2, 3];
    delete sparse[1];
    expect(goJsonMarshal({ b: 'a<b>&c\u2028', a: sparse, c: undefined })).toBe('{"a":[1,,3],"b":"a\\u003cb\\u003e\\u0026c\\u2028"}');
  });
});

describe('lastAppliedConfiguration', () => {
  it('writes what the JSON round trip wrote, for plain and other copies alike', () => {
    fc.assert(
      fc.property(fc.oneof(podLike.pod, anything.map((a) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', annotations: a }, spec: a }))), (input) => {
        const config = cloneObject(input) as unknown as KubeObject;
        if (!isObj(config.metadata)) config.metadata = {};
        let want: string | Error;
        try {
          want = refLastApplied(config);
        } catch (e) {
          want = e as Error;
        }
        if (want instanceof Error) expect(() => lastAppliedConfiguration(config)).toThrow(want.message);
        else expect(lastAppliedConfiguration(config)).toBe(want);
      }),
      { numRuns: 1000 },
    );
  });
  it('takes the long way for values JSON drops or cannot write', () => {
    const config = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', annotations: { a: 'b' } }, spec: { f: () => 1 } } as unknown as KubeObject;
    expect(isPlainData(config)).toBe(false);
    expect(lastAppliedConfiguration(config)).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"a":"b"},"name":"x"},"spec":{}}\n');
    expect(() => lastAppliedConfiguration({ ...config, spec: { n: 1n } } as unknown as KubeObject)).toThrow('BigInt');
  });
});

describe('isPlainData', () => {
  it.each([
    [{ a: [1, 'x', null, undefined, { b: true }] }, true],
    [[NaN, -0], true],
    [{ a: () => 1 }, false],
    [{ a: Symbol('s') }, false],
    [{ a: 1n }, false],
    [{ a: new Date(0) }, false],
    [JSON.parse('{"__proto__": {"x": 1}}'), true], // an own __proto__ key: the object itself is ordinary
    [Object.create(null), false],
  ])('%o → %s', (value, plain) => expect(isPlainData(value)).toBe(plain));
});

describe('strictDecode', () => {
  it('reports what the reference reports', () => {
    fc.assert(
      fc.property(podLike.pod, (obj) => {
        expect(strictDecode(obj as Obj)).toEqual(refStrictDecode(obj as Obj));
      }),
      { numRuns: 2000 },
    );
  });
  it('prints unknown fields and type errors with their paths', () => {
    const obj = { apiVersion: 'v1', kind: 'Service', metadata: { labels: { a: 'b' }, '[x]': 1 }, spec: { ports: [{ port: 80 }, { port: 'x', 'a.b': 1 }] } };
    expect(strictDecode(obj)).toEqual(refStrictDecode(obj));
    expect(strictDecode(obj).typeError).toBe('json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32');
  });
});

describe('FieldPath', () => {
  it('prints and lists segments like the reference', () => {
    const step = fc.oneof(fc.record({ name: text }), fc.record({ index: fc.nat() }), fc.record({ key: text }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 6 }), fc.array(text, { maxLength: 3 }), (steps, names) => {
        let p = new FieldPath([]);
        for (const s of steps) p = 'name' in s ? p.child(s.name) : 'index' in s ? p.index(s.index) : p.key(s.key);
        const all: PathSegment[] = [...steps, ...names.map((name) => ({ name }))];
        const q = p.child(...names);
        expect(q.segments).toEqual(all);
        expect(q.toString()).toBe(refPathString(all));
        expect(p.toString()).toBe(refPathString(steps));
      }),
      { numRuns: 500 },
    );
  });
});

describe('threeWayMerge', () => {
  it('merges like the reference', () => {
    const obj = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'spec', 'containers', 'name'), fc.oneof(leaf, podLike.value), { maxKeys: 4 });
    fc.assert(
      fc.property(podLike.pod, podLike.pod, fc.option(obj), (live, config, last) => {
        const l = { ...live, kind: 'Pod' } as Obj;
        const c = { ...config, kind: 'Pod' } as Obj;
        // Merge keys print values with String(): some throw (a null-prototype object), and must throw alike.
        expect(outcome(() => threeWayMerge(l, c, last ?? undefined))).toBe(outcome(() => refMergeValue('Pod', '', l, c, last ?? {})));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readLastApplied', () => {
  const live = (text: string | undefined): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', annotations: text === undefined ? {} : { [LAST_APPLIED_ANNOTATION]: text } } });
  it('parses the annotation once per text, frozen', () => {
    const text = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"containers":[{"name":"a"}]}}\n';
    const a = readLastApplied(live(text));
    expect(a).toEqual(JSON.parse(text));
    expect(Object.isFrozen((a as { spec: { containers: object[] } }).spec.containers[0])).toBe(true);
    expect(readLastApplied(live(text))).toBe(a);
  });
  it.each([undefined, '', 'junk', '[1]', 'null', '"s"'])('gives nothing for %o', (text) => expect(readLastApplied(live(text))).toBeUndefined());
});

describe('ApiServer.apply with a body that is not plain data', () => {
  it('decodes it as before: the copies turn an own __proto__ key into fields', () => {
    const { api } = newTestCluster();
    const body = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","__proto__":{"x":1}},"data":{"a":"1"}}') as unknown;
    expect(api.apply(body).error?.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.x"');
  });
  it('applies plain bodies without sharing anything with the caller', () => {
    const { api } = newTestCluster();
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { a: 'b' } }, data: { k: 'v' } };
    const before = JSON.stringify(body);
    const stored = api.apply(body).object!;
    expect(JSON.stringify(body)).toBe(before);
    expect(stored.metadata.labels).not.toBe(body.metadata.labels);
    expect(api.apply(body).action).toBe('unchanged');
  });
});
