import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTestCluster } from '../admission/test-api-server';
import { applyManifest } from './apply-manifest';
import { deleteManifest } from './delete-manifest';

const svc = (name: string, port = 80): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: ${port}
    targetPort: 8080
`;
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: app
    image: nginx:1.27
`;

describe('applyManifest', () => {
  it('applies valid documents while an invalid sibling changes nothing', () => {
    const { api, store } = newTestCluster();
    const report = applyManifest(`${svc('web')}---\n${svc('bad', 0)}---\n${POD}`, api);
    expect(report.outcomes.map((o) => [o.kind, o.name, o.action])).toEqual([
      ['Service', 'web', 'created'],
      ['Service', 'bad', 'failed'],
      ['Pod', 'web', 'created'],
    ]);
    expect(store.get('Service', 'default', 'bad')).toBeUndefined();
    const failed = report.outcomes[1];
    expect(failed.error?.message).toBe('Service "bad" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
    expect(failed.messages).toEqual([
      { severity: 'error', message: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', field: 'spec.ports[0].port', range: { line: 20, column: 11, endLine: 20, endColumn: 12 } },
    ]);
  });

  it('reports a second apply of the same text as unchanged', () => {
    const { api } = newTestCluster();
    applyManifest(svc('web'), api);
    expect(applyManifest(svc('web'), api).outcomes[0].action).toBe('unchanged');
  });

  it.each([
    ['a document without kind and apiVersion', 'metadata:\n  name: x\n', 'error validating "app.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['a document without kind', 'apiVersion: v1\nmetadata:\n  name: x\n', 'error validating "app.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['a scalar document', 'hello\n', 'error validating "app.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['a list document', '- a\n- b\n', 'error validating "app.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['a kind the cluster does not serve', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n', 'resource mapping not found for name: "x" namespace: "" from "app.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first'],
    ['a Service under apps/v1', 'apiVersion: apps/v1\nkind: Service\nmetadata:\n  name: x\n  namespace: shop\n', 'resource mapping not found for name: "x" namespace: "shop" from "app.yaml": no matches for kind "Service" in version "apps/v1"\nensure CRDs are installed first'],
  ])('fails %s client-side, like kubectl', (_name, text, message) => {
    const { api } = newTestCluster();
    const outcome = applyManifest(text, api, { source: 'app.yaml' }).outcomes[0];
    expect(outcome.action).toBe('failed');
    expect(outcome.error).toEqual({ reason: 'ParseError', code: 0, message, causes: [] });
  });

  it('stops at a YAML syntax error, like kubectl, and says the rest was not sent', () => {
    const { api, store } = newTestCluster();
    const report = applyManifest(`${svc('one')}---\nmetadata:\n  name: x: y\n---\n${svc('two')}`, api);
    expect(report.outcomes.map((o) => o.action)).toEqual(['created', 'failed']);
    expect(report.outcomes[1].error?.message).toBe('error parsing STDIN: error converting YAML to JSON: yaml: line 13: mapping values are not allowed in this context');
    expect(store.get('Service', 'default', 'two')).toBeUndefined();
    expect(report.messages[0].message).toBe('kubectl stops reading the file at the YAML error on line 13: the 1 document(s) after it were not sent');
  });

  it('expands kind: List and locates errors inside its items', () => {
    const { api } = newTestCluster();
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: ok
- apiVersion: v1
  kind: Service
  metadata:
    name: Bad
  spec:
    ports:
    - port: 80
`;
    const report = applyManifest(text, api);
    expect(report.outcomes.map((o) => [o.name, o.action])).toEqual([
      ['ok', 'created'],
      ['Bad', 'failed'],
    ]);
    expect(report.outcomes[1].messages[0].range).toEqual({ line: 11, column: 11, endLine: 11, endColumn: 14 });
  });

  it('locates unknown fields on their key', () => {
    const { api } = newTestCluster();
    const outcome = applyManifest(svc('web').replace('  selector:', '  slector:'), api).outcomes[0];
    expect(outcome.error?.message).toBe('Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.slector"');
    expect(outcome.messages[0]).toEqual({ severity: 'error', message: 'unknown field "spec.slector"', field: 'spec.slector', range: { line: 6, column: 3, endLine: 6, endColumn: 10 } });
  });

  it('locates a bad label on the label itself', () => {
    const { api } = newTestCluster();
    const outcome = applyManifest(POD.replace('app: web', 'app: web\n    tier: "front end"'), api).outcomes[0];
    expect(outcome.messages[0].range).toEqual({ line: 7, column: 11, endLine: 7, endColumn: 22 });
  });

  it('points a JSON type error at the field', () => {
    const { api } = newTestCluster();
    const outcome = applyManifest(svc('web').replace('- port: 80', '- port: "80"'), api).outcomes[0];
    expect(outcome.error?.message).toBe('Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32');
    expect(outcome.messages[0].range?.line).toBe(8);
  });

  // NormalizeClusterIPs copies clusterIP into clusterIPs[0] before validation, so the apiserver
  // names clusterIPs[0]; the marker belongs on the line the learner wrote.
  it.each([
    { wrote: 'clusterIP only', spec: '  clusterIP: 10.96.300.1\n', field: 'spec.clusterIPs[0]', line: 6 },
    { wrote: 'clusterIPs list', spec: '  clusterIPs:\n  - 10.96.300.1\n', field: 'spec.clusterIPs[0]', line: 7 },
    { wrote: 'out of range clusterIP', spec: '  clusterIP: 192.168.9.9\n', field: 'spec.clusterIPs', line: 6 },
  ])('locates a cluster IP error on the field written ($wrote)', ({ spec, field, line }) => {
    const { api } = newTestCluster();
    const outcome = applyManifest(svc('web').replace('spec:\n', `spec:\n${spec}`), api).outcomes[0];
    expect(outcome.action).toBe('failed');
    const message = outcome.messages.find((m) => m.field === field);
    expect(message?.range?.line).toBe(line);
  });

  it('carries duplicate-key warnings to the outcome', () => {
    const { api } = newTestCluster();
    const outcome = applyManifest(svc('web').replace('  name: web', '  name: web\n  name: web'), api).outcomes[0];
    expect(outcome.action).toBe('created');
    expect(outcome.messages[0].severity).toBe('warning');
  });
});

describe('deleteManifest', () => {
  it('deletes what the text names and reports missing objects with the NotFound message', () => {
    const { api, store } = newTestCluster();
    applyManifest(svc('web'), api);
    const report = deleteManifest(`${svc('web')}---\n${svc('gone')}`, api, { source: 'app.yaml' });
    expect(report.outcomes.map((o) => [o.name, o.action])).toEqual([
      ['web', 'deleted'],
      ['gone', 'failed'],
    ]);
    expect(report.outcomes[1].error?.message).toBe('services "gone" not found');
    expect(store.get('Service', 'default', 'web')).toBeUndefined();
  });

  it.each([
    ['a document without kind', 'apiVersion: v1\nmetadata:\n  name: x\n', `unable to decode "app.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`],
    [
      'a scalar document',
      'hello\n',
      'unable to decode "app.yaml": json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    ],
  ])('fails %s with the decoder\'s words', (_name, text, message) => {
    const { api } = newTestCluster();
    expect(deleteManifest(text, api, { source: 'app.yaml' }).outcomes[0].error?.message).toBe(message);
  });
});

describe('robustness', () => {
  it('never throws on arbitrary text, YAML-ish or not', () => {
    const { api } = newTestCluster();
    const yamlish = fc.array(fc.constantFrom('apiVersion: v1\n', 'kind: Service\n', 'metadata:\n', '  name: a\n', '- x\n', '---\n', '\t', ': ', '&a ', '*a ', '[', '{', '"', "'", '<<: ', 'spec:\n  ports:\n  - port: 80\n'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), yamlish), (text) => {
        const report = applyManifest(text, api);
        expect(Array.isArray(report.outcomes)).toBe(true);
        deleteManifest(text, api);
      }),
      { numRuns: 300 },
    );
  });
});
