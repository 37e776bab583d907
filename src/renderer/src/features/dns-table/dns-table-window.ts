/**
 * Windowing for large DNS tables (pure): past VIRTUAL_THRESHOLD rows the table draws only the rows
 * in view (plus a margin), each of one fixed height, with spacers standing in for the rest. Zones
 * stay visible as heading rows of the same height in one flat list.
 */
import type { DnsViewRow, DnsZoneGroup } from './dns-table-model';

/** Rows past which the table is windowed (a 1,000-pod cluster has ~2,300; 10,000 pods ~22,000). */
export const VIRTUAL_THRESHOLD = 2000;
/** Height of every row and zone heading in the windowed table, CSS pixels. */
export const ROW_HEIGHT = 24;
/** Rows drawn beyond each edge of the view, so scrolling and arrow keys find rows already there. */
export const OVERSCAN = 12;

export type WindowItem = { kind: 'zone'; key: string; group: DnsZoneGroup } | { kind: 'row'; key: string; row: DnsViewRow; zone: string };

/** The groups as one list: each zone's heading, then its rows. */
export function flattenGroups(groups: readonly DnsZoneGroup[]): WindowItem[] {
  const out: WindowItem[] = [];
  for (const g of groups) {
    out.push({ kind: 'zone', key: `zone:${g.zone}`, group: g });
    for (const row of g.rows) out.push({ kind: 'row', key: row.key, row, zone: g.zone });
  }
  return out;
}

export interface WindowRange {
  /** First item drawn. */
  start: number;
  /** One past the last item drawn. */
  end: number;
  /** Spacer heights above and below the drawn items. */
  before: number;
  after: number;
}

/** Which of `count` items of `itemHeight` to draw for a view of `viewport` px scrolled to `scrollTop`. */
export function windowRange(scrollTop: number, viewport: number, count: number, itemHeight = ROW_HEIGHT, overscan = OVERSCAN): WindowRange {
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, count * itemHeight - viewport)));
  const first = Math.floor(top / itemHeight);
  const visible = Math.ceil(Math.max(viewport, 0) / itemHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, before: start * itemHeight, after: (count - end) * itemHeight };
}

/** The scrollTop that brings item `index` into a view of `viewport` px (unchanged when it is already in view). */
export function scrollToShow(index: number, scrollTop: number, viewport: number, itemHeight = ROW_HEIGHT): number {
  const top = index * itemHeight;
  if (top < scrollTop) return top;
  if (top + itemHeight > scrollTop + viewport) return top + itemHeight - viewport;
  return scrollTop;
}
