/**
 * The @font-face CSS an export embeds: the bundled Noto Sans KR files its text needs, as data:
 * URLs. The files come from the app bundle (Vite `?inline` chunks, loaded only when an export asks
 * for them), never from the network — and not through fetch(), which Electron refuses for file://.
 */
import unicodeTable from '@fontsource-variable/noto-sans-kr/unicode.json';
import { fontFaceRule, selectSubsets, subsetsFromUnicodeJson } from './font-subsets';

/** The family name the app's stylesheet (theme.css `--font`, `--mono`) uses. */
export const EMBEDDED_FAMILY = 'Noto Sans KR Variable';

const SUBSETS = subsetsFromUnicodeJson(unicodeTable as Record<string, string>);

// One lazy chunk per woff2 file, each holding its data: URL.
const FILES = import.meta.glob<string>('../../../../../node_modules/@fontsource-variable/noto-sans-kr/files/noto-sans-kr-*-wght-normal.woff2', { query: '?inline', import: 'default' });
const byName = new Map(Object.entries(FILES).map(([path, load]) => [/noto-sans-kr-([a-z0-9-]+)-wght-normal\.woff2$/.exec(path)?.[1], load]));

/** @font-face rules for the subsets covering `text`; empty when none is needed or bundled. */
export async function embeddedFontCss(text: string): Promise<string> {
  const needed = selectSubsets(text, SUBSETS).filter((s) => byName.has(s.name));
  const urls = await Promise.all(needed.map((s) => byName.get(s.name)!()));
  return needed.map((s, i) => fontFaceRule(EMBEDDED_FAMILY, urls[i], s.unicodeRange)).join('\n');
}

/** How many split files the bundle holds (0 would mean the glob above found nothing). */
export const bundledSubsetCount = byName.size;
