/**
 * Loads Monaco and monaco-yaml once, on first use (YamlEditor imports this module dynamically,
 * so the app paints before Monaco's megabytes parse: Headlamp #2551). Everything is bundled:
 * the workers are Vite `?worker` chunks served from the app itself, no CDN.
 */
import type { MonacoYaml } from 'monaco-yaml';
import type * as MonacoModule from './monaco-yaml-only';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import type { Locale } from '../../i18n/i18n.svelte';
import { manifestSchema } from './manifest-schema';

/** The Monaco API as loaded (editor features + YAML, see monaco-yaml-only.ts). */
export type MonacoApi = typeof MonacoModule;

interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  worker?: Worker | Promise<Worker>;
}

function workerFor(label: string): Worker {
  return label === 'yaml' ? new YamlWorker({ name: 'yaml' }) : new EditorWorker({ name: label });
}

/**
 * monaco-yaml 5.5 (through monaco-worker-manager 2) still calls `createWebWorker({ moduleId,
 * label, createData })`; Monaco 0.57 wants `{ worker }`. Build the worker the old way: get it
 * from MonacoEnvironment, then send the two messages the old loader sent (a wake-up, then
 * createData) before Monaco's own protocol starts (monaco-yaml #272).
 */
function adaptCreateWebWorker(monaco: MonacoApi): void {
  const create = monaco.editor.createWebWorker;
  monaco.editor.createWebWorker = ((opts: LegacyWorkerOptions) => {
    if (opts.worker) return create(opts as Parameters<typeof create>[0]);
    const worker = self.MonacoEnvironment!.getWorker!(opts.moduleId ?? 'workerMain.js', opts.label ?? 'editorWorkerService') as Worker;
    worker.postMessage('wake');
    worker.postMessage(opts.createData);
    return create({ ...opts, worker } as Parameters<typeof create>[0]);
  }) as typeof create;
}

/** The YAML language server's options; the schema follows the UI language. */
export function yamlOptions(locale: Locale): Parameters<MonacoYaml['update']>[0] {
  return {
    enableSchemaRequest: false, // offline: schemas are bundled, never fetched
    hoverSchemaSource: false, // "manifest.json" under every hover says nothing to a learner
    format: { enable: false },
    schemas: [{ uri: 'svclab://schemas/manifest.json', fileMatch: ['**'], schema: manifestSchema(locale) as never }],
  };
}

let loading: Promise<{ monaco: MonacoApi; yaml: MonacoYaml }> | undefined;
let schemaLocale: Locale | undefined;

/** Monaco with YAML support, configured once for the app (monaco-yaml allows one instance). */
export function loadMonaco(locale: Locale): Promise<{ monaco: MonacoApi; yaml: MonacoYaml }> {
  loading ??= (async () => {
    self.MonacoEnvironment = { getWorker: (_moduleId: string, label: string) => workerFor(label) };
    const [monaco, { configureMonacoYaml }] = await Promise.all([import('./monaco-yaml-only'), import('monaco-yaml')]);
    adaptCreateWebWorker(monaco);
    schemaLocale = locale;
    const yaml = configureMonacoYaml(monaco, yamlOptions(locale));
    return { monaco, yaml };
  })();
  return loading;
}

/** Switches schema descriptions to `locale` (a no-op when they are already in it: an update restarts the worker). */
export async function setSchemaLocale(locale: Locale): Promise<void> {
  if (!loading || schemaLocale === locale) return;
  schemaLocale = locale;
  const { yaml } = await loading;
  await yaml.update(yamlOptions(locale));
}
