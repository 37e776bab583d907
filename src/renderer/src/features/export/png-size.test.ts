import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, pngSize } from './png-size';

describe('PNG size math', () => {
  it.each([
    { name: 'a panel at 2×', css: [800, 600], scale: 2, expected: { width: 1600, height: 1200, scale: 2 } },
    { name: 'fractional CSS sizes, rounded', css: [640.5, 480.25], scale: 2, expected: { width: 1281, height: 961, scale: 2 } },
    { name: 'a scale of 1', css: [100, 50], scale: 1, expected: { width: 100, height: 50, scale: 1 } },
    { name: 'an empty element (one pixel, not zero)', css: [0, 0], scale: 2, expected: { width: 2, height: 2, scale: 2 } },
    { name: 'NaN from a detached element', css: [Number.NaN, 10], scale: 2, expected: { width: 2, height: 20, scale: 2 } },
  ])('$name', ({ css, scale, expected }) => {
    expect(pngSize(css[0], css[1], scale)).toEqual(expected);
  });

  it.each([
    { name: 'too wide', css: [20_000, 100] },
    { name: 'too large in area', css: [15_000, 15_000] },
  ])('lowers the scale when the canvas would be $name', ({ css }) => {
    const size = pngSize(css[0], css[1], 2);
    expect(size.scale).toBeLessThan(2);
    expect(size.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_AREA * 1.001);
    expect(size.width / size.height).toBeCloseTo(css[0] / css[1], 0);
  });
});
