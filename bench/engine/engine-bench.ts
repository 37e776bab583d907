/**
 * Engine benchmark: prints figures, asserts nothing (speed targets are read by people, not tests).
 *   npm run bench:engine            (add -- --max 1000 to stop earlier)
 * Targets (issue 2): classroom scale (≤ 50 objects) apply ≤ 1 ms; 10,000 pods ≤ 1 s; one change at
 * 10,000 pods ≤ 5 ms; ≥ 200,000 lookups/s; ≤ 200 MB heap at 10,000 pods.
 */
import { performance } from 'node:perf_hooks';
import { createEngine as createEngineWith, type Engine } from '../../src/engine/engine';

// Measure what hosts run: no deep-freezing of stored objects (tests keep it on).
const createEngine = (): Engine => createEngineWith({}, undefined, { freezeObjects: false });
import { DnsTableTracker } from '../../src/engine/rpc/dns-table-diff';
import { workload } from './workload';

const maxIndex = process.argv.indexOf('--max');
const maxPods = maxIndex > 0 ? Number(process.argv[maxIndex + 1]) : 10000;
const gc = (globalThis as { gc?: () => void }).gc;

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function heapMB(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const rows: string[][] = [['pods', 'services', 'objects', 'apply ms', 'settle ms', 'total ms', 'heap MB']];

function build(pods: number): { engine: Engine; parseMs: number; reconcileMs: number } {
  const { files } = workload(pods);
  const engine = createEngine();
  const applied = time(() => files.map((file) => engine.apply(file)));
  for (const report of applied.value) {
    const failed = report.outcomes.filter((o) => o.action === 'failed');
    if (failed.length || report.messages.some((m) => m.severity === 'error')) throw new Error(`workload did not apply: ${failed[0]?.error?.message ?? report.messages[0].message}`);
  }
  const settled = time(() => engine.settle());
  return { engine, parseMs: applied.ms, reconcileMs: settled.ms };
}

// Classroom scale: the chapter's labs are ≤ 50 objects. A fresh engine per run; "first" is the
// first apply in the process (cold JIT), "warm" the median/p95 after 100 warm-up runs, as in an
// app that has been open a while. apply() includes admission and the controllers' reconcile;
// settle() lets the pods start (kubelet stages), which a learner sees over ~2 s of virtual time.
{
  const { text } = workload(30); // 30 pods + 3 services
  const runs: { apply: number; settle: number }[] = [];
  for (let i = 0; i < 200; i++) {
    const engine = createEngine();
    const a = time(() => engine.apply(text)).ms;
    const s2 = time(() => engine.settle()).ms;
    runs.push({ apply: a, settle: s2 });
  }
  const warm = runs.slice(100);
  const p95 = (values: number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length * 0.95)];
  const applies = warm.map((r) => r.apply);
  const totals = warm.map((r) => r.apply + r.settle);
  console.log(`classroom scale (30 pods + 3 services): first apply ${fmt(runs[0].apply, 3)} ms + settle ${fmt(runs[0].settle, 3)} ms (cold)`);
  console.log(`classroom scale, warm: apply median ${fmt(median(applies), 3)} ms (p95 ${fmt(p95(applies), 3)}); apply+settle median ${fmt(median(totals), 3)} ms (p95 ${fmt(p95(totals), 3)})`);
}

let big: Engine | undefined;
for (const pods of [10, 100, 1000, 10000].filter((n) => n <= maxPods)) {
  const before = heapMB();
  const { engine, parseMs, reconcileMs } = build(pods);
  const heap = heapMB() - before;
  rows.push([String(pods), String(Math.max(1, Math.floor(pods / 10))), String(engine.store.count('Pod') + engine.store.count('Service') + engine.store.count('Endpoints') + engine.store.count('EndpointSlice')), fmt(parseMs), fmt(reconcileMs), fmt(parseMs + reconcileMs), fmt(heap, 1)]);
  big = engine;
}
console.log(rows.map((r) => r.map((c) => c.padStart(12)).join('')).join('\n'));

if (big) {
  const engine = big;
  const pods = engine.store.count('Pod') - engine.store.list('Pod', 'kube-system').length;
  // One incremental change: relabel one pod out of its Service, then back (median of 21 changes).
  const samples: number[] = [];
  // What the worker host adds per change event: the DNS table's row diff (src/engine/rpc/dns-table-diff.ts).
  const tracker = new DnsTableTracker(engine);
  let diffMs = 0;
  const diffSamples: number[] = [];
  const stop = engine.onChange(() => (diffMs += time(() => tracker.next()).ms));
  for (let i = 0; i < 21; i++) {
    diffMs = 0;
    const app = i % 2 === 0 ? 'moved' : 'app0';
    const doc = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod0\n  labels:\n    app: ${app}\nspec:\n  hostname: host0\n  subdomain: svc0\n  containers:\n  - name: app\n    image: kubetm/app\n    ports:\n    - containerPort: 8080\n`;
    samples.push(time(() => {
      engine.apply(doc);
      engine.settle();
    }).ms);
    diffSamples.push(diffMs);
  }
  stop();
  console.log(`one change at ${pods} pods (relabel a pod, endpoints + slices + DNS follow): median ${fmt(median(samples), 3)} ms`);
  console.log(`  of which the DNS row diff for the change events: median ${fmt(median(diffSamples), 3)} ms`);

  // DNS lookups through the whole stub-resolver path from a pod: search list, CoreDNS, records.
  const from = { kind: 'Pod', namespace: 'default', name: 'pod1' };
  const names = ['svc1', 'svc3', 'host3.svc0', 'svc2.default.svc.cluster.local.'];
  for (let i = 0; i < 2000; i++) engine.lookup(from, names[i % names.length], 'A');
  const n = 100000;
  const t = time(() => {
    for (let i = 0; i < n; i++) engine.lookup(from, names[i % names.length], 'A');
  });
  console.log(`DNS lookups through the stub resolver (${names.join(', ')}): ${Math.round(n / (t.ms / 1000)).toLocaleString('en-US')} lookups/s`);
  console.log(`heap used with ${pods} pods: ${fmt(heapMB(), 1)} MB${gc ? '' : ' (run with node --expose-gc for a settled figure)'}`);
}
