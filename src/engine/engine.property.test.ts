/**
 * Invariants of the whole engine, checked with fast-check over random inputs and random small
 * clusters (issue 2 §5): nothing the user types makes apply throw; what the controllers and DNS
 * derive always agrees with the store.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod, Service } from '../shared/api-types';
import { createEngine, type Engine } from './engine';
import { cidrContains, parseCidr } from './net/ip-address';
import { matchesMap } from './store/label-selector';

const labelKeys = ['app', 'svc', 'tier'];
const labelValues = ['a', 'b', 'c'];
const labels = fc.dictionary(fc.constantFrom(...labelKeys), fc.constantFrom(...labelValues), { maxKeys: 2 });

interface ClusterSpec {
  services: { name: string; selector: Record<string, string>; headless: boolean; named: boolean }[];
  pods: { name: string; labels: Record<string, string>; hostname: boolean; ready: boolean }[];
  relabel: { pod: number; labels: Record<string, string> }[];
}

const clusterSpec: fc.Arbitrary<ClusterSpec> = fc.record({
  services: fc.uniqueArray(
    fc.record({ name: fc.constantFrom('s1', 's2', 's3', 's4'), selector: labels, headless: fc.boolean(), named: fc.boolean() }),
    { selector: (s) => s.name, maxLength: 4 },
  ),
  pods: fc.uniqueArray(fc.record({ name: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'), labels, hostname: fc.boolean(), ready: fc.boolean() }), { selector: (p) => p.name, maxLength: 6 }),
  relabel: fc.array(fc.record({ pod: fc.nat(5), labels }), { maxLength: 3 }),
});

function podDoc(spec: ClusterSpec['pods'][number], services: ClusterSpec['services']): object {
  const sub = services[0]?.name;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: spec.name, labels: spec.labels },
    spec: {
      ...(spec.hostname && sub ? { hostname: `h-${spec.name}`, subdomain: sub } : {}),
      containers: [
        {
          name: 'app',
          image: 'kubetm/app',
          ports: [{ name: 'http', containerPort: 8080 }],
          // A probe on a path kubetm/app does not serve keeps the pod not ready.
          ...(spec.ready ? {} : { readinessProbe: { httpGet: { path: '/never-served', port: 8080 } } }),
        },
      ],
    },
  };
}

function serviceDoc(spec: ClusterSpec['services'][number]): object {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: spec.name },
    spec: {
      selector: Object.keys(spec.selector).length ? spec.selector : { app: 'none' },
      ports: [{ ...(spec.named ? { name: 'web' } : {}), port: 80, targetPort: spec.named ? 'http' : 8080 }],
      ...(spec.headless ? { clusterIP: 'None' } : {}),
    },
  };
}

const ASKER = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: asker\n  namespace: kube-public\nspec:\n  containers:\n  - name: c\n    image: nicolaka/netshoot\n';

function build(spec: ClusterSpec): Engine {
  const engine = createEngine();
  engine.apply(ASKER);
  const docs = [...spec.services.map(serviceDoc), ...spec.pods.map((p) => podDoc(p, spec.services))];
  if (docs.length) engine.apply(docs.map((d) => stringify(d)).join('---\n'));
  engine.settle();
  for (const change of spec.relabel) {
    const pod = spec.pods[change.pod % Math.max(1, spec.pods.length)];
    if (!pod) continue;
    engine.apply(stringify(podDoc({ ...pod, labels: change.labels }, spec.services)));
    engine.settle();
  }
  return engine;
}

describe('engine invariants', () => {
  it('apply refuses what is not text with a clear message instead of throwing', () => {
    const engine = createEngine();
    for (const input of [undefined, null, 42, { kind: 'Pod' }]) {
      const report = engine.apply(input as unknown as string);
      expect(report.outcomes).toEqual([]);
      expect(report.messages[0]?.message).toBe('nothing to apply: the manifest is not text');
    }
  });

  it('no exception escapes apply, delete or settle for any text', () => {
    const engine = createEngine();
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.anything().map((v) => stringify(v) ?? ''), fc.json().map((j) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec: ${j}\n`)), (text) => {
        const report = engine.apply(text);
        expect(Array.isArray(report.outcomes)).toBe(true);
        engine.deleteManifest(text);
        engine.settle();
      }),
      { numRuns: 300 },
    );
  });

  it('an invalid document changes nothing in the store', () => {
    const engine = createEngine();
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 0 }).chain((port) => fc.constant(port)), (port) => {
        const before = engine.store.resourceVersion;
        const report = engine.apply(stringify(serviceDoc({ name: 'bad', selector: { app: 'a' }, headless: false, named: false })).replace('port: 80', `port: ${port}`));
        expect(report.outcomes[0].action).toBe('failed');
        expect(engine.store.resourceVersion).toBe(before);
      }),
      { numRuns: 20 },
    );
  });

  it('every endpoint address is a Running pod the selector matches, ready in addresses and not ready in notReadyAddresses, and none is missing', () => {
    fc.assert(
      fc.property(clusterSpec, (spec) => {
        const engine = build(spec);
        for (const svc of engine.store.list<Service>('Service', 'default')) {
          if (!svc.spec.selector) continue;
          const ep = engine.store.get<Endpoints>('Endpoints', 'default', svc.metadata.name!);
          const listed = new Map<string, boolean>();
          for (const subset of ep?.subsets ?? []) {
            for (const a of subset.addresses ?? []) listed.set(a.targetRef!.name!, true);
            for (const a of subset.notReadyAddresses ?? []) listed.set(a.targetRef!.name!, false);
          }
          for (const [name, ready] of listed) {
            const pod = engine.store.get<Pod>('Pod', 'default', name)!;
            expect(pod.status?.phase).toBe('Running');
            expect(matchesMap(svc.spec.selector, pod.metadata.labels)).toBe(true);
            expect(ready).toBe(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True');
          }
          const expected = engine.store.list<Pod>('Pod', 'default').filter((p) => p.status?.podIP && matchesMap(svc.spec.selector!, p.metadata.labels));
          expect([...listed.keys()].sort()).toEqual(expected.map((p) => p.metadata.name).sort());
        }
      }),
      { numRuns: 40 },
    );
  });

  it('cluster IPs are unique and inside the service range, whatever is asked for', () => {
    const range = parseCidr('10.96.0.0/12')!;
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('10.96.0.10', '10.96.0.20', '10.96.0.20', '10.0.0.1', '10.111.255.254', 'None'), { nil: undefined }), { maxLength: 12 }), (asks) => {
        const engine = createEngine();
        engine.apply(asks.map((ip, i) => stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: `s${i}` }, spec: { ports: [{ port: 80 }], ...(ip ? { clusterIP: ip } : {}) } })).join('---\n'));
        const ips = engine.store.list<Service>('Service').flatMap((s) => s.spec.clusterIPs ?? []).filter((ip) => ip !== 'None');
        expect(new Set(ips).size).toBe(ips.length);
        for (const ip of ips) expect(cidrContains(range, ip)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('DNS answers for every Service agree with the store: the cluster IP, or the ready endpoint IPs when headless', () => {
    fc.assert(
      fc.property(clusterSpec, (spec) => {
        const engine = build(spec);
        for (const svc of engine.store.list<Service>('Service', 'default')) {
          const result = engine.lookup({ kind: 'Pod', namespace: 'kube-public', name: 'asker' }, `${svc.metadata.name}.default.svc.cluster.local.`, 'A');
          if ('error' in result) throw new Error(result.error);
          let expected: string[];
          if (svc.spec.clusterIP !== 'None') expected = [svc.spec.clusterIP!];
          else {
            const ep = engine.store.get<Endpoints>('Endpoints', 'default', svc.metadata.name!);
            expected = (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip));
          }
          expect([...result.addresses].sort()).toEqual([...new Set(expected)].sort());
          expect(result.outcome).toBe(expected.length ? 'found' : 'nxdomain');
        }
      }),
      { numRuns: 40 },
    );
  });
});
