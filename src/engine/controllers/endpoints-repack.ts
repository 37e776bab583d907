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
import { jsonEqual, jsonEqualExcept } from '../store/clone';

/** Repacks subsets into the canonical layout (a new array; inputs untouched). */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  return repackUniform(subsets) ?? repackGeneral(subsets);
}

/**
 * The usual case, answered directly: every subset carries the very same ports array (the
 * endpoints controller shares one when every Pod resolves the Service's ports alike) and every
 * address is a distinct Pod (its own targetRef UID). Then all ports share one address set, so the
 * result is a single subset — what repackGeneral computes, without its per-address keys and maps.
 * Undefined when the input does not have that shape.
 */
function repackUniform(subsets: readonly EndpointSubset[]): EndpointSubset[] | undefined {
  if (subsets.length === 0) return [];
  const ports = subsets[0].ports;
  const portCount = ports?.length ?? 0;
  // Ports must be distinct (by name) for the grouping to be trivially one set.
  if (portCount > 1) {
    const names = new Set<string>();
    for (const p of ports!) {
      if (!p.name || names.has(p.name)) return undefined;
      names.add(p.name);
    }
  }
  const uids = new Set<string>();
  const ready: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  for (const subset of subsets) {
    if (subset.ports !== ports && !(portCount === 0 && (subset.ports?.length ?? 0) === 0)) return undefined;
    if (subset.addresses) for (const a of subset.addresses) if (!distinctPod(a, uids)) return undefined; else ready.push(a);
    if (subset.notReadyAddresses) for (const a of subset.notReadyAddresses) if (!distinctPod(a, uids)) return undefined; else notReady.push(a);
  }
  if (ready.length === 0 && notReady.length === 0) return [];
  const subset: EndpointSubset = {};
  if (ready.length > 0) subset.addresses = ready.sort(lessAddress);
  if (notReady.length > 0) subset.notReadyAddresses = notReady.sort(lessAddress);
  if (portCount > 0) subset.ports = [...ports!].sort(comparePorts);
  return [subset];
}

/** True (and noted) when the address names a Pod UID not seen before in this repack. */
function distinctPod(address: EndpointAddress, uids: Set<string>): boolean {
  const uid = address.targetRef?.uid;
  if (typeof uid !== 'string' || uid === '' || uids.has(uid)) return false;
  uids.add(uid);
  return true;
}

function repackGeneral(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  // address key → the first address seen under it
  const allAddrs = new Map<string, EndpointAddress>();
  // port key → (address key → ready); NO_PORT is the sentinel for port-less subsets.
  const portToAddrs = new Map<string, Map<string, boolean>>();
  const ports = new Map<string, EndpointPort | undefined>();
  for (const subset of subsets) {
    const subsetPorts: readonly (EndpointPort | undefined)[] = subset.ports && subset.ports.length > 0 ? subset.ports : NO_PORTS;
    for (const port of subsetPorts) {
      const portKey = port ? portKeyOf(port) : NO_PORT;
      ports.set(portKey, port);
      // A port with no address at all never gets an entry (and so leaves no subset).
      let m = portToAddrs.get(portKey);
      if (subset.addresses) {
        for (const a of subset.addresses) {
          if (!m) portToAddrs.set(portKey, (m = new Map()));
          record(allAddrs, m, a, true);
        }
      }
      if (subset.notReadyAddresses) {
        for (const a of subset.notReadyAddresses) {
          if (!m) portToAddrs.set(portKey, (m = new Map()));
          record(allAddrs, m, a, false);
        }
      }
    }
  }
  // Group ports by identical (address, ready) sets.
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const [portKey, addrs] of portToAddrs) {
    // With a single port (the usual Service) there is nothing to group: skip building the set key.
    const setKey = portToAddrs.size === 1 ? '' : addressSetKey(addrs);
    let g = groups.get(setKey);
    if (!g) groups.set(setKey, (g = { addrs, ports: [] }));
    const port = ports.get(portKey);
    if (port) g.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k)!);
    const subset: EndpointSubset = {};
    if (ready.length > 0) subset.addresses = ready.sort(lessAddress);
    if (notReady.length > 0) subset.notReadyAddresses = notReady.sort(lessAddress);
    if (g.ports.length > 0) subset.ports = g.ports.sort(comparePorts);
    out.push(subset);
  }
  return out.length > 1 ? out.sort(compareSubsets) : out;
}

/** Files one (address, port) pair: an address is keyed by IP + targetRef UID; not ready trumps ready. */
function record(allAddrs: Map<string, EndpointAddress>, byAddress: Map<string, boolean>, addr: EndpointAddress, ready: boolean): void {
  const key = `${addr.ip}\u0000${addr.targetRef?.uid ?? ''}`;
  if (!allAddrs.has(key)) allAddrs.set(key, addr);
  const was = byAddress.get(key);
  if (was === undefined || was) byAddress.set(key, ready);
}

function addressSetKey(addrs: Map<string, boolean>): string {
  const parts: string[] = [];
  for (const [k, r] of addrs) parts.push(`${k}\u0001${r ? 1 : 0}`);
  return parts.sort().join('\u0002');
}

/**
 * Identifies a port by name, number, protocol and appProtocol (the fields upstream hashes).
 * Validated ports take a plain joined key; anything unusual falls back to JSON (prefixed so the
 * two forms never meet).
 */
function portKeyOf(port: EndpointPort): string {
  const name = port.name ?? '';
  const protocol = port.protocol ?? '';
  const app = port.appProtocol ?? '';
  if (Number.isInteger(port.port) && !name.includes('\u0000') && !protocol.includes('\u0000') && !app.includes('\u0000')) {
    return `${port.port}\u0000${name}\u0000${protocol}\u0000${app}`;
  }
  return `J${JSON.stringify([name, port.port, protocol, app])}`;
}

const NO_PORTS: readonly undefined[] = [undefined];
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
  const as = a ?? [];
  const bs = b ?? [];
  if (as.length !== bs.length) return false;
  for (let i = 0; i < as.length; i++) {
    const x = as[i];
    const y = bs[i];
    if (!addressListsEqual(x.addresses, y.addresses) || !addressListsEqual(x.notReadyAddresses, y.notReadyAddresses)) return false;
    const xp = x.ports && x.ports.length > 0 ? x.ports : undefined;
    const yp = y.ports && y.ports.length > 0 ? y.ports : undefined;
    if (!jsonEqual(xp, yp)) return false;
  }
  return true;
}

/** Address lists compared as JSON, an empty list counting as none, targetRef.resourceVersion ignored. */
function addressListsEqual(a: readonly EndpointAddress[] | undefined, b: readonly EndpointAddress[] | undefined): boolean {
  const x = a && a.length > 0 ? a : undefined;
  const y = b && b.length > 0 ? b : undefined;
  if (x === undefined || y === undefined) return x === y;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!addressEqual(x[i], y[i])) return false;
  return true;
}

function addressEqual(a: EndpointAddress, b: EndpointAddress): boolean {
  if (a === b) return true;
  const ar = a.targetRef as unknown;
  const br = b.targetRef as unknown;
  // A targetRef that is set but not an object is not something the apiserver stores: compare as upstream would, by copy.
  if ((ar && typeof ar !== 'object') || (br && typeof br !== 'object')) return jsonEqual(stripRefVersion(a), stripRefVersion(b));
  let count = 0;
  for (const k in a) {
    const v = (a as unknown as Record<string, unknown>)[k];
    if (v === undefined) continue;
    count++;
    const w = (b as unknown as Record<string, unknown>)[k];
    if (k === 'targetRef' && v && w) {
      if (!jsonEqualExcept(v, w, 'resourceVersion')) return false;
    } else if (!jsonEqual(v, w)) {
      return false;
    }
  }
  for (const k in b) if ((b as unknown as Record<string, unknown>)[k] !== undefined) count--;
  return count === 0;
}

function stripRefVersion(a: EndpointAddress): unknown {
  return a.targetRef ? { ...a, targetRef: { ...a.targetRef, resourceVersion: undefined } } : a;
}
