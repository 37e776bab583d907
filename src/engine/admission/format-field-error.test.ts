import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../shared/field-error-types';
import { duplicate, forbidden, invalid, notSupported, required, tooLong, tooMany } from './field-error';
import { FieldPath, fieldPath, parseFieldPath } from './field-path';
import { formatFieldError } from './format-field-error';
import { goPlusV, goQuote, goStringMap, goStringSlice } from './go-value';
import { goJsonMarshal } from './go-json';
import { newInvalid } from './status-errors';

const p = fieldPath('spec', 'ports').index(0).child('port');

describe('formatFieldError prints like (*field.Error).Error()', () => {
  it.each<[string, FieldError, string]>([
    ['ints bare', invalid(p, 0, 'must be between 1 and 65535, inclusive'), 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ['strings quoted', invalid(fieldPath('metadata', 'name'), 'Foo', 'bad'), 'metadata.name: Invalid value: "Foo": bad'],
    ['bools bare', invalid(fieldPath('x'), true, 'd'), 'x: Invalid value: true: d'],
    ['nil as null', invalid(fieldPath('spec', 'ipFamilyPolicy'), null, 'd'), 'spec.ipFamilyPolicy: Invalid value: null: d'],
    ['slices as %#v', invalid(fieldPath('spec', 'clusterIPs'), goStringSlice('[]string', ['a', 'b']), 'd'), 'spec.clusterIPs: Invalid value: []string{"a", "b"}: d'],
    ['nil slices', invalid(fieldPath('x'), goStringSlice('[]string', undefined), 'd'), 'x: Invalid value: []string(nil): d'],
    ['maps sorted', invalid(fieldPath('x'), goStringMap('map[string]string', { b: '2', a: '1' }), 'd'), 'x: Invalid value: map[string]string{"a":"1", "b":"2"}: d'],
    ['Required without value', required(fieldPath('spec', 'ports')), 'spec.ports: Required value'],
    ['Required with detail', required(fieldPath('metadata', 'name'), 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    ['Forbidden without value', forbidden(fieldPath('spec'), 'no'), 'spec: Forbidden: no'],
    ['NotSupported with quoted list', notSupported(fieldPath('t'), 'X', ['A', 'B']), 't: Unsupported value: "X": supported values: "A", "B"'],
    ['Duplicate without detail', duplicate(fieldPath('n'), 'http'), 'n: Duplicate value: "http"'],
    ['TooLong hides the value', tooLong(new FieldPath([]), 5), ': Too long: must have at most 5 bytes'],
    ['TooMany prints the count', tooMany(fieldPath('endpoints'), 1001, 1000), 'endpoints: Too many: 1001: must have at most 1000 items'],
  ])('%s', (_name, e, text) => expect(formatFieldError(e)).toBe(text));

  it('quotes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\t\x01é')).toBe('"a\\"b\\\\c\\n\\t\\x01é"');
  });

  it('aggregates distinct messages and drops repeats', () => {
    const e = invalid(p, 0, 'bad');
    expect(newInvalid('Service', 'x', [e, e]).message).toBe('Service "x" is invalid: spec.ports[0].port: Invalid value: 0: bad');
    expect(newInvalid('EndpointSlice.discovery.k8s.io', 'x', [e, required(p)]).message).toBe(
      'EndpointSlice.discovery.k8s.io "x" is invalid: [spec.ports[0].port: Invalid value: 0: bad, spec.ports[0].port: Required value]',
    );
  });
});

describe('field paths', () => {
  it('prints and parses indexes and keys', () => {
    const path = fieldPath('metadata', 'labels').key('app.kubernetes.io/name');
    expect(path.toString()).toBe('metadata.labels[app.kubernetes.io/name]');
    expect(parseFieldPath('subsets[0].addresses[1].ip')).toEqual([{ name: 'subsets' }, { key: '0' }, { name: 'addresses' }, { key: '1' }, { name: 'ip' }]);
  });
});

describe('Go encodings', () => {
  it('marshals JSON like encoding/json (sorted keys, HTML-safe)', () => {
    expect(goJsonMarshal({ b: 1, a: ['<x>', true, null] })).toBe('{"a":["\\u003cx\\u003e",true,null],"b":1}');
  });
  it('prints %+v of decoded JSON', () => {
    expect(goPlusV({ spec: { foo: 1, ports: [{ port: 80 }] } })).toBe('map[spec:map[foo:1 ports:[map[port:80]]]]');
  });
});
