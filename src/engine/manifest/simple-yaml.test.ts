import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goParseIntBase0, resolvePlainScalar } from './goyaml-scalar';
import { clearParseCache, parseManifest, parseManifestAsOneStream } from './parse-manifest';
import { readSimpleDocument } from './simple-yaml';
import { parseAnswers } from './test-parse-answers';

const SERVICE = `# The web tier
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
    "app.kubernetes.io/part-of": 'shop'
spec:
  selector:
    app: web   # must match the pods
  ports:
  - name: http
    port: 80
    targetPort: 8080

  # headless for the lab
  clusterIP: None
`;

const POD = `---
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  labels: {app: web}
spec:
  containers:
    - name: app
      image: kubetm/app:v1
      ports:
        - containerPort: 8080
          protocol: TCP
      env: []
      resources: {}
`;

describe('the fast reader', () => {
  it('reads the plain block YAML manifests are written in', () => {
    expect(readSimpleDocument(SERVICE)?.value).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' } },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], clusterIP: 'None' },
    });
    // The benchmark workload's documents (bench/engine/workload.ts).
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod3\n  labels:\n    app: app0\nspec:\n  hostname: host3\n  subdomain: svc0\n  containers:\n  - name: app\n    image: kubetm/app\n    ports:\n    - containerPort: 8080';
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc0\nspec:\n  selector:\n    app: app0\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n  clusterIP: None';
    expect(readSimpleDocument(pod)).toBeDefined();
    expect(readSimpleDocument(`---\n${svc}\n`)).toBeDefined();
  });

  it.each([
    ['a flow mapping over two lines', 'labels: {app: web,\n  tier: db}\n'],
    ['a flow list with a trailing comma', 'args: [a, b, ]\n'],
    ['a single-pair mapping in a flow list', 'args: [a: b]\n'],
    ['a JSON-style flow key', 'labels: {"app":web}\n'],
    ['a comment inside a flow list', 'args: [a #c]\n'],
    ['a dash before a flow indicator', 'args: [-]\n'],
    ['a block scalar', 'data:\n  script: |\n    echo hi\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'base:\n  x: 1\nm:\n  <<: {}\n'],
    ['a tag', 'port: !!int "80"\n'],
    ['an empty value', 'metadata:\nspec:\n  x: 1\n'],
    ['an empty list item', 'a:\n-\n- b\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a double-quoted escape', 'a: "x\\ny"\n'],
    ["a single-quoted ''", "a: 'it''s'\n"],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a carriage return', 'a: 1\r\nb: 2\r\n'],
    ['a comment deeper than the next line', 'a:\n  b: 1\n    # deeper\nc: 2\n'],
    ['an indented comment at the end', 'a:\n  b: 1\n  # last\n'],
    ['a scalar document', 'hello\n'],
    ['an infinite float', 'a: .inf\n'],
    ['a key with a space before its colon', 'a : 1\n'],
    ['a nested list on one line', '- - a\n'],
    ['a mapping indented at the top', '  a: 1\n'],
  ])('leaves %s to the yaml package', (_name, text) => {
    expect(readSimpleDocument(text)).toBeUndefined();
    expect(parseAnswers(parseManifest(text))).toBe(parseAnswers(parseManifestAsOneStream(text)));
  });

  it('reads flow collections written on one line', () => {
    expect(readSimpleDocument(POD)?.value).toMatchObject({ metadata: { name: 'web-0', labels: { app: 'web' } }, spec: { containers: [{ env: [], resources: {} }] } });
    const lab = 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: manual6}\nsubsets:\n- addresses: [{ip: "2001:db8::1"}, {ip: "5678:abcd::1"}]\n  ports: [{port: 80, name: http}]\n';
    expect(readSimpleDocument(lab)?.value).toEqual({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'manual6' },
      subsets: [{ addresses: [{ ip: '2001:db8::1' }, { ip: '5678:abcd::1' }], ports: [{ port: 80, name: 'http' }] }],
    });
    expect(parseAnswers(parseManifest(lab))).toBe(parseAnswers(parseManifestAsOneStream(lab)));
  });
});

describe('the document cache', () => {
  it('shifts lines, including those a duplicate-key warning names, to where the document is', () => {
    clearParseCache();
    const doc = '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n';
    const first = parseManifest(doc).documents[0];
    const later = parseManifest(`${SERVICE}${doc}`).documents[1];
    expect(first.messages[0].message).toBe('duplicate key "name": kubectl silently keeps the last value (line 6) and drops the earlier one (line 5)');
    expect(later.messages[0].message).toBe('duplicate key "name": kubectl silently keeps the last value (line 24) and drops the earlier one (line 23)');
    expect(later.messages[0].range).toEqual({ line: 24, column: 3, endLine: 24, endColumn: 7 });
    expect(later.locate('metadata.name')).toEqual({ line: 24, column: 9, endLine: 24, endColumn: 10 });
    // The same cached document.
    expect(later.object).toBe(first.object);
  });

  it('hands out values that cannot be changed, and ranges and messages of the call’s own', () => {
    clearParseCache();
    const a = parseManifest(SERVICE).documents[0];
    expect(() => {
      (a.object as unknown as { spec: { ports: { port: number }[] } }).spec.ports[0].port = 1;
    }).toThrow(TypeError);
    a.range.line = 99;
    a.locate('spec.ports[0].port')!.line = 99;
    const b = parseManifest(SERVICE).documents[0];
    expect(b.object).toBe(a.object);
    expect(b.range.line).toBe(2);
    expect(b.locate('spec.ports[0].port')).toEqual({ line: 14, column: 11, endLine: 14, endColumn: 13 });
  });

  it('forgets the least recently used documents past its size', () => {
    clearParseCache();
    const kept = parseManifest(SERVICE).documents[0].object;
    const filler = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  x: "${'y'.repeat(20000)}"\n`;
    for (let i = 0; i < 40; i++) parseManifest(filler(i));
    expect(parseManifest(SERVICE).documents[0].object).toBe(kept);
    for (let i = 40; i < 100; i++) parseManifest(filler(i));
    const again = parseManifest(SERVICE).documents[0].object;
    expect(again).not.toBe(kept);
    expect(again).toEqual(kept);
  });
});

describe('resolvePlainScalar', () => {
  /** go-yaml's resolve through strconv, as goyaml-scalar.ts did before its shortcut for small decimals. */
  const MAP: Record<string, unknown> = { '': null, '~': null, null: null, Null: null, NULL: null, '.nan': NaN, '.NaN': NaN, '.NAN': NaN, '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity, '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity };
  for (const t of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) MAP[t] = true;
  for (const f of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) MAP[f] = false;
  function reference(text: string): unknown {
    if (Object.prototype.hasOwnProperty.call(MAP, text)) return MAP[text];
    const hint = text[0];
    if (hint === '.') return goParseFloatRef(text) ?? text;
    if ('+-0123456789'.includes(hint)) {
      const plain = text.replace(/_/g, '');
      const i = goParseIntBase0(plain);
      if (i !== undefined) return i;
      if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) {
        const f = goParseFloatRef(plain);
        if (f !== undefined) return f;
      }
    }
    return text;
  }
  const goParseFloatRef = (text: string): number | undefined => (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined);

  it('resolves as go-yaml does, shortcuts included', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '_', '.', 'e', 'x', '-', '+'), maxLength: 20 });
    const words = fc.oneof(fc.constantFrom(...Object.keys(MAP), 'yes!', 'nULL', 'Onion', 'tRUE', 'apiVersion', 'v1', '~x', '.5', '.', '+', '-'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.oneof(digits, words, fc.bigInt().map(String), fc.integer().map(String), fc.double().map(String)), (text) => {
        expect(Object.is(resolvePlainScalar(text), reference(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
