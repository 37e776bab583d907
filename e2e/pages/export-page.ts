/** Page objects for File ▸ Export… and presentation mode (header buttons, the dialog, downloads). */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export type ExportKind = 'topology-svg' | 'topology-png' | 'dns-png' | 'window-png';

export class ExportDialog {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('export-dialog');
  }

  /** Opens the dialog from the header, picks what and which background, and returns the downloaded bytes. */
  async export(kind: ExportKind, background: 'themed' | 'transparent' = 'themed'): Promise<{ name: string; bytes: Buffer }> {
    await this.page.getByTestId('export-open').click();
    await expect(this.root).toBeVisible();
    await this.page.getByTestId(`export-kind-${kind}`).check();
    await this.page.getByTestId(`export-background-${background}`).check();
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 20_000 }), this.page.getByTestId('export-run').click()]);
    await expect(this.root).toBeHidden();
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  }
}

/** What the page's own decoder makes of an image: size and whether its pixels differ. */
export interface DecodedImage {
  width: number;
  height: number;
  distinctColours: number;
  transparentPixels: number;
}

/** Decodes an image in the page (as an <img> would) and samples its pixels. */
export async function decodeInPage(page: Page, bytes: Buffer, mime: string): Promise<DecodedImage> {
  return page.evaluate(
    async ({ base64, type }) => {
      // (Not fetch(data:…): the app's CSP allows no such connection.)
      const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
      const image = new Image();
      image.src = URL.createObjectURL(blob);
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.naturalWidth, height: image.naturalHeight });
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      let transparentPixels = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        colours.add((data[i] << 24) ^ (data[i + 1] << 16) ^ (data[i + 2] << 8) ^ data[i + 3]);
        if (data[i + 3] === 0) transparentPixels++;
      }
      return { width: image.naturalWidth, height: image.naturalHeight, distinctColours: colours.size, transparentPixels };
    },
    { base64: bytes.toString('base64'), type: mime },
  );
}

/** Renders an SVG file as an image in the page (standalone: no access to the page's fonts) and returns PNG bytes to look at. */
export async function renderSvgToPng(page: Page, svg: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(async (text) => {
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await image.decode();
    // The SVG's embedded fonts load after decode(): give them time before drawing (the app's
    // own export waits until the drawing stops changing).
    await new Promise((done) => setTimeout(done, 1000));
    const canvas = Object.assign(document.createElement('canvas'), { width: image.naturalWidth, height: image.naturalHeight });
    canvas.getContext('2d')!.drawImage(image, 0, 0);
    return canvas.toDataURL('image/png');
  }, svg);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** CSS size of an element (what a 2× PNG of it must be half of). */
export async function cssSize(locator: Locator): Promise<{ width: number; height: number }> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });
}
