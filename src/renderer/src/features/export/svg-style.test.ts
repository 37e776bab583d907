import { describe, expect, it } from 'vitest';
import { inlineStyle, matrixAttribute } from './svg-style';

const lookup = (values: Record<string, string>) => (p: string) => values[p] ?? '';

describe('inline styles of an exported SVG element', () => {
  it('writes a root element’s inherited values in full, colours as rgb()', () => {
    const style = inlineStyle(lookup({ fill: 'color(srgb 1 1 1)', 'font-family': '"Noto Sans KR Variable", sans-serif', 'font-size': '13px' }), undefined);
    expect(style).toContain('fill:rgb(255, 255, 255)');
    expect(style).toContain('font-family:"Noto Sans KR Variable", sans-serif');
    expect(style).toContain('font-size:13px');
  });

  it('leaves out what a child inherits unchanged, keeps what differs', () => {
    const parent = lookup({ fill: 'rgb(0, 0, 0)', 'font-size': '13px', 'font-weight': '400' });
    const child = lookup({ fill: 'rgb(0, 0, 0)', 'font-size': '11px', 'font-weight': '400' });
    expect(inlineStyle(child, parent)).toBe('font-size:11px');
  });

  it.each<{ name: string; values: Record<string, string>; expected: string }>([
    { name: 'an opacity below 1', values: { opacity: '0.35' }, expected: 'opacity:0.35' },
    { name: 'an opacity of 1 (initial, left out)', values: { opacity: '1' }, expected: '' },
    { name: 'display block on a <g> (as good as inline in SVG)', values: { display: 'block' }, expected: '' },
  ])('own property: $name', ({ values, expected }) => {
    expect(inlineStyle(lookup(values), lookup({}))).toBe(expected);
  });

  it.each([
    { name: 'identity', m: { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }, expected: undefined },
    { name: 'a translation', m: { a: 1, b: 0, c: 0, d: 1, e: 12.5, f: -3 }, expected: 'matrix(1 0 0 1 12.5 -3)' },
    { name: 'a scale, rounded', m: { a: 0.333333333, b: 0, c: 0, d: 0.333333333, e: 0, f: 0 }, expected: 'matrix(0.3333 0 0 0.3333 0 0)' },
  ])('transform attribute for $name', ({ m, expected }) => {
    expect(matrixAttribute(m)).toBe(expected);
  });
});
