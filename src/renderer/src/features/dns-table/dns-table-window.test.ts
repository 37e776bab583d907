import { describe, expect, it } from 'vitest';
import type { DnsViewRow, DnsZoneGroup } from './dns-table-model';
import { flattenGroups, scrollToShow, windowRange, type WindowRange } from './dns-table-window';

describe('DNS table windowing', () => {
  it.each<[string, [scrollTop: number, viewport: number, count: number, itemHeight: number, overscan: number], WindowRange]>([
    ['top of a long list: the view plus the margin below', [0, 240, 5000, 24, 5], { start: 0, end: 16, before: 0, after: (5000 - 16) * 24 }],
    ['scrolled to the middle: margins on both sides', [24 * 1000, 240, 5000, 24, 5], { start: 995, end: 1016, before: 995 * 24, after: (5000 - 1016) * 24 }],
    ['part-way into a row: that row is drawn', [24 * 10 + 7, 240, 5000, 24, 0], { start: 10, end: 21, before: 240, after: (5000 - 21) * 24 }],
    ['scrolled to the end: the last rows, nothing below', [24 * 5000, 240, 5000, 24, 5], { start: 4985, end: 5000, before: 4985 * 24, after: 0 }],
    ['shorter than the view: every row', [0, 1000, 10, 24, 5], { start: 0, end: 10, before: 0, after: 0 }],
    ['empty', [0, 500, 0, 24, 5], { start: 0, end: 0, before: 0, after: 0 }],
    ['a scrollTop past the end (rows just removed) clamps', [1e9, 240, 100, 24, 2], { start: 88, end: 100, before: 88 * 24, after: 0 }],
  ])('%s', (_name, args, expected) => {
    expect(windowRange(...args)).toEqual(expected);
  });

  it('keeps the total height constant wherever it is scrolled', () => {
    for (let top = 0; top < 24 * 3000; top += 997) {
      const r = windowRange(top, 600, 3000, 24, 10);
      expect(r.before + (r.end - r.start) * 24 + r.after).toBe(3000 * 24);
    }
  });

  it.each([
    ['above the view: scrolls up to it', 5, 240, 200, 120],
    ['below the view: scrolls until its bottom shows', 30, 0, 240, 30 * 24 + 24 - 240],
    ['in view: stays put', 3, 0, 240, 0],
  ])('scrollToShow, %s', (_name, index, top, viewport, expected) => {
    expect(scrollToShow(index, top, viewport, 24)).toBe(expected);
  });

  it('flattens zones into a heading followed by its rows', () => {
    const row = (name: string, zone: string): DnsViewRow => ({ key: `${zone}|${name}`, name, type: 'A', ttl: 30, data: '10.0.0.1', zone });
    const groups: DnsZoneGroup[] = [
      { zone: 'cluster.local.', rows: [row('a.', 'cluster.local.'), row('b.', 'cluster.local.')] },
      { zone: 'in-addr.arpa.', rows: [row('1.', 'in-addr.arpa.')] },
    ];
    expect(flattenGroups(groups).map((i) => `${i.kind}:${i.key}`)).toEqual(['zone:zone:cluster.local.', 'row:cluster.local.|a.', 'row:cluster.local.|b.', 'zone:zone:in-addr.arpa.', 'row:in-addr.arpa.|1.']);
  });
});
