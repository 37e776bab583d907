import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../shared/api-types';
import { ask, namespace, service, slice, stackWith } from './testing/cluster-fixtures';

interface SvcSpec {
  headless: boolean;
  endpoints: { ready: boolean; named: boolean }[];
}

const clusterArb = fc.array(
  fc.record({ headless: fc.boolean(), endpoints: fc.array(fc.record({ ready: fc.boolean(), named: fc.boolean() }), { maxLength: 5 }) }),
  { minLength: 1, maxLength: 5 },
);

function build(specs: SvcSpec[]): KubeObject[] {
  const objects: KubeObject[] = [namespace('default'), namespace('kube-system')];
  specs.forEach((s, i) => {
    objects.push(service(`s${i}`, { clusterIP: s.headless ? 'None' : `10.96.${i}.10`, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
    objects.push(slice(`s${i}`, s.endpoints.map((e, j) => ({ ip: `20.96.${i}.${j + 1}`, ready: e.ready, hostname: e.named ? `h${j}` : undefined })), { ports: [{ name: 'http', port: 8080 }] }));
  });
  return objects;
}

describe('DNS answers agree with the store (property)', () => {
  it('every A answer for a service name is its cluster IP, or exactly its ready endpoint IPs', () => {
    fc.assert(
      fc.property(clusterArb, fc.integer({ min: 1, max: 1000 }), (specs, seed) => {
        const { stack } = stackWith(build(specs), undefined, seed);
        specs.forEach((s, i) => {
          const m = ask(stack, `s${i}.default.svc.cluster.local.`, 'A');
          const got = m.answer.map((r) => r.data).sort();
          const ready = s.endpoints.flatMap((e, j) => (e.ready ? [`20.96.${i}.${j + 1}`] : [])).sort();
          if (!s.headless) {
            expect(got).toEqual([`10.96.${i}.10`]);
          } else if (ready.length === 0) {
            expect(m.rcode).toBe('NXDOMAIN');
          } else {
            expect(got).toEqual(ready);
          }
          s.endpoints.forEach((e, j) => {
            const name = e.named ? `h${j}` : `20-96-${i}-${j + 1}`;
            const r = ask(stack, `${name}.s${i}.default.svc.cluster.local.`, 'A');
            expect(r.answer.map((x) => x.data)).toEqual(e.ready ? [`20.96.${i}.${j + 1}`] : []);
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});
