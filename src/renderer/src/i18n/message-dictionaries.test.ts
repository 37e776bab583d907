/**
 * Every feature's `*-messages.ts` dictionary, found by glob (a new feature's dictionary is checked
 * without touching this file): Korean and English have the same keys, no text is empty, and the
 * `{placeholders}` of each key agree, so switching language never loses a value or shows a raw key.
 */
import { describe, expect, it } from 'vitest';
import type { Dictionary } from './i18n.svelte';

const modules = import.meta.glob<Record<string, unknown>>('../**/*-messages.ts', { eager: true });

const isDictionary = (value: unknown): value is Dictionary => typeof value === 'object' && value !== null && 'ko' in value && 'en' in value;

const dictionaries = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isDictionary(value))
    .map(([name, value]) => ({ name: `${file.replace(/^\.\.?\//, '')} ${name}`, dict: value as Dictionary })),
);

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message dictionaries', () => {
  it('finds the dictionaries of every feature', () => {
    const files = dictionaries.map((d) => d.name.split(' ')[0].split('/').at(-1));
    expect(files).toEqual(expect.arrayContaining(['app-messages.ts', 'editor-messages.ts', 'terminal-messages.ts', 'topology-messages.ts', 'dns-table-messages.ts']));
  });

  it.each(dictionaries)('$name: the same keys in ko and en', ({ dict }) => {
    expect(Object.keys(dict.en).sort()).toEqual(Object.keys(dict.ko).sort());
  });

  it.each(dictionaries)('$name: no empty text', ({ dict }) => {
    const empty = [...Object.entries(dict.ko), ...Object.entries(dict.en)].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(dictionaries)('$name: the same placeholders in ko and en', ({ dict }) => {
    const differing = Object.keys(dict.ko).filter((key) => key in dict.en && placeholders(dict.ko[key]).join() !== placeholders(dict.en[key]).join());
    expect(differing).toEqual([]);
  });
});
