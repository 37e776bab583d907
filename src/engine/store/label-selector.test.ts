import { describe, expect, it } from 'vitest';
import { matches, matchesMap, parseSelector } from './label-selector';

type Case = { name?: string; text?: string; selector?: Record<string, string>; labels: Record<string, string> | undefined; expected: boolean };

describe('label selectors', () => {
  it.each<Case>([
    { name: 'all keys present and equal', selector: { svc: 'headless' }, labels: { svc: 'headless', extra: 'x' }, expected: true },
    { name: 'value differs', selector: { svc: 'headless' }, labels: { svc: 'endpoint' }, expected: false },
    { name: 'key missing', selector: { svc: 'headless', app: 'a' }, labels: { svc: 'headless' }, expected: false },
    { name: 'no labels at all', selector: { svc: 'headless' }, labels: undefined, expected: false },
    { name: 'value case matters', selector: { svc: 'Headless' }, labels: { svc: 'headless' }, expected: false },
  ])('map selector: $name', ({ selector, labels, expected }) => {
    expect(matchesMap(selector!, labels)).toBe(expected);
  });

  it.each<Case>([
    { text: 'svc=headless', labels: { svc: 'headless' }, expected: true },
    { text: 'svc==headless', labels: { svc: 'headless' }, expected: true },
    { text: 'svc!=headless', labels: { svc: 'endpoint' }, expected: true },
    { text: 'svc!=headless', labels: {}, expected: true },
    { text: 'svc', labels: { svc: '' }, expected: true },
    { text: '!svc', labels: { svc: 'x' }, expected: false },
    { text: 'env in (prod, dev),tier notin (db)', labels: { env: 'dev', tier: 'web' }, expected: true },
    { text: 'env in (prod, dev),tier notin (db)', labels: { env: 'dev', tier: 'db' }, expected: false },
    { text: 'a=b,c=d', labels: { a: 'b' }, expected: false },
  ])('kubectl -l "$text"', ({ text, labels, expected }) => {
    const selector = parseSelector(text!);
    if ('error' in selector) throw new Error(selector.error);
    expect(matches(selector, labels)).toBe(expected);
  });

  it.each(['a=b,,c=d', 'a b c', 'a=(b)'])('rejects malformed "%s" with an error', (text) => {
    expect(parseSelector(text)).toHaveProperty('error');
  });
});
