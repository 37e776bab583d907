/**
 * CSS `unicode-range` values (CSS Fonts 4 §4.5: `U+26`, `U+0-7F`, `U+4??` wildcards) as code point
 * intervals, so an export can tell which split font files its text needs.
 */

/** An inclusive [first, last] code point interval. */
export type CodePointRange = readonly [number, number];

/** Parses `U+0-7f,U+ac00-d7a3,U+4??`; a malformed part is skipped (the browser drops it too). */
export function parseUnicodeRange(text: string): CodePointRange[] {
  const ranges: CodePointRange[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim().toUpperCase();
    const match = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/.exec(part);
    if (!match) continue;
    const [, start, end] = match;
    if (start.includes('?')) {
      // Wildcards stand for every hex digit: U+4?? is U+400-4FF.
      if (end !== undefined || !/^[0-9A-F]*\?+$/.test(start)) continue;
      ranges.push([parseInt(start.replace(/\?/g, '0'), 16), parseInt(start.replace(/\?/g, 'F'), 16)]);
    } else {
      const first = parseInt(start, 16);
      const last = end === undefined ? first : parseInt(end, 16);
      if (last >= first) ranges.push([first, last]);
    }
  }
  return ranges;
}

/** True when `codePoint` lies in one of `ranges`. */
export function rangesCover(ranges: readonly CodePointRange[], codePoint: number): boolean {
  return ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}
