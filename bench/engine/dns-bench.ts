/**
 * DNS lookup benchmark: prints figures, asserts nothing.
 *   node --expose-gc --import tsx bench/engine/dns-bench.ts [--pods 10000] [--rounds 7] [--n 100000]
 * Builds an engine with the benchmark workload, then times `engine.lookup(pod, name, 'A')` through
 * the whole stub-resolver path (search list → CoreDNS plugin chain → records → trace) for the
 * names engine-bench.ts uses, all four mixed then some alone (and a name that does not exist);
 * prints the median of the rounds, by wall clock and by process CPU time.
 */
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../../src/engine/engine';
import { workload } from './workload';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const pods = arg('pods', 10000);
const rounds = arg('rounds', 7);
const n = arg('n', 100000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function build(count: number): Engine {
  const engine = createEngine({}, undefined, { freezeObjects: false });
  for (const file of workload(count).files) engine.apply(file);
  engine.settle();
  return engine;
}

const start = performance.now();
const engine = build(pods);
console.log(`built ${pods} pods in ${(performance.now() - start).toFixed(0)} ms`);

const from = { kind: 'Pod', namespace: 'default', name: 'pod1' };
const sets: [string, string[]][] = [
  ['mixed', ['svc1', 'svc3', 'host3.svc0', 'svc2.default.svc.cluster.local.']],
  ['svc1', ['svc1']],
  ['host3.svc0', ['host3.svc0']],
  ['fqdn', ['svc2.default.svc.cluster.local.']],
  ['nxdomain', ['nosuch']],
];

for (const [label, names] of sets) {
  for (let i = 0; i < 20000; i++) engine.lookup(from, names[i % names.length], 'A');
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) engine.lookup(from, names[i % names.length], 'A');
    const cpu = process.cpuUsage(c0);
    samples.push(n / ((performance.now() - t0) / 1000));
    cpuSamples.push(n / ((cpu.user + cpu.system) / 1e6));
  }
  const f = (x: number): string => Math.round(x).toLocaleString('en-US');
  console.log(`${label.padEnd(12)} median ${f(median(samples)).padStart(9)} lookups/s  (min ${f(Math.min(...samples))}, max ${f(Math.max(...samples))}); per CPU second (all threads, steadier on a busy machine): ${f(median(cpuSamples))}`);
}
