/**
 * Reconciliation micro-benchmark: prints figures, asserts nothing. Objects go in through the API
 * server (admission, not timed), then only the controllers are timed:
 *   - `reconcile`: the `runUntilQuiet()` an `engine.apply` runs after admission (bind, first
 *     kubelet status, Endpoints and EndpointSlices created);
 *   - `settle`: the kubelet's lifecycle timers (sandbox at +1 s, Running at +2 s) and every
 *     controller round they trigger.
 * Medians of wall time and of process CPU time (steadier on a shared machine), and the number of
 * store writes the controllers made.
 *
 *   node --expose-gc --import tsx bench/engine/reconcile-bench.ts [--max 1000] [--runs 5]
 * Measures what hosts run (no deep-freezing of stored objects).
 */
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../src/engine/engine';
import { applyManifest } from '../../src/engine/manifest/apply-manifest';
import { workload } from './workload';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const maxPods = arg('--max', 10000);
const runs = arg('--runs', 5);
const gc = (globalThis as { gc?: () => void }).gc;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Sample {
  reconcileMs: number;
  settleMs: number;
  cpuMs: number;
  writes: number;
}

function once(files: string[]): Sample {
  const engine = createEngine({}, undefined, { freezeObjects: false });
  for (const file of files) applyManifest(file, engine.api);
  const rvBefore = Number(engine.store.resourceVersion);
  gc?.();
  const cpu0 = cpuMs();
  let t = performance.now();
  engine.advance(1); // reconciles what admission queued; nothing else is due within 1 ms
  const reconcileMs = performance.now() - t;
  t = performance.now();
  engine.settle();
  const settleMs = performance.now() - t;
  return { reconcileMs, settleMs, cpuMs: cpuMs() - cpu0, writes: Number(engine.store.resourceVersion) - rvBefore };
}

console.log(['pods', 'reconcile ms', 'settle ms', 'total ms', 'total cpu ms', 'writes'].map((c) => c.padStart(14)).join(''));
for (const pods of [30, 100, 1000, 10000].filter((n) => n <= maxPods)) {
  const { files } = workload(pods);
  const n = pods <= 100 ? Math.max(runs, 100) : runs;
  const warm = pods <= 100 ? 50 : 1;
  const samples: Sample[] = [];
  for (let i = 0; i < n + warm; i++) {
    const s = once(files);
    if (i >= warm) samples.push(s);
  }
  const m = (f: (s: Sample) => number): number => median(samples.map(f));
  console.log(
    [String(pods), fmt(m((s) => s.reconcileMs), 3), fmt(m((s) => s.settleMs), 3), fmt(m((s) => s.reconcileMs + s.settleMs), 3), fmt(m((s) => s.cpuMs), 3), String(samples[0].writes)]
      .map((c) => c.padStart(14))
      .join(''),
  );
}
