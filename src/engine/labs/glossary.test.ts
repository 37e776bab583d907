/**
 * The labs speak one vocabulary (resources/labs/glossary.yaml): no Korean text of a built-in lab
 * — nor a Korean check detail or exported README — uses a variant the glossary says to avoid
 * (포드 for 파드 …), and in each lab the first use of an introduced term carries its English,
 * 파드(Pod), as the chapter's notes write it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Lab, LocalizedText } from '../../shared/lab-types';
import { KIND_KO } from './lab-checks';
import { parseLab } from './parse-lab';
import { exportLabForRealCluster } from './real-cluster-export';

interface Term {
  en: string;
  ko: string;
  introduce?: boolean;
  avoid?: string[];
}

const labsDir = join(import.meta.dirname, '../../../resources/labs');
const glossary = parse(readFileSync(join(labsDir, 'glossary.yaml'), 'utf8')) as { terms: Term[] };
const labIds = readdirSync(labsDir).filter((name) => statSync(join(labsDir, name)).isDirectory()).sort();

function loadLab(id: string): Lab {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(labsDir, id))) if (statSync(join(labsDir, id, name)).isFile()) files[name] = readFileSync(join(labsDir, id, name), 'utf8');
  const parsed = parseLab({ files, id, source: 'built-in' });
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.lab;
}

/** Every text of a lab in reading order, with where it is; `teaching` marks the step texts a learner reads as prose. */
function texts(lab: Lab): { where: string; text: LocalizedText; teaching: boolean }[] {
  const out: { where: string; text: LocalizedText; teaching: boolean }[] = [
    { where: 'title', text: lab.title, teaching: false },
    { where: 'summary', text: lab.summary, teaching: false },
  ];
  for (const step of lab.steps) {
    const at = `steps.${step.id}`;
    out.push({ where: `${at}.title`, text: step.title, teaching: false }, { where: `${at}.text`, text: step.text, teaching: true });
    if (step.predict) {
      out.push({ where: `${at}.predict.question`, text: step.predict.question, teaching: true });
      step.predict.choices.forEach((c, i) => out.push({ where: `${at}.predict.choices[${i}]`, text: c, teaching: true }));
      out.push({ where: `${at}.predict.explain`, text: step.predict.explain, teaching: true });
    }
    (step.commands ?? []).forEach((c, i) => c.note && out.push({ where: `${at}.commands[${i}].note`, text: c.note, teaching: true }));
    if (step.hint) out.push({ where: `${at}.hint`, text: step.hint, teaching: true });
  }
  return out;
}

const avoided = (text: string): string[] => glossary.terms.flatMap((t) => (t.avoid ?? []).filter((a) => text.includes(a)).map((a) => `"${a}" (write "${t.ko}")`));

describe('glossary', () => {
  it('pairs each term once, with both languages', () => {
    expect(glossary.terms.length).toBeGreaterThan(10);
    for (const t of glossary.terms) {
      expect(typeof t.en === 'string' && t.en.length > 0 && typeof t.ko === 'string' && t.ko.length > 0, JSON.stringify(t)).toBe(true);
      for (const a of t.avoid ?? []) expect(a, `${t.ko} avoids itself`).not.toBe(t.ko);
    }
    expect(new Set(glossary.terms.map((t) => t.en)).size).toBe(glossary.terms.length);
    expect(new Set(glossary.terms.map((t) => t.ko)).size).toBe(glossary.terms.length);
  });

  it.each(labIds)('%s: the Korean texts use no avoided variant', (id) => {
    const found = texts(loadLab(id)).flatMap(({ where, text }) => avoided(text.ko).map((a) => `${where}: ${a}`));
    expect(found).toEqual([]);
  });

  it.each(labIds)('%s: an introduced term carries its English at its first use in the steps', (id) => {
    const prose = texts(loadLab(id))
      .filter((t) => t.teaching)
      .map((t) => t.text.ko)
      .join('\n');
    const missing = glossary.terms
      .filter((t) => t.introduce && prose.includes(t.ko))
      .filter((t) => {
        const at = prose.indexOf(t.ko) + t.ko.length;
        return !new RegExp(`^(\\*\\*)?\\(${t.en}\\)`).test(prose.slice(at));
      })
      .map((t) => `${t.ko}(${t.en}) at: …${prose.slice(Math.max(0, prose.indexOf(t.ko) - 20), prose.indexOf(t.ko) + 30)}…`);
    expect(missing).toEqual([]);
  });

  it.each(labIds)('%s: the exported Korean README uses no avoided variant', (id) => {
    expect(avoided(exportLabForRealCluster(loadLab(id))['README.ko.md'])).toEqual([]);
  });

  it('names kinds in Korean check details as the glossary does', () => {
    const byEn = new Map(glossary.terms.map((t) => [t.en, t.ko]));
    for (const [kind, ko] of Object.entries(KIND_KO)) expect(byEn.get(kind) ?? byEn.get(kind.toLowerCase()), kind).toBe(ko);
  });
});
