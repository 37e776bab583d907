/**
 * The real YAML language server (the one bundled in monaco-yaml's worker) run on the real manifest
 * schema, in Node: each document is checked as its own kind, completion offers the served kinds,
 * and the opaque "Matches multiple schemas" never reaches the learner.
 */
import { register } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { languageServerMarkers } from './editor-markers';
import { manifestSchema } from './manifest-schema';
import { HEADLESS_PODS_YAML, HEADLESS_SERVICE_YAML } from './seed-files';

interface Diagnostic {
  message: string;
  range: { start: { line: number; character: number } };
}
interface YamlWorker {
  doValidation(uri: string): Promise<Diagnostic[]>;
  doComplete(uri: string, position: { line: number; character: number }): Promise<{ items: { label: string }[] }>;
  doHover(uri: string, position: { line: number; character: number }): Promise<{ contents: unknown } | null>;
}
type WorkerFactory = (ctx: unknown, createData: unknown) => YamlWorker;

// monaco-yaml's worker reaches the language server through monaco-worker-manager, whose import of
// Monaco's worker does not resolve under monaco-editor 0.57's exports map (nor is it needed here):
// a loader hook hands the worker's factory to the test instead.
const hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'monaco-worker-manager/worker') return { url: 'data:text/javascript,export function initialize(fn){globalThis.__svclabYamlWorker=fn}', shortCircuit: true };
  return next(specifier, context);
}`;

let factory: WorkerFactory;
beforeAll(async () => {
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  await import('monaco-yaml/yaml.worker');
  factory = (globalThis as unknown as { __svclabYamlWorker: WorkerFactory }).__svclabYamlWorker;
});

// The language server caches parsed documents by URI and version: every text gets a new version.
let version = 0;
function worker(text: string, locale: 'ko' | 'en' = 'en', schema: unknown = manifestSchema(locale)): YamlWorker {
  const model = { uri: 'file:///svclab/1.yaml', version: ++version, getValue: () => text };
  return factory(
    { getMirrorModels: () => [model] },
    { schemas: [{ uri: 'svclab://schemas/manifest.json', fileMatch: ['*'], schema }], validate: true, completion: true, hover: true, hoverSchemaSource: false, format: { enable: false }, customTags: [], yamlVersion: '1.2', isKubernetes: false },
  );
}
const validate = async (text: string): Promise<string[]> => (await worker(text).doValidation('file:///svclab/1.yaml')).map((d) => `${d.range.start.line + 1}: ${d.message}`);

describe('validation picks each document’s kind', () => {
  it.each([
    { name: 'the seed service is valid', text: HEADLESS_SERVICE_YAML, expected: [] },
    { name: 'the seed pods are valid', text: HEADLESS_PODS_YAML, expected: [] },
    { name: 'a bad Service type', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: Headless\n', expected: ['6: Value is not accepted. Valid values: "ClusterIP", "NodePort", "LoadBalancer", "ExternalName".'] },
    { name: 'a Pod field in a Service', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  hostname: a\n', expected: ['6: Property hostname is not allowed.'] },
    { name: 'the same field is fine in the Pod document after it', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostname: a\n  containers:\n  - name: c\n    image: kubetm/app\n', expected: [] },
    { name: 'targetPort takes a number or a name', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n    targetPort: http\n  - port: 81\n    targetPort: 8080\n', expected: [] },
    { name: 'a port out of range', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 70000\n', expected: ['7: Value is above the maximum of 65535.'] },
    { name: 'EndpointSlice needs its group version', text: 'apiVersion: v1\nkind: EndpointSlice\nmetadata:\n  name: s\naddressType: IPv4\nendpoints: []\n', expected: ['1: Value is not accepted. Valid values: "discovery.k8s.io/v1".'] },
  ])('$name', async ({ text, expected }) => {
    expect(await validate(text)).toEqual(expected);
  });
});

describe('"Matches multiple schemas" never reaches the learner', () => {
  // Documents that trip every branch of the schema: unknown kind, no kind, wrong types at the root.
  it.each([
    ['an unknown kind', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n'],
    ['no kind', 'apiVersion: v1\nmetadata:\n  name: d\n'],
    ['a scalar document', 'hello\n'],
    ['a list document', '- a\n- b\n'],
    ['kind of the wrong type', 'kind: 3\n'],
    ['mixed documents', `${HEADLESS_SERVICE_YAML}---\nkind: Pod\nspec: 3\n---\nkind: Nope\n`],
  ])('%s: the schema produces no such message', async (_name, text) => {
    expect((await validate(text)).filter((m) => m.includes('Matches multiple schemas'))).toEqual([]);
  });

  it('control: the language server does say it when several oneOf branches match', async () => {
    const loose = { oneOf: [{ type: 'object' }, { type: 'object', properties: { kind: { type: 'string' } } }] };
    const diagnostics = await worker('kind: Service\n', 'en', loose).doValidation('file:///svclab/1.yaml');
    const messages = diagnostics.map((d) => d.message);
    expect(messages).toContain('Matches multiple schemas when only one must validate.');
    expect(languageServerMarkers(diagnostics, 'en')).toEqual([]);
  });

  it('the marker filter drops it should a schema ever produce it, and keeps the rest', () => {
    const markers = [{ message: 'Matches multiple schemas when only one must validate.' }, { message: 'Property x is not allowed.' }];
    expect(languageServerMarkers(markers, 'en')).toEqual([{ message: 'Property x is not allowed.' }]);
  });
});

describe('completion and hover', () => {
  it('`kind: Se` completes to Service', async () => {
    const text = 'apiVersion: v1\nkind: Se';
    const list = await worker(text).doComplete('file:///svclab/1.yaml', { line: 1, character: 8 });
    expect(list.items.map((i) => i.label)).toContain('Service');
  });

  it('offers the Service fields under spec once the kind is Service', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  cl';
    const list = await worker(text).doComplete('file:///svclab/1.yaml', { line: 5, character: 4 });
    expect(list.items.map((i) => i.label)).toEqual(expect.arrayContaining(['clusterIP', 'selector', 'ports', 'type']));
  });

  it('hover shows the Korean description when the locale is ko', async () => {
    const text = HEADLESS_SERVICE_YAML;
    const hover = await worker(text, 'ko').doHover('file:///svclab/1.yaml', { line: 10, character: 4 });
    expect(JSON.stringify(hover?.contents)).toContain('헤드리스');
  });
});
