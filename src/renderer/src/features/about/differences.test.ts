import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFFERENCES } from './differences';

/** The items of the engine README's "Deliberately not modelled" section, by their leading words. */
function readmeTopics(): string[] {
  const readme = readFileSync(join(import.meta.dirname, '../../../../engine/README.md'), 'utf8');
  const section = readme.split('## Deliberately not modelled, or modelled differently')[1].split('\n## ')[0];
  return [...section.matchAll(/^- (?:\*\*)?([^*,]+?)(?:\*\*|,)/gm)].map((m) => m[1].trim());
}

describe('the differences shown in Help ▸ About', () => {
  it('cover every item of the engine README, in its order', () => {
    expect(DIFFERENCES.map((d) => d.topic)).toEqual(readmeTopics());
  });

  it.each(DIFFERENCES.map((d) => [d.topic, d] as const))('%s is written in Korean and English', (_, d) => {
    for (const text of [d.title, d.text]) {
      expect(text.ko.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
    }
    expect(d.text.ko).toMatch(/[가-힣]/);
  });
});
