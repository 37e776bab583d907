/**
 * For tests: how the two languages of one problem text disagree. They must say the same thing
 * about the same values — every `{placeholder}` and every "quoted" value (keys, ids, file names)
 * appears in both — and neither may be empty, and the Korean must be Korean (not a copied English).
 */

import type { LocalizedText } from '../../../shared/lab-types';

const placeholders = (text: string): string => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(' ');
const quoted = (text: string): string => [...text.matchAll(/"[^"]*"/g)].map((m) => m[0]).sort().join(' ');
const HANGUL = /[\uac00-\ud7a3]/;

/** Each disagreement as a sentence; none: the texts agree. */
export function bilingualMismatches(text: LocalizedText): string[] {
  const out: string[] = [];
  if (!text.en.trim()) out.push('en is empty');
  if (!text.ko.trim()) out.push('ko is empty');
  else if (!HANGUL.test(text.ko)) out.push(`ko is not Korean: ${text.ko}`);
  if (placeholders(text.ko) !== placeholders(text.en)) out.push(`placeholders differ: ko {${placeholders(text.ko)}} en {${placeholders(text.en)}}`);
  if (quoted(text.ko) !== quoted(text.en)) out.push(`quoted values differ: ko ${quoted(text.ko)} en ${quoted(text.en)}`);
  return out;
}
