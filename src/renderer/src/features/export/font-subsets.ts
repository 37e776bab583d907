/**
 * Which of the bundled Noto Sans KR files an export needs. @fontsource splits the font into 124
 * woff2 files by unicode-range (the way Google Fonts serves CJK); embedding all of them would put
 * 3.7 MB in every SVG, so only the files the browser would use for the exported text go in.
 */
import { parseUnicodeRange, rangesCover, type CodePointRange } from './unicode-range';

/** One split file of the variable font: its name in @fontsource's unicode.json and its range. */
export interface FontSubset {
  /** `12` for `[12]`, or a named subset (`latin`, `latin-ext` …): the file is `noto-sans-kr-<name>-wght-normal.woff2`. */
  name: string;
  unicodeRange: string;
  ranges: CodePointRange[];
}

/** The subsets listed by @fontsource's unicode.json, in its (= the stylesheet's) order. */
export function subsetsFromUnicodeJson(table: Record<string, string>): FontSubset[] {
  return Object.entries(table).map(([key, unicodeRange]) => ({ name: key.replace(/^\[(\d+)\]$/, '$1'), unicodeRange, ranges: parseUnicodeRange(unicodeRange) }));
}

/**
 * The subsets the browser would load for `text`. Ranges overlap (the commonest Korean file also
 * holds ASCII), and for a character several faces cover, the face declared last is tried first
 * (CSS Fonts 4 §4.5, "unicode-range"): so each character takes the last subset covering it.
 */
export function selectSubsets(text: string, subsets: readonly FontSubset[]): FontSubset[] {
  const chosen = new Set<FontSubset>();
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (seen.has(cp)) continue;
    seen.add(cp);
    for (let i = subsets.length - 1; i >= 0; i--) {
      if (!rangesCover(subsets[i].ranges, cp)) continue;
      chosen.add(subsets[i]);
      break;
    }
  }
  return subsets.filter((s) => chosen.has(s));
}

/** An @font-face rule for one embedded subset (`src` a data: URL, so the file needs nothing else). */
export function fontFaceRule(family: string, dataUrl: string, unicodeRange: string): string {
  return `@font-face{font-family:'${family}';font-style:normal;font-weight:100 900;src:url(${dataUrl}) format('woff2');unicode-range:${unicodeRange};}`;
}
