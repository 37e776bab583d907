/**
 * Manifest parsing and admission only (no controllers): parse of the classroom text (30 Pods +
 * 3 Services) and of a 1,000-document file, first apply vs re-apply (unchanged, and with one
 * small edit), and admission per object. Prints medians of repeated runs; asserts nothing.
 *
 * With `--pods N`, also the whole workload of N pods (files of ≤1,000 documents): parse alone,
 * and parse + admission through applyManifest into an engine's ApiServer (no reconcile).
 *
 *   node --expose-gc --import tsx bench/engine/manifest-bench.ts [--rounds 30] [--pods 10000]
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_CLUSTER_CONFIG } from '../../src/shared/cluster-config';
import { ApiServer } from '../../src/engine/admission/api-server';
import { createEngine } from '../../src/engine/engine';
import { applyManifest } from '../../src/engine/manifest/apply-manifest';
import * as parsing from '../../src/engine/manifest/parse-manifest';
import { createRandom } from '../../src/engine/random';
import { ObjectStore } from '../../src/engine/store/object-store';
import { VirtualClock } from '../../src/engine/virtual-clock';
import type { KubeObject } from '../../src/shared/api-types';
import { workload } from './workload';

const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 30;
const podsAt = process.argv.indexOf('--pods');
const pods = podsAt > 0 ? Number(process.argv[podsAt + 1]) : 0;
const gc = (globalThis as { gc?: () => void }).gc;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median ms of `run` over `n` rounds; `setup` runs untimed before each (after `before`). */
function measure<S>(n: number, setup: () => S, run: (s: S) => unknown, before?: () => void): number {
  const times: number[] = [];
  // One collection before the batch, none inside: a full GC before each round makes the next
  // parse several times slower (V8 drops warm state), which no editor session sees.
  gc?.();
  for (let i = 0; i < n; i++) {
    before?.();
    const s = setup();
    const t0 = performance.now();
    run(s);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** An ApiServer over an unfrozen store (what hosts run), with the two namespaces. */
function newApi(): ApiServer {
  const config = DEFAULT_CLUSTER_CONFIG;
  const clock = new VirtualClock(config.startTime);
  const random = createRandom(config.seed);
  const store = new ObjectStore({ clock, random, freeze: false });
  for (const name of ['default', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  return new ApiServer({ store, config, random, clock });
}

const { parseManifest } = parsing;
/** Empties the per-document parse cache (absent in older trees: then a no-op). */
const clearCache = (parsing as { clearParseCache?: () => void }).clearParseCache ?? ((): void => undefined);

const classroom = workload(30).text;
const big = workload(1000).files[0];
/** A distinct variant of a text each call, with the parse cache emptied ("cold" figures). */
let serial = 0;
const fresh = (text: string): string => {
  clearCache();
  return text.replace(/name: pod/g, `name: p${++serial}x`);
};
/** The classroom text with one edited line (as the editor applies on each change). */
const edited = (text: string): string => text.replace('image: kubetm/app', `image: kubetm/app:${++serial}`);

const rows: [string, number, string][] = [];
const add = (name: string, ms: number, unit: 'ms' | 'us' = 'ms'): void => {
  rows.push([name, unit === 'us' ? ms * 1000 : ms, unit]);
};

// Warm up the JIT.
for (let i = 0; i < 20; i++) applyManifest(fresh(classroom), newApi());

add('parse classroom (33 docs), cold', measure(rounds * 5, () => fresh(classroom), (t) => parseManifest(t)));
add('parse classroom, same text again', measure(rounds * 5, () => classroom, (t) => parseManifest(t)));
add('parse classroom, one line edited', measure(rounds * 5, () => edited(classroom), (t) => parseManifest(t)));
add('parse 1,000-doc file, cold', measure(rounds, () => fresh(big), (t) => parseManifest(t)));
add('parse 1,000-doc file, same text again', measure(rounds, () => big, (t) => parseManifest(t)));
add('parse 1,000-doc file, one line edited', measure(rounds, () => edited(big), (t) => parseManifest(t)));

add('apply classroom, first (fresh cluster, cold text)', measure(rounds * 5, () => ({ api: newApi(), text: fresh(classroom) }), ({ api, text }) => applyManifest(text, api)));
add(
  're-apply classroom, unchanged',
  measure(rounds * 5, () => { const api = newApi(); applyManifest(classroom, api); return api; }, (api) => applyManifest(classroom, api)),
);
add(
  're-apply classroom, one line edited',
  measure(rounds * 5, () => { const api = newApi(); applyManifest(classroom, api); return { api, text: edited(classroom) }; }, ({ api, text }) => applyManifest(text, api)),
);
add('apply 1,000-doc file, first (cold text)', measure(rounds, () => ({ api: newApi(), text: fresh(big) }), ({ api, text }) => applyManifest(text, api)));

// Admission alone: ApiServer.apply of already-parsed objects.
const objects = parseManifest(big).documents.map((d) => d.object as KubeObject);
const createMs = measure(rounds, newApi, (api) => { for (const o of objects) api.apply(o); });
add('admission per object, create', createMs / objects.length, 'us');
const unchangedMs = measure(rounds, () => { const api = newApi(); for (const o of objects) api.apply(o); return api; }, (api) => { for (const o of objects) api.apply(o); });
add('admission per object, unchanged re-apply', unchangedMs / objects.length, 'us');

if (pods > 0) {
  const { files } = workload(pods);
  add(`parse ${pods} pods (${files.length} files), cold`, measure(3, () => files, (fs) => fs.forEach((f) => parseManifest(f)), () => clearCache()));
  add(
    `apply ${pods} pods into an engine, cold (no reconcile)`,
    measure(3, () => createEngine({}, undefined, { freezeObjects: false }), (engine) => files.forEach((f) => applyManifest(f, engine.api)), () => clearCache()),
  );
}

const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, v, unit] of rows) console.log(`${name.padEnd(width)}  ${v.toFixed(unit === 'us' ? 1 : 3).padStart(9)} ${unit}`);
