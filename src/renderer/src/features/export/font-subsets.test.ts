import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontFaceRule, selectSubsets, subsetsFromUnicodeJson } from './font-subsets';

// The real table the app bundles: the choice must hold for the font files that ship.
const table = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@fontsource-variable/noto-sans-kr/unicode.json'), 'utf8')) as Record<string, string>;
const subsets = subsetsFromUnicodeJson(table);
const covers = (text: string) => (s: (typeof subsets)[number]) => [...text].every((ch) => s.ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b));

describe('font subset selection by unicode-range', () => {
  it('reads every file of the bundled table, and each names a file that ships', () => {
    expect(subsets.length).toBe(Object.keys(table).length);
    const dir = createRequire(import.meta.url).resolve('@fontsource-variable/noto-sans-kr/unicode.json').replace(/unicode\.json$/, 'files/');
    for (const s of subsets) expect(existsSync(`${dir}noto-sans-kr-${s.name}-wght-normal.woff2`), s.name).toBe(true);
  });

  it('takes, for a character several files cover, the one declared last (as the browser does)', () => {
    const chosen = selectSubsets('A', subsets);
    expect(chosen.map((s) => s.name)).toEqual(['latin']);
  });

  it.each([
    { name: 'ASCII names', text: 'headless1 10.96.0.10' },
    { name: 'Korean UI text', text: '파드 3개 대기 중' },
    { name: 'mixed', text: 'Service headless1 — 엔드포인트 없음' },
  ])('$name: every character is covered, by a few files only', ({ text }) => {
    const chosen = selectSubsets(text, subsets);
    for (const ch of text) expect(chosen.some(covers(ch)), `U+${ch.codePointAt(0)!.toString(16)} ${ch}`).toBe(true);
    expect(chosen.length).toBeLessThan(subsets.length / 4);
  });

  it('chooses only the Latin file for ASCII text', () => {
    expect(selectSubsets('kubectl get pods -o wide', subsets).map((s) => s.name)).toEqual(['latin']);
  });

  it('chooses nothing for empty text', () => {
    expect(selectSubsets('', subsets)).toEqual([]);
  });

  it('names numbered and named subsets by their file names', () => {
    expect(subsetsFromUnicodeJson({ '[3]': 'U+41', latin: 'U+0-7F' }).map((s) => s.name)).toEqual(['3', 'latin']);
  });

  it('writes an @font-face rule with the data URL and the range', () => {
    const rule = fontFaceRule('Noto Sans KR Variable', 'data:font/woff2;base64,AAAA', 'U+ac00-d7a3');
    expect(rule).toContain("font-family:'Noto Sans KR Variable'");
    expect(rule).toContain("src:url(data:font/woff2;base64,AAAA) format('woff2')");
    expect(rule).toContain('unicode-range:U+ac00-d7a3');
    expect(rule).toContain('font-weight:100 900');
  });
});
