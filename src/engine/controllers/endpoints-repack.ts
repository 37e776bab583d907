/**
 * endpoints.RepackSubsets (pkg/api/v1/endpoints/util.go): expands subsets to (address, port,
 * ready) triples and repacks them canonically — one subset per distinct set of addresses, holding
 * every port those addresses share. An address is keyed by IP + targetRef UID; "not ready trumps
 * ready" when the same address appears both ways for a port; subsets without ports keep their
 * addresses (a headless Service may have no ports).
 *
 * Ordering: addresses sort exactly as upstream (byte order of the IP *string*, then UID — so
 * "20.109.5.11" sorts before "20.109.5.9"). Upstream orders ports and subsets by the md5 of their
 * spew dump, which is stable but arbitrary; the simulator uses a readable stand-in instead
 * (ports by port number, then name, then protocol; subsets by their first address).
 */

import type { EndpointAddress, EndpointPort, EndpointSubset } from '../../shared/api-types';
import { jsonEqual } from '../store/clone';

interface AddressEntry {
  address: EndpointAddress;
  key: string;
}

/** Repacks subsets into the canonical layout (a new array; inputs untouched). */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, AddressEntry>();
  // port key → (address key → ready); NO_PORT is the sentinel for port-less subsets.
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
      const portKey = port ? JSON.stringify([port.name ?? '', port.port, port.protocol ?? '', port.appProtocol ?? '']) : NO_PORT;
      ports.set(portKey, port);
      for (const a of subset.addresses ?? []) record(a, portKey, true);
      for (const a of subset.notReadyAddresses ?? []) record(a, portKey, false);
    }
  }
  // Group ports by identical (address, ready) sets.
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

const NO_PORT = '\u0000none';

/** LessEndpointAddress: byte order of the IP string, then targetRef UID (a missing ref first). */
function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const au = a.targetRef?.uid;
  const bu = b.targetRef?.uid;
  if (au === bu) return 0;
  if (bu === undefined) return 1;
  if (au === undefined) return -1;
  return au < bu ? -1 : 1;
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  if (a.port !== b.port) return a.port - b.port;
  const an = a.name ?? '';
  const bn = b.name ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const ap = a.protocol ?? '';
  const bp = b.protocol ?? '';
  return ap < bp ? -1 : ap > bp ? 1 : 0;
}

function compareSubsets(a: EndpointSubset, b: EndpointSubset): number {
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
}

/** endpointSubsetsEqualIgnoreResourceVersion: subsets equal apart from targetRef.resourceVersion. */
export function subsetsEqualIgnoringResourceVersion(a: readonly EndpointSubset[] | undefined, b: readonly EndpointSubset[] | undefined): boolean {
  return jsonEqual(stripRefVersions(a ?? []), stripRefVersions(b ?? []));
}

function stripRefVersions(subsets: readonly EndpointSubset[]): unknown {
  const strip = (addrs: readonly EndpointAddress[] | undefined): unknown =>
    addrs && addrs.length > 0 ? addrs.map((a) => (a.targetRef ? { ...a, targetRef: { ...a.targetRef, resourceVersion: undefined } } : a)) : undefined;
  return subsets.map((s) => ({
    addresses: strip(s.addresses),
    notReadyAddresses: strip(s.notReadyAddresses),
    ports: s.ports && s.ports.length > 0 ? s.ports : undefined,
  }));
}
