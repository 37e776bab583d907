/**
 * Unit behaviours of the printers, table-driven. Expected strings follow the upstream sources the
 * code ports (apimachinery util/duration duration.go, printers.go formatEndpoints /
 * getServiceExternalIP / makePortString, go-yaml v2's quoting rules, client-go jsonpath); the
 * byte-for-byte comparisons with the real kubectl are in ../kubectl-fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Endpoints, Service } from '../../../../shared/api-types';
import { toGoJson } from './go-json';
import { goYamlSortKeys, toGoYaml } from './go-yaml';
import { humanDuration, shortHumanDuration } from './human-duration';
import { evalJsonPath } from './jsonpath';
import { formatEndpoints, tableFor } from './table-printers';
import { tabwrite, DESCRIBE_TABWRITER } from './tabwriter';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (the AGE column)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 20 * s, '3m20s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 3 * m, '5h3m'],
    [8 * h + 59 * m, '8h'],
    [47 * h, '47h'],
    [48 * h, '2d'],
    [3 * d + 4 * h, '3d4h'],
    [8 * d, '8d'],
    [400 * d, '400d'],
    [2 * 365 * d + 10 * d, '2y10d'],
    [9 * 365 * d, '9y'],
  ])('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));

  it.each([
    [59 * s, '59s'],
    [61 * s, '1m'],
    [25 * h, '1d'],
    [400 * d, '1y'],
  ])('short: %d ms → %s', (ms, text) => expect(shortHumanDuration(ms)).toBe(text));
});

describe('formatEndpoints (ENDPOINTS column)', () => {
  const ep = (ips: string[], ports: number[]): Endpoints => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: ips.map((ip) => ({ ip })), ports: ports.map((port) => ({ port })) }] });
  it.each([
    { name: 'no subsets', e: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' } } as Endpoints, text: '<none>' },
    { name: 'one address', e: ep(['20.109.5.11'], [8080]), text: '20.109.5.11:8080' },
    { name: 'three addresses', e: ep(['20.109.5.11', '20.109.5.12', '20.109.5.13'], [8080]), text: '20.109.5.11:8080,20.109.5.12:8080,20.109.5.13:8080' },
    { name: 'four addresses', e: ep(['20.109.5.11', '20.109.5.12', '20.109.5.13', '20.109.5.14'], [8080]), text: '20.109.5.11:8080,20.109.5.12:8080,20.109.5.13:8080 + 1 more...' },
    { name: 'two addresses, two ports', e: ep(['127.0.0.1', '10.9.8.7'], [8080, 8081]), text: '127.0.0.1:8080,10.9.8.7:8080,127.0.0.1:8081 + 1 more...' },
    { name: 'headless without ports', e: ep(['20.109.5.11', '20.109.5.12'], []), text: '20.109.5.11,20.109.5.12' },
    { name: 'IPv6', e: ep(['fd00::1'], [80]), text: '[fd00::1]:80' },
  ])('$name → $text', ({ e, text }) => expect(formatEndpoints(e)).toBe(text));
});

describe('service rows', () => {
  const svc = (spec: Service['spec'], status?: Service['status']): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', creationTimestamp: '2026-03-02T09:00:00Z' }, spec, ...(status ? { status } : {}) });
  const now = Date.parse('2026-03-02T09:05:00Z');
  it.each([
    { name: 'ClusterIP', s: svc({ type: 'ClusterIP', clusterIPs: ['10.96.0.5'], ports: [{ port: 80, protocol: 'TCP' }] }), row: ['s', 'ClusterIP', '10.96.0.5', '<none>', '80/TCP', '5m', '<none>'] },
    { name: 'headless', s: svc({ type: 'ClusterIP', clusterIPs: ['None'], ports: [{ port: 80, protocol: 'TCP' }], selector: { svc: 'headless' } }), row: ['s', 'ClusterIP', 'None', '<none>', '80/TCP', '5m', 'svc=headless'] },
    { name: 'NodePort', s: svc({ type: 'NodePort', clusterIPs: ['10.96.0.6'], ports: [{ port: 80, nodePort: 30000, protocol: 'TCP' }] }), row: ['s', 'NodePort', '10.96.0.6', '<none>', '80:30000/TCP', '5m', '<none>'] },
    { name: 'LoadBalancer pending', s: svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.7'], ports: [{ port: 80, nodePort: 30001, protocol: 'TCP' }] }), row: ['s', 'LoadBalancer', '10.96.0.7', '<pending>', '80:30001/TCP', '5m', '<none>'] },
    { name: 'LoadBalancer with ingress', s: svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.7'], ports: [] }, { loadBalancer: { ingress: [{ ip: '192.168.0.240' }] } }), row: ['s', 'LoadBalancer', '10.96.0.7', '192.168.0.240', '<none>', '5m', '<none>'] },
    { name: 'ExternalName', s: svc({ type: 'ExternalName', externalName: 'github.github.io' }), row: ['s', 'ExternalName', '<none>', 'github.github.io', '<none>', '5m', '<none>'] },
  ])('$name', ({ s: service, row }) => expect(tableFor('Service', [service], now).rows[0]).toEqual(row));
});

describe('go-yaml v2 scalars (kubectl get -o yaml)', () => {
  it.each([
    ['plain', 'kubetm/app', 'v: kubetm/app\n'],
    ['a number-like string is double-quoted', '8080', 'v: "8080"\n'],
    ['a bool-like string is double-quoted', 'true', 'v: "true"\n'],
    ['YAML 1.1 bools too', 'on', 'v: "on"\n'],
    ['a timestamp-like string is double-quoted', '2026-03-02T09:00:00Z', 'v: "2026-03-02T09:00:00Z"\n'],
    ['empty string', '', 'v: ""\n'],
    ['an indicator first is single-quoted', '*', "v: '*'\n"],
    ['": " inside is single-quoted', 'a: b', "v: 'a: b'\n"],
    ['a JSON object is single-quoted', '{"a":1}', 'v: \'{"a":1}\'\n'],
    ['text ending with a newline is a literal block', '{"a":1}\n', 'v: |\n  {"a":1}\n'],
    ['text without a final newline is |-', 'a\nb', 'v: |-\n  a\n  b\n'],
    ['null-like', 'null', 'v: "null"\n'],
    ['base-60-like', '1:20', 'v: "1:20"\n'],
  ])('%s', (_, value, text) => expect(toGoYaml({ v: value })).toBe(text));

  it('folds a long plain scalar at a space past column 80', () => {
    const long = 'word '.repeat(30).trim();
    const text = toGoYaml({ message: long });
    expect(text.split('\n')[0].length).toBeGreaterThan(80);
    expect(text.split('\n')[1].startsWith('  word')).toBe(true);
  });

  it('sorts keys the go-yaml way (non-letters before letters, digit runs numerically)', () => {
    expect(goYamlSortKeys(['b', 'a10', 'a9', 'node.kubernetes.io/x', 'node-role.kubernetes.io/y', 'Z'])).toEqual(['Z', 'a9', 'a10', 'b', 'node-role.kubernetes.io/y', 'node.kubernetes.io/x']);
  });

  it('indents lists under a key like go-yaml (no extra indent) and empty collections inline', () => {
    expect(toGoYaml({ spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }], volumes: [], securityContext: {} } })).toBe('spec:\n  containers:\n  - name: c\n    ports:\n    - containerPort: 80\n  securityContext: {}\n  volumes: []\n');
  });
});

describe('go json (kubectl get -o json)', () => {
  it('indents with four spaces, sorts keys and escapes HTML characters', () => {
    expect(toGoJson({ b: [1], a: { '<x>': '&' }, c: [], d: {} })).toBe('{\n    "a": {\n        "\\u003cx\\u003e": "\\u0026"\n    },\n    "b": [\n        1\n    ],\n    "c": [],\n    "d": {}\n}\n');
  });
});

describe('jsonpath', () => {
  const data = {
    items: [
      { metadata: { name: 'a', labels: { app: 'x' } }, status: { conditions: [{ type: 'Ready', status: 'True' }], podIP: '1.1.1.1' } },
      { metadata: { name: 'b' }, status: { conditions: [{ type: 'Ready', status: 'False' }], podIP: '2.2.2.2' } },
    ],
  };
  it.each([
    ['{.items[*].metadata.name}', 'a b'],
    ['{.items[0].metadata.name}', 'a'],
    ['{.items[-1:].metadata.name}', 'b'],
    ['{.items[0:1].metadata.name}', 'a'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', 'a\t1.1.1.1\nb\t2.2.2.2\n'],
    ['{.items[?(@.status.conditions[0].status=="True")].metadata.name}', 'a'],
    ['{.items[*].status.conditions[?(@.type=="Ready")].status}', 'True False'],
    ['{.items[0].metadata.labels}', '{"app":"x"}'],
    ['{.items[*].metadata.labels.app}', 'x'],
    ['{.nothere}', ''],
    ['names: {.items[*].metadata.name}!', 'names: a b!'],
    ['{..name}', 'a b'],
  ])('%s', (template, text) => expect(evalJsonPath(template, data)).toBe(text));
});

describe('tabwriter', () => {
  it('a line without a tab ends the column block (describe layout)', () => {
    expect(tabwrite('Name:\tx\nLongerName:\ty\nSection:\n  A:\t1\n  Longer:\t2\n', DESCRIBE_TABWRITER)).toBe('Name:        x\nLongerName:  y\nSection:\n  A:       1\n  Longer:  2\n');
  });
});
