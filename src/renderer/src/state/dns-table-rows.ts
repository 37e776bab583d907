/**
 * The renderer's copy of the DNS table, kept by applying the engine's row diffs (pure). Rows stay
 * in the engine's order — forward zone first, then in-addr.arpa, ip6.arpa; within a zone DNS
 * canonical order (RFC 4034 §6.1: labels compared right to left), then type, then data — as
 * src/engine/dns/xfr.ts sorts `dnsTable()`, so snapshot + diffs read exactly as a fresh table.
 */
import type { DnsTableRow } from '../../../shared/dns-types';
import type { DnsTableDiff } from '../../../shared/engine-protocol';

/** A row's whole content (as the engine's dns-table-diff keys it). */
export function dnsRowKey(r: DnsTableRow): string {
  const o = r.owner;
  return `${r.zone}|${r.name}|${r.type}|${r.ttl}|${r.data}|${o ? `${o.kind}/${o.namespace ?? ''}/${o.name}` : ''}`;
}

const TYPE_ORDER: Record<string, number> = { SOA: 0, NS: 1, A: 2, AAAA: 3, CNAME: 4, SRV: 5, PTR: 6, TXT: 7, MX: 8, ANY: 9 };

/** dnsutil.IsReverse: 1 for in-addr.arpa, 2 for ip6.arpa, 0 otherwise. */
function zoneRank(zone: string): number {
  const z = zone.toLowerCase();
  return z.endsWith('in-addr.arpa.') ? 1 : z.endsWith('ip6.arpa.') ? 2 : 0;
}

const canonicalName = (name: string): string => name.toLowerCase().split('.').reverse().join('\u0000');

/** The engine's table order (xfr.ts `DnsTable.rows`). */
export function compareDnsRows(a: DnsTableRow, b: DnsTableRow): number {
  if (a.zone !== b.zone) return zoneRank(a.zone) - zoneRank(b.zone) || (a.zone < b.zone ? -1 : 1);
  const ka = canonicalName(a.name), kb = canonicalName(b.name);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const ta = TYPE_ORDER[a.type] ?? 99, tb = TYPE_ORDER[b.type] ?? 99;
  if (ta !== tb) return ta - tb;
  return a.data < b.data ? -1 : a.data > b.data ? 1 : 0;
}

/** Past this many added rows, sorting the whole table beats inserting one by one. */
const BULK = 256;

/**
 * The table after a diff: removed rows (by content, one per occurrence) leave, added rows go in at
 * their place. Unchanged rows keep their object identity, so keyed views redraw only what changed.
 */
export function applyDnsDiff(rows: readonly DnsTableRow[], diff: DnsTableDiff): DnsTableRow[] {
  let next: DnsTableRow[];
  if (diff.removed.length === 0) next = [...rows];
  else {
    const gone = new Map<string, number>();
    for (const r of diff.removed) gone.set(dnsRowKey(r), (gone.get(dnsRowKey(r)) ?? 0) + 1);
    next = rows.filter((r) => {
      const k = dnsRowKey(r);
      const n = gone.get(k);
      if (!n) return true;
      gone.set(k, n - 1);
      return false;
    });
  }
  if (diff.added.length > BULK) {
    const keys = new Map<DnsTableRow, string>();
    const key = (r: DnsTableRow): string => {
      let k = keys.get(r);
      if (k === undefined) keys.set(r, (k = canonicalName(r.name)));
      return k;
    };
    next.push(...diff.added);
    // Same order as compareDnsRows, with each row's canonical name computed once.
    return next.sort((a, b) => {
      if (a.zone !== b.zone) return zoneRank(a.zone) - zoneRank(b.zone) || (a.zone < b.zone ? -1 : 1);
      const ka = key(a), kb = key(b);
      if (ka !== kb) return ka < kb ? -1 : 1;
      const ta = TYPE_ORDER[a.type] ?? 99, tb = TYPE_ORDER[b.type] ?? 99;
      if (ta !== tb) return ta - tb;
      return a.data < b.data ? -1 : a.data > b.data ? 1 : 0;
    });
  }
  for (const r of diff.added) {
    // After every equal row: Array.prototype.sort is stable, so equal rows keep arrival order.
    let lo = 0, hi = next.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareDnsRows(next[mid], r) <= 0) lo = mid + 1;
      else hi = mid;
    }
    next.splice(lo, 0, r);
  }
  return next;
}
