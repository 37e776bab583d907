/**
 * The DNS table's pure model: rows keyed and grouped by zone, filtered, compared with the previous
 * table (what the last apply changed), and the world's zones (internal
 * network and internet) turned into the same row shape. No Svelte, no DOM: unit-tested.
 */
import type { DnsTableRow } from '../../../../shared/dns-types';
import type { World, WorldHost } from '../../../../engine/world/world';

/** A row as the table shows it: the record, a stable key, and the owner's selection key. */
export interface DnsViewRow {
  key: string;
  name: string;
  type: string;
  ttl: number;
  data: string;
  zone: string;
  /** `Kind/namespace/name` (Selection's key), absent for records no object owns (SOA, NS, world zones). */
  ownerKey?: string;
  /** `Pod default/pod4`, as the owner column prints it. */
  ownerLabel?: string;
}

export interface DnsZoneGroup {
  zone: string;
  /** Where this zone is served (world tab): `ns.lab.internal 192.168.0.2`. */
  server?: string;
  rows: DnsViewRow[];
}

export type RowChange = 'added' | 'changed';

/** The owner's key, spelt as `objectKey` in cluster-state (`Kind/namespace/name`). */
export function ownerKey(owner: DnsTableRow['owner']): string | undefined {
  return owner ? `${owner.kind}/${owner.namespace ?? ''}/${owner.name}` : undefined;
}

function ownerLabel(owner: DnsTableRow['owner']): string | undefined {
  return owner ? `${owner.kind} ${owner.namespace ? `${owner.namespace}/` : ''}${owner.name}` : undefined;
}

/**
 * Keys rows by their whole record. Identical records can legitimately repeat (kube-dns has two
 * port-53 SRV records, UDP and TCP), so repeats get an occurrence suffix to stay unique.
 */
export function toViewRows(rows: readonly DnsTableRow[]): DnsViewRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = `${r.zone}|${r.name}|${r.type}|${r.ttl}|${r.data}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: n ? `${base}#${n}` : base, name: r.name, type: r.type, ttl: r.ttl, data: r.data, zone: r.zone, ownerKey: ownerKey(r.owner), ownerLabel: ownerLabel(r.owner) };
  });
}

/** Zones the cluster DNS serves come first in this order; any other zone follows alphabetically. */
const ZONE_ORDER = ['cluster.local.', 'in-addr.arpa.', 'ip6.arpa.'];

function zoneRank(zone: string): number {
  const i = ZONE_ORDER.findIndex((z) => zone === z || zone.endsWith(`.${z}`));
  return i < 0 ? ZONE_ORDER.length : i;
}

/** Groups rows by zone (cluster.local, in-addr.arpa, ip6.arpa, then others), keeping row order within a zone. */
export function groupByZone(rows: readonly DnsViewRow[]): DnsZoneGroup[] {
  const groups = new Map<string, DnsViewRow[]>();
  for (const r of rows) {
    const list = groups.get(r.zone);
    if (list) list.push(r);
    else groups.set(r.zone, [r]);
  }
  return [...groups].map(([zone, list]) => ({ zone, rows: list })).sort((a, b) => zoneRank(a.zone) - zoneRank(b.zone) || a.zone.localeCompare(b.zone));
}

/**
 * Keeps rows whose name, data or owner contains every word of the query (case-insensitive).
 * A trailing dot is optional: `headless1.default` matches `headless1.default.svc.cluster.local.`.
 */
export function filterRows(rows: readonly DnsViewRow[], query: string): DnsViewRow[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = `${r.name} ${r.data} ${r.ownerLabel ?? ''} ${r.ownerKey ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/**
 * What changed from `prev` to `next`: a new record is `changed` when it replaces one of the same
 * name and type that is gone (its data or TTL moved), `added` otherwise (a new name, or one more
 * address of a headless Service). Removed rows are gone from the table: nothing to flash.
 */
export function diffRows(prev: readonly DnsViewRow[], next: readonly DnsViewRow[]): Map<string, RowChange> {
  const prevKeys = new Set(prev.map((r) => r.key));
  const nextKeys = new Set(next.map((r) => r.key));
  const replaced = new Set(prev.filter((r) => !nextKeys.has(r.key)).map((r) => `${r.name}|${r.type}`));
  const out = new Map<string, RowChange>();
  for (const r of next) if (!prevKeys.has(r.key)) out.set(r.key, replaced.has(`${r.name}|${r.type}`) ? 'changed' : 'added');
  return out;
}

/**
 * Remembers the previous table so each new one can be compared with it. Memoized on the array
 * identity, so a reactive `$derived` re-reading the same table gets the same answer; the first
 * table (the snapshot) flashes nothing. `generation` counts tables that brought changes.
 */
export class RowChangeTracker {
  #input: readonly DnsTableRow[] | undefined;
  #rows: DnsViewRow[] = [];
  #changes = new Map<string, RowChange>();
  #generation = 0;
  /** View rows by engine row: a row that stays in the table keeps its view object (keyed views skip it). */
  #views = new WeakMap<DnsTableRow, DnsViewRow>();

  update(input: readonly DnsTableRow[]): { rows: DnsViewRow[]; changes: ReadonlyMap<string, RowChange>; generation: number } {
    if (input !== this.#input) {
      const rows = toViewRows(input);
      for (let i = 0; i < rows.length; i++) {
        const prev = this.#views.get(input[i]);
        if (prev && prev.key === rows[i].key) rows[i] = prev;
        else this.#views.set(input[i], rows[i]);
      }
      this.#changes = this.#input === undefined ? new Map() : diffRows(this.#rows, rows);
      if (this.#changes.size > 0) this.#generation++;
      this.#input = input;
      this.#rows = rows;
    }
    return { rows: this.#rows, changes: this.#changes, generation: this.#generation };
  }
}

const fqdn = (name: string): string => (name.endsWith('.') ? name : `${name}.`);
const serverLabel = (h: WorldHost): string => `${h.name} ${h.ipv4.join(', ')}`;

function hostRows(zone: string, hosts: readonly WorldHost[], ttl: number): Omit<DnsViewRow, 'key'>[] {
  return hosts.flatMap((h) => [
    ...h.ipv4.map((ip) => ({ name: fqdn(h.name), type: 'A', ttl, data: ip, zone })),
    ...(h.ipv6 ?? []).map((ip) => ({ name: fqdn(h.name), type: 'AAAA', ttl, data: ip, zone })),
  ]);
}

function keyed(rows: Omit<DnsViewRow, 'key'>[]): DnsViewRow[] {
  return toViewRows(rows.map((r) => ({ ...r, type: r.type as DnsTableRow['type'] })));
}

/**
 * The zones outside the cluster, read-only: the internal network's zone (its DNS server answers
 * its hosts) and each internet zone (NS records, then the records it serves), parents first.
 */
export function worldGroups(world: World, ttl = 3600): DnsZoneGroup[] {
  const internal = world.internal;
  const zone = fqdn(internal.domain);
  const internalHosts = [internal.router, internal.dns, ...internal.nodes, ...internal.pcs];
  const groups: DnsZoneGroup[] = [
    { zone, server: serverLabel(internal.dns), rows: keyed([{ name: zone, type: 'NS', ttl, data: fqdn(internal.dns.name), zone }, ...hostRows(zone, internalHosts, ttl)]) },
  ];
  for (const z of world.internet.zones) {
    const apex = fqdn(z.zone);
    const rows = [
      ...z.nameservers.map((ns) => ({ name: apex, type: 'NS', ttl: 172800, data: fqdn(ns.name), zone: apex })),
      ...z.records.map((r) => ({ name: fqdn(r.name), type: r.type, ttl: r.ttl, data: r.data, zone: apex })),
    ];
    groups.push({ zone: apex, server: z.nameservers.map(serverLabel).join(' · '), rows: keyed(rows) });
  }
  return groups;
}
