import { describe, expect, it } from 'vitest';
import { plainColor } from './css-color';

describe('colours written as plain rgb()', () => {
  it.each([
    { name: 'an opaque srgb colour', input: 'color(srgb 0.5 0.25 1)', expected: 'rgb(128, 64, 255)' },
    { name: 'with alpha', input: 'color(srgb 1 0 0 / 0.5)', expected: 'rgba(255, 0, 0, 0.5)' },
    { name: 'with a percentage alpha', input: 'color(srgb 0 0 0 / 25%)', expected: 'rgba(0, 0, 0, 0.25)' },
    { name: 'out-of-gamut channels, clamped', input: 'color(srgb 1.2 -0.1 0.5)', expected: 'rgb(255, 0, 128)' },
    { name: 'rgb() left alone', input: 'rgb(1, 2, 3)', expected: 'rgb(1, 2, 3)' },
    { name: 'a keyword left alone', input: 'none', expected: 'none' },
    { name: 'inside a longer value', input: 'url(#m) color(srgb 0 1 0)', expected: 'url(#m) rgb(0, 255, 0)' },
  ])('$name', ({ input, expected }) => {
    expect(plainColor(input)).toBe(expected);
  });
});
