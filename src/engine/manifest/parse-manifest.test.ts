import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_BYTES, parseManifest } from './parse-manifest';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 8080
`;

describe('malformed YAML gets one located error, worded like kubectl', () => {
  it.each([
    ['a value that looks like a nested mapping', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web: x\n', 4, 'mapping values are not allowed in this context'],
    ['a key indented deeper than its siblings', 'metadata:\n  name: x\n   labels: y\n', 3, 'mapping values are not allowed in this context'],
    ['a key without a colon', 'metadata\n  name: x\n', 2, 'mapping values are not allowed in this context'],
    ['tabs used for indentation', 'apiVersion: v1\nmetadata:\n\tname: x\n', 3, 'found character that cannot start any token'],
    ['an unclosed double quote', 'a: "abc\nb: c\n', 3, 'found unexpected end of stream'],
    ['an unclosed flow sequence', 'a: [1, 2\nb: c\n', 2, "did not find expected ',' or ']'"],
    ['a bare word where a key is expected', 'a:\n- x\nb\n', 3, "could not find expected ':'"],
    ['a list item missing its dash', 'spec:\n  ports:\n  - port: 80\n   targetPort: 8080\n', 4, "did not find expected '-' indicator"],
  ])('%s', (_name, text, line, problem) => {
    const doc = parseManifest(text).documents[0];
    expect(doc.syntaxError).toBe(true);
    expect(doc.object).toBeUndefined();
    expect(doc.messages).toHaveLength(1);
    expect(doc.messages[0].message).toBe(`error converting YAML to JSON: yaml: line ${line}: ${problem}`);
    expect(doc.messages[0].range?.line).toBe(line);
  });

  it.each([
    ['an alias to an unknown anchor', 'a: &x 1\nb: *y\n', 'yaml: unknown anchor \'y\' referenced', 2],
    ['an anchor that contains itself', 'a: &x [1, *x]\n', "yaml: anchor 'x' value contains itself", 1],
    ['a merge key on a scalar', 'a: 1\nb:\n  <<: 5\n', 'yaml: map merge requires map or sequence of maps as the value', 3],
    ['an infinite float', 'a: .inf\n', 'json: unsupported value: +Inf', 1],
  ])('%s', (_name, text, message, line) => {
    const doc = parseManifest(text).documents[0];
    expect(doc.messages[0].message).toBe(`error converting YAML to JSON: ${message}`);
    expect(doc.messages[0].range?.line).toBe(line);
  });

  it('stops a billion-laughs alias bomb quickly with go-yaml\'s message', () => {
    let text = 'a: &a [x,x,x,x,x,x,x,x,x]\n';
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
    const doc = parseManifest(text).documents[0];
    expect(doc.messages[0].message).toBe('error converting YAML to JSON: yaml: document contains excessive aliasing');
  });

  it('survives pathologically deep nesting', () => {
    const doc = parseManifest(`a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`).documents[0];
    expect(doc.syntaxError).toBe(true);
    expect(doc.messages[0].severity).toBe('error');
  });

  it('keeps the last of duplicate keys, as kubectl silently does, and warns on the line', () => {
    const doc = parseManifest('metadata:\n  name: a\n  name: b\n').documents[0];
    expect(doc.object).toEqual({ metadata: { name: 'b' } });
    expect(doc.messages).toEqual([
      { severity: 'warning', message: 'duplicate key "name": kubectl silently keeps the last value (line 3) and drops the earlier one (line 2)', range: { line: 3, column: 3, endLine: 3, endColumn: 7 } },
    ]);
  });
});

describe('documents', () => {
  it('splits on --- and keeps empty documents as empty', () => {
    const { documents } = parseManifest(`---\n# only a comment\n---\n${SERVICE}---\n`);
    expect(documents.map((d) => d.value === null)).toEqual([true, false, true]);
    expect(documents[1].object?.kind).toBe('Service');
    expect(documents[1].range.line).toBe(4);
  });

  it('keeps lists and scalars as values, not objects', () => {
    const { documents } = parseManifest('- a\n- b\n---\nhello\n');
    expect(documents[0].object).toBeUndefined();
    expect(documents[0].value).toEqual(['a', 'b']);
    expect(documents[1].value).toBe('hello');
  });

  it('refuses a 10 MB paste at once with a clear message', () => {
    const big = `data: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
    const started = performance.now();
    const parsed = parseManifest(big);
    expect(parsed.documents).toEqual([]);
    expect(parsed.messages[0].message).toBe(`the manifest is 10.0 MiB; Service Lab reads manifests of at most 1.0 MiB (${MAX_MANIFEST_BYTES} bytes)`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(0);
  });

  it('reads a manifest just under the cap', () => {
    let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n';
    let i = 0;
    while (text.length < MAX_MANIFEST_BYTES - 200) text += `  k${i++}: "${'v'.repeat(60)}"\n`;
    const doc = parseManifest(text).documents[0];
    expect(Object.keys((doc.object as unknown as { data: object }).data)).toHaveLength(i);
  });
});

describe('locate', () => {
  const doc = parseManifest(SERVICE).documents[0];
  it.each([
    ['spec.ports[0].port', { line: 12, column: 11, endLine: 12, endColumn: 13 }],
    ['spec.ports[0].targetPort', { line: 13, column: 17, endLine: 13, endColumn: 21 }],
    ['metadata.labels[app]', { line: 6, column: 10, endLine: 6, endColumn: 13 }],
    ['spec.selector[app]', { line: 9, column: 10, endLine: 9, endColumn: 13 }],
    ['metadata.name', { line: 4, column: 9, endLine: 4, endColumn: 12 }],
    // Missing fields point at the closest existing ancestor.
    ['spec.ports[0].protocol', { line: 11, column: 5, endLine: 11, endColumn: 6 }],
    ['spec.type', { line: 7, column: 1, endLine: 7, endColumn: 5 }],
    ['spec.ports[3].port', { line: 10, column: 3, endLine: 10, endColumn: 8 }],
    ['metadata.namespace', { line: 3, column: 1, endLine: 3, endColumn: 9 }],
  ])('%s', (path, range) => expect(doc.locate(path)).toEqual(range));

  it('finds nested list items (Endpoints addresses)', () => {
    const ep = parseManifest('kind: Endpoints\nsubsets:\n- addresses:\n  - ip: 10.0.0.1\n  - ip: 127.0.0.1\n').documents[0];
    expect(ep.locate('subsets[0].addresses[1].ip')).toEqual({ line: 5, column: 9, endLine: 5, endColumn: 18 });
  });

  it('finds the label a map-level error names', () => {
    const d = parseManifest('metadata:\n  labels:\n    ok: yes-ok\n    app: a b\n').documents[0];
    expect(d.locateEntry('metadata.labels', 'a b')).toEqual({ line: 4, column: 10, endLine: 4, endColumn: 13 });
    expect(d.locateEntry('metadata.labels', 'ok')).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 7 });
  });
});
