/**
 * Pixel sizes for PNG exports: the element's CSS size times the scale (2× for crisp slides),
 * reduced when the result would pass what a canvas can hold.
 */

/** Chromium's largest canvas: 32,767 px a side and 268,435,456 px in all (Skia's limits). */
export const MAX_CANVAS_SIDE = 32_767;
export const MAX_CANVAS_AREA = 268_435_456;

export interface PngSize {
  width: number;
  height: number;
  /** The scale actually used (lower than asked only when the canvas limits require it). */
  scale: number;
}

export function pngSize(cssWidth: number, cssHeight: number, scale = 2): PngSize {
  const w = Math.max(1, Number.isFinite(cssWidth) ? cssWidth : 1);
  const h = Math.max(1, Number.isFinite(cssHeight) ? cssHeight : 1);
  const fit = Math.min(scale, MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h, Math.sqrt(MAX_CANVAS_AREA / (w * h)));
  return { width: Math.max(1, Math.round(w * fit)), height: Math.max(1, Math.round(h * fit)), scale: fit };
}
