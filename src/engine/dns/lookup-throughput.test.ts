import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../shared/api-types';
import { resolve } from './stub-resolver';
import { chapterObjects, pod, service, slice, stackWith } from './testing/cluster-fixtures';

/** 10,000 pods behind 1,000 services (10 endpoints each), plus the chapter's objects. */
function bigCluster(): KubeObject[] {
  const objects = chapterObjects();
  for (let s = 0; s < 1000; s++) {
    const third = Math.floor(s / 250);
    const fourth = s % 250;
    const eps = [];
    for (let e = 0; e < 10; e++) {
      const ip = `20.${100 + third}.${fourth}.${e + 1}`;
      objects.push(pod(`p${s}-${e}`, ip));
      eps.push({ ip, pod: `p${s}-${e}` });
    }
    objects.push(service(`svc${s}`, { clusterIP: s % 2 === 0 ? `10.97.${third}.${fourth + 1}` : 'None', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
    objects.push(slice(`svc${s}`, eps, { ports: [{ name: 'http', port: 8080 }] }));
  }
  return objects;
}

describe('lookup throughput', () => {
  it('resolves short service names through the full stub-resolver path fast enough (target ≥ 200,000/s)', () => {
    const { stack } = stackWith(bigCluster());
    const client = stack.clientForPod(pod('pod4', '20.109.5.40'));
    const names = Array.from({ length: 64 }, (_, i) => `svc${(i * 37) % 1000}`);
    for (let i = 0; i < 20_000; i++) resolve(client, names[i % names.length], ['A']); // warm up the JIT
    const n = 100_000;
    const start = performance.now();
    let found = 0;
    for (let i = 0; i < n; i++) if (resolve(client, names[i % names.length], ['A']).outcome === 'found') found++;
    const perSecond = n / ((performance.now() - start) / 1000);
    console.log(`stub-resolver lookups: ${Math.round(perSecond).toLocaleString('en')}/s`);
    expect(found).toBe(n);
    // The bar leaves room for a busy 2-core CI running other suites alongside (≈ 220,000/s was the
    // lowest seen with the VM's load average at 11, where the path before its allocation work gave
    // ≈ 85,000/s); a lookup that scanned the 10,000 pods would fall far below it. The printed
    // figure is the measurement.
    expect(perSecond).toBeGreaterThan(120_000);
  });
});
