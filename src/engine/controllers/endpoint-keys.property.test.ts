/**
 * The endpoint controllers' hot helpers were rewritten for speed (no JSON round trips, no copies).
 * These properties pin them to the straightforward versions they replaced, kept here verbatim as
 * references: same repacked subsets (key order included), same no-op verdicts, and map keys that
 * are equal exactly when the old keys were.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointAddress, EndpointPort, EndpointSlicePort, EndpointSubset, SliceEndpoint } from '../../shared/api-types';
import { jsonEqual } from '../store/clone';
import { repackSubsets, subsetsEqualIgnoringResourceVersion } from './endpoints-repack';
import { endpointHash, endpointsEqualBeyondHash, portMapKey } from './endpointslice-reconciler';

// ---- references (the implementations before the rewrite) ----

function refRepack(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, { address: EndpointAddress; key: string }>();
  const portToAddrs = new Map<string, Map<string, boolean>>();
  const ports = new Map<string, EndpointPort | undefined>();
  const record = (addr: EndpointAddress, portKey: string, ready: boolean): void => {
    const key = `${addr.ip}\u0000${addr.targetRef?.uid ?? ''}`;
    if (!allAddrs.has(key)) allAddrs.set(key, { address: addr, key });
    let m = portToAddrs.get(portKey);
    if (!m) portToAddrs.set(portKey, (m = new Map()));
    const was = m.get(key);
    if (was === undefined || was) m.set(key, ready);
  };
  for (const subset of subsets) {
    const subsetPorts: (EndpointPort | undefined)[] = subset.ports && subset.ports.length > 0 ? [...subset.ports] : [undefined];
    for (const port of subsetPorts) {
      const portKey = port ? JSON.stringify([port.name ?? '', port.port, port.protocol ?? '', port.appProtocol ?? '']) : '\u0000none';
      ports.set(portKey, port);
      for (const a of subset.addresses ?? []) record(a, portKey, true);
      for (const a of subset.notReadyAddresses ?? []) record(a, portKey, false);
    }
  }
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const [portKey, addrs] of portToAddrs) {
    const setKey = [...addrs.entries()]
      .map(([k, r]) => `${k}\u0001${r ? 1 : 0}`)
      .sort()
      .join('\u0002');
    let g = groups.get(setKey);
    if (!g) groups.set(setKey, (g = { addrs, ports: [] }));
    const port = ports.get(portKey);
    if (port) g.ports.push(port);
  }
  const lessAddress = (a: EndpointAddress, b: EndpointAddress): number => {
    if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
    const au = a.targetRef?.uid;
    const bu = b.targetRef?.uid;
    if (au === bu) return 0;
    if (bu === undefined) return 1;
    if (au === undefined) return -1;
    return au < bu ? -1 : 1;
  };
  const comparePorts = (a: EndpointPort, b: EndpointPort): number => {
    if (a.port !== b.port) return a.port - b.port;
    const an = a.name ?? '';
    const bn = b.name ?? '';
    if (an !== bn) return an < bn ? -1 : 1;
    const ap = a.protocol ?? '';
    const bp = b.protocol ?? '';
    return ap < bp ? -1 : ap > bp ? 1 : 0;
  };
  const compareSubsets = (a: EndpointSubset, b: EndpointSubset): number => {
    const fa = a.addresses?.[0] ?? a.notReadyAddresses?.[0];
    const fb = b.addresses?.[0] ?? b.notReadyAddresses?.[0];
    if (fa && fb) {
      const c = lessAddress(fa, fb);
      if (c !== 0) return c;
    }
    const pa = a.ports?.[0];
    const pb = b.ports?.[0];
    if (pa && pb) return comparePorts(pa, pb);
    return pa ? 1 : pb ? -1 : 0;
  };
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k)!.address);
    const subset: EndpointSubset = {};
    if (ready.length > 0) subset.addresses = ready.sort(lessAddress);
    if (notReady.length > 0) subset.notReadyAddresses = notReady.sort(lessAddress);
    if (g.ports.length > 0) subset.ports = g.ports.sort(comparePorts);
    out.push(subset);
  }
  return out.sort(compareSubsets);
}

function refSubsetsEqual(a: readonly EndpointSubset[] | undefined, b: readonly EndpointSubset[] | undefined): boolean {
  const strip = (addrs: readonly EndpointAddress[] | undefined): unknown =>
    addrs && addrs.length > 0 ? addrs.map((x) => (x.targetRef ? { ...x, targetRef: { ...x.targetRef, resourceVersion: undefined } } : x)) : undefined;
  const all = (subsets: readonly EndpointSubset[]): unknown =>
    subsets.map((s) => ({ addresses: strip(s.addresses), notReadyAddresses: strip(s.notReadyAddresses), ports: s.ports && s.ports.length > 0 ? s.ports : undefined }));
  return jsonEqual(all(a ?? []), all(b ?? []));
}

function refPortMapKey(ports: readonly EndpointSlicePort[]): string {
  return JSON.stringify(
    ports.map((p) => [p.name ?? '', p.protocol ?? '', p.port ?? null, p.appProtocol ?? '']).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
  );
}

function refEndpointHash(ep: SliceEndpoint): string {
  return JSON.stringify([[...ep.addresses].sort(), ep.hostname ?? '', ep.targetRef?.namespace ?? '', ep.targetRef?.name ?? '']);
}

function refEqualBeyondHash(a: SliceEndpoint, b: SliceEndpoint): boolean {
  if (a.nodeName !== b.nodeName || a.zone !== b.zone) return false;
  const ac = a.conditions ?? {};
  const bc = b.conditions ?? {};
  if (ac.ready !== bc.ready || ac.serving !== bc.serving || ac.terminating !== bc.terminating) return false;
  const ar = a.targetRef ? { ...a.targetRef, resourceVersion: undefined } : undefined;
  const br = b.targetRef ? { ...b.targetRef, resourceVersion: undefined } : undefined;
  return jsonEqual(ar, br);
}

// ---- generators: small pools so that collisions (equal keys, shared addresses) are common ----

const small = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const targetRefArb = fc.option(
  fc.record(
    { kind: fc.constant('Pod'), namespace: small('default', 'a', 'a-b'), name: small('p1', 'p2', 'p\u00001'), uid: small('u1', 'u2', 'u3'), resourceVersion: small('1', '2') },
    { requiredKeys: ['kind', 'uid'] },
  ),
  { nil: undefined },
);
const addressArb: fc.Arbitrary<EndpointAddress> = fc
  .record({ ip: small('10.0.0.1', '10.0.0.10', '10.0.0.9', 'fd00::1'), hostname: fc.option(small('h1', 'h2'), { nil: undefined }), nodeName: fc.option(small('node1', 'node2'), { nil: undefined }), targetRef: targetRefArb })
  .map((a) => JSON.parse(JSON.stringify(a)) as EndpointAddress);
const endpointPortArb: fc.Arbitrary<EndpointPort> = fc
  .record({ name: fc.option(small('', 'http', 'dns'), { nil: undefined }), port: small(53, 80, 8080), protocol: fc.option(small('TCP', 'UDP'), { nil: undefined }), appProtocol: fc.option(small('http', 'h2c'), { nil: undefined }) })
  .map((p) => JSON.parse(JSON.stringify(p)) as EndpointPort);
const subsetArb: fc.Arbitrary<EndpointSubset> = fc
  .record(
    { addresses: fc.array(addressArb, { maxLength: 4 }), notReadyAddresses: fc.array(addressArb, { maxLength: 3 }), ports: fc.array(endpointPortArb, { maxLength: 3 }) },
    { requiredKeys: [] },
  )
  .map((s) => s as EndpointSubset);
const slicePortArb: fc.Arbitrary<EndpointSlicePort> = fc
  .record({ name: fc.option(small('', 'http', 'a\u0000b'), { nil: undefined }), port: fc.option(small(80, 8080), { nil: undefined }), protocol: fc.option(small('TCP', 'UDP'), { nil: undefined }), appProtocol: fc.option(small('h2c'), { nil: undefined }) })
  .map((p) => JSON.parse(JSON.stringify(p)) as EndpointSlicePort);
const sliceEndpointArb: fc.Arbitrary<SliceEndpoint> = fc
  .record({
    addresses: fc.array(small('10.0.0.1', '10.0.0.2', 'fd00::1'), { minLength: 1, maxLength: 2 }),
    hostname: fc.option(small('h1', 'h\u00002'), { nil: undefined }),
    nodeName: fc.option(small('node1', 'node2'), { nil: undefined }),
    zone: fc.option(small('z1'), { nil: undefined }),
    conditions: fc.record({ ready: fc.boolean(), serving: fc.boolean(), terminating: fc.boolean() }, { requiredKeys: [] }),
    targetRef: targetRefArb,
  }, { requiredKeys: ['addresses'] })
  .map((e) => JSON.parse(JSON.stringify(e)) as SliceEndpoint);

describe('endpoint helpers match the implementations they replaced', () => {
  it('repackSubsets gives the same subsets, in the same order and key order', () => {
    fc.assert(
      fc.property(fc.array(subsetArb, { maxLength: 5 }), (subsets) => {
        expect(JSON.stringify(repackSubsets(subsets))).toBe(JSON.stringify(refRepack(subsets)));
      }),
      { numRuns: 500 },
    );
  });

  it('repackSubsets takes its direct path (one shared ports list) with the same result, and per-Pod subsets equal per-port ones', () => {
    const podAddress = fc
      .record({ ip: small('10.0.0.1', '10.0.0.10', '10.0.0.9', 'fd00::1'), uid: small('u1', 'u2', 'u3', 'u4', 'u5', ''), hostname: fc.option(small('h1'), { nil: undefined }) })
      .map(({ ip, uid, hostname }): EndpointAddress => ({ ip, ...(hostname ? { hostname } : {}), nodeName: 'node1', targetRef: { kind: 'Pod', namespace: 'default', name: `p-${uid}`, uid } }));
    const sharedPorts = fc.oneof(
      fc.constant<EndpointPort[]>([]),
      fc.uniqueArray(endpointPortArb, { maxLength: 3, selector: (p) => p.name ?? '' }),
      fc.array(endpointPortArb, { maxLength: 3 }),
    );
    fc.assert(
      fc.property(sharedPorts, fc.array(fc.tuple(podAddress, fc.boolean()), { maxLength: 6 }), (ports, pods) => {
        const perPod: EndpointSubset[] = pods.map(([a, ready]) => ({ ...(ready ? { addresses: [a] } : { notReadyAddresses: [a] }), ...(ports.length > 0 ? { ports } : {}) }));
        expect(JSON.stringify(repackSubsets(perPod))).toBe(JSON.stringify(refRepack(perPod)));
        if (ports.length > 0) {
          const perPort: EndpointSubset[] = pods.flatMap(([a, ready]) => ports.map((p) => ({ ...(ready ? { addresses: [a] } : { notReadyAddresses: [a] }), ports: [{ ...p }] })));
          expect(JSON.stringify(refRepack(perPod))).toBe(JSON.stringify(refRepack(perPort)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('subsetsEqualIgnoringResourceVersion gives the same verdicts', () => {
    const pair = fc.array(subsetArb, { maxLength: 3 }).chain((a) =>
      fc.oneof(
        fc.constant([a, JSON.parse(JSON.stringify(a)) as EndpointSubset[]]),
        fc.constant([a, refRepack(a)]),
        fc.array(subsetArb, { maxLength: 3 }).map((b) => [a, b]),
      ),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(subsetsEqualIgnoringResourceVersion(a, b)).toBe(refSubsetsEqual(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('portMapKey is equal for two port lists exactly when the JSON key was', () => {
    fc.assert(
      fc.property(fc.array(slicePortArb, { maxLength: 3 }), fc.array(slicePortArb, { maxLength: 3 }), (a, b) => {
        expect(portMapKey(a) === portMapKey(b)).toBe(refPortMapKey(a) === refPortMapKey(b));
        expect(portMapKey(a)).toBe(portMapKey([...a].reverse()));
      }),
      { numRuns: 1000 },
    );
  });

  it('endpointHash is equal for two endpoints exactly when the JSON hash was; endpointsEqualBeyondHash agrees', () => {
    fc.assert(
      fc.property(sliceEndpointArb, sliceEndpointArb, (a, b) => {
        expect(endpointHash(a) === endpointHash(b)).toBe(refEndpointHash(a) === refEndpointHash(b));
        expect(endpointsEqualBeyondHash(a, b)).toBe(refEqualBeyondHash(a, b));
        expect(endpointsEqualBeyondHash(a, JSON.parse(JSON.stringify(a)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
