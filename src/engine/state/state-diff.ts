/**
 * What changed between two cluster states: objects added, removed and modified (by kind,
 * namespace, name), the addresses each Endpoints object gained or lost, and the DNS records that
 * appeared or went away. Pure; the undo request reports it so the learner sees what undoing did.
 *
 * An object counts as modified when anything but its resourceVersion differs: two histories of
 * the same cluster reach equal objects through different numbers of writes.
 */

import type { Endpoints, KubeObject } from '../../shared/api-types';
import type { EndpointsChange, ObjectName, StateDiff } from '../../shared/cluster-snapshot';
import type { DnsTableRow } from '../../shared/dns-types';
import { jsonEqual } from '../store/clone';

/** A cluster state as the diff reads it. */
export interface ComparableState {
  objects: readonly KubeObject[];
  dns: readonly DnsTableRow[];
}

const keyOf = (o: ObjectName): string => `${o.kind}/${o.namespace ?? ''}/${o.name}`;
const nameOf = (o: KubeObject): ObjectName => ({ kind: o.kind, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), name: o.metadata.name ?? '' });

function withoutVersion(o: KubeObject): KubeObject {
  const { resourceVersion: _ignored, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** Rows are values: compared by every field. */
function rowKey(r: DnsTableRow): string {
  const o = r.owner;
  return `${r.zone}|${r.name}|${r.type}|${r.ttl}|${r.data}|${o ? `${o.kind}/${o.namespace ?? ''}/${o.name}` : ''}`;
}

/** Ready and not-ready addresses of an Endpoints object, by `ip/ready`. */
function addresses(e: Endpoints | undefined): Map<string, { ip: string; ready: boolean }> {
  const out = new Map<string, { ip: string; ready: boolean }>();
  for (const subset of e?.subsets ?? []) {
    for (const a of subset.addresses ?? []) out.set(`${a.ip}/ready`, { ip: a.ip, ready: true });
    for (const a of subset.notReadyAddresses ?? []) out.set(`${a.ip}/notready`, { ip: a.ip, ready: false });
  }
  return out;
}

/** Multiset difference `a - b` of rows. */
function rowsMissing(a: readonly DnsTableRow[], b: readonly DnsTableRow[]): DnsTableRow[] {
  const counts = new Map<string, number>();
  for (const r of b) counts.set(rowKey(r), (counts.get(rowKey(r)) ?? 0) + 1);
  const out: DnsTableRow[] = [];
  for (const r of a) {
    const k = rowKey(r);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(r);
  }
  return out;
}

const byName = (a: ObjectName, b: ObjectName): number => keyOf(a).localeCompare(keyOf(b));

/** The changes that turn `before` into `after`. */
export function diffStates(before: ComparableState, after: ComparableState): StateDiff {
  const old = new Map(before.objects.map((o) => [keyOf(nameOf(o)), o]));
  const next = new Map(after.objects.map((o) => [keyOf(nameOf(o)), o]));
  const added: ObjectName[] = [];
  const removed: ObjectName[] = [];
  const modified: ObjectName[] = [];
  const endpoints: EndpointsChange[] = [];
  for (const [key, o] of next) {
    const was = old.get(key);
    if (!was) added.push(nameOf(o));
    else if (!jsonEqual(withoutVersion(was), withoutVersion(o))) modified.push(nameOf(o));
  }
  for (const [key, o] of old) if (!next.has(key)) removed.push(nameOf(o));
  const endpointKeys = new Set([...old.keys(), ...next.keys()].filter((k) => k.startsWith('Endpoints/')));
  for (const key of [...endpointKeys].sort()) {
    const a = addresses(old.get(key) as Endpoints | undefined);
    const b = addresses(next.get(key) as Endpoints | undefined);
    const gained = [...b].filter(([k]) => !a.has(k)).map(([, v]) => v);
    const lost = [...a].filter(([k]) => !b.has(k)).map(([, v]) => v);
    if (gained.length === 0 && lost.length === 0) continue;
    const { namespace, name } = nameOf((next.get(key) ?? old.get(key))!);
    endpoints.push({ ...(namespace ? { namespace } : {}), name, added: gained, removed: lost });
  }
  return {
    objects: { added: added.sort(byName), removed: removed.sort(byName), modified: modified.sort(byName) },
    endpoints,
    dns: { added: rowsMissing(after.dns, before.dns), removed: rowsMissing(before.dns, after.dns) },
  };
}

/** True when nothing changed. */
export function isEmptyDiff(diff: StateDiff): boolean {
  return diff.objects.added.length + diff.objects.removed.length + diff.objects.modified.length + diff.endpoints.length + diff.dns.added.length + diff.dns.removed.length === 0;
}
