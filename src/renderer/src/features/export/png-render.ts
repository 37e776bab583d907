/**
 * PNG renderings: an SVG document drawn on an offscreen canvas at 2×, a canvas copied at 2×, and
 * HTML panels through html-to-image's SVG (foreignObject) — all with the same embedded fonts.
 */
import { toSvg } from 'html-to-image';
import { embeddedFontCss } from './font-embed';
import { HTML_STYLE_PROPERTIES } from './html-style-properties';
import { pngSize } from './png-size';
import { themedBackground, type Background } from './svg-clone';

function canvasOf(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('canvas 2d context unavailable');
  return { canvas, ctx };
}

function pngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** A cheap fingerprint of the canvas: a sum over a sparse grid of pixels. */
function fingerprint(ctx: CanvasRenderingContext2D, width: number, height: number): number {
  const data = ctx.getImageData(0, 0, width, height).data;
  let hash = 0;
  for (let i = 0; i < data.length; i += 4 * 97) hash = (hash * 31 + data[i] + (data[i + 1] << 8) + (data[i + 2] << 16) + data[i + 3] * 7) | 0;
  return hash;
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Draws `image` until what it shows stops changing. An SVG image loads its embedded @font-face
 * files after `decode()` resolves, and until then Chromium draws text in those fonts as nothing
 * (the font-display block period) — a PNG taken at once would lose every Korean label.
 */
async function drawSettled(ctx: CanvasRenderingContext2D, image: HTMLImageElement, width: number, height: number): Promise<void> {
  let previous: number | undefined;
  let stable = 0;
  for (let attempt = 0; attempt < 40 && stable < 3; attempt++) {
    if (attempt > 0) await pause(60);
    ctx.clearRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    const print = fingerprint(ctx, width, height);
    stable = print === previous ? stable + 1 : 0;
    previous = print;
  }
}

/** Draws an SVG document (as exported) on a canvas at `scale` × its CSS size. */
export async function svgToPng(svgText: string, cssWidth: number, cssHeight: number, scale = 2): Promise<Blob> {
  // A data: URL, not a blob: one: Chromium taints a canvas that drew a foreignObject SVG from a
  // blob: URL (html-to-image's panels), and a tainted canvas cannot be read or saved.
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const size = pngSize(cssWidth, cssHeight, scale);
  const { canvas, ctx } = canvasOf(size.width, size.height);
  await drawSettled(ctx, image, size.width, size.height);
  return pngBlob(canvas);
}

/** Copies a drawn canvas (the topology past ~300 pods) at `scale` × its CSS size. */
export async function canvasToPng(source: HTMLCanvasElement, background: Background, scale = 2): Promise<Blob> {
  const box = source.getBoundingClientRect();
  const size = pngSize(box.width, box.height, scale);
  const { canvas, ctx } = canvasOf(size.width, size.height);
  if (background === 'themed') {
    ctx.fillStyle = themedBackground(source);
    ctx.fillRect(0, 0, size.width, size.height);
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, size.width, size.height);
  return pngBlob(canvas);
}

/** An HTML panel (the DNS table, the whole window) as shown, at `scale` × its CSS size. */
export async function elementToPng(el: HTMLElement, background: Background, scale = 2): Promise<Blob> {
  const box = el.getBoundingClientRect();
  // Our own @font-face CSS: html-to-image would otherwise fetch every font file of the page
  // (all 124 Noto subsets — and fetch() fails on file:// in Electron).
  const fontEmbedCSS = await embeddedFontCss(el.innerText || el.textContent || '');
  const dataUrl = await toSvg(el, {
    width: box.width,
    height: box.height,
    fontEmbedCSS,
    includeStyleProperties: [...HTML_STYLE_PROPERTIES],
    backgroundColor: background === 'themed' ? themedBackground(el) : undefined,
    style: background === 'transparent' ? { background: 'transparent' } : undefined,
  });
  const svgText = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
  return svgToPng(svgText, box.width, box.height, scale);
}
