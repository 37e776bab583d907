/** Issue 5 §3 (slides): File ▸ Export… of the topology (SVG, PNG), the DNS table and the window, fonts embedded. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ExportDialog, cssSize, decodeInPage, renderSvgToPng } from './pages/export-page';

const lab = (file: string): string => readFileSync(join(import.meta.dirname, '../resources/labs/headless', file), 'utf8');
const HEADLESS_LAB = `${lab('headless-service.yaml')}---\n${lab('pods.yaml')}`;
const SHOTS = 'test-results/screenshots';
/** Writes a file for a person to look at (the folder is made again: another run may have cleared test-results). */
const keep = (file: string, data: string | Buffer): void => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}/${file}`, data);
};

test.use({ viewport: { width: 1440, height: 900 } });

async function openWithLab(page: Page, locale: 'ko' | 'en'): Promise<AppPage> {
  const app = new AppPage(page);
  await app.open();
  if ((await page.evaluate(() => document.documentElement.lang)) !== locale) await page.getByTestId('language').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  await app.editor.setText(HEADLESS_LAB);
  await app.editor.apply();
  await expect(app.editor.result).toContainText('pod/pod5 created');
  await expect(app.topology.node('Pod/default/pod5')).toBeVisible();
  // Let the boxes finish moving into place (the layout transitions take 400 ms).
  await page.waitForTimeout(800);
  return app;
}

const topologyElement = (page: Page) => page.locator('svg[data-testid="topology-svg"], svg[data-testid="topology"]').first();

for (const locale of ['ko', 'en'] as const) {
  test(`topology SVG (${locale}): valid XML with the lab's names and the Korean font embedded`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const app = await openWithLab(page, locale);
    // The dialog as a person sees it (Esc closes it without exporting).
    await page.getByTestId('export-open').click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await app.screenshot(`export-dialog-${locale}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-dialog')).toBeHidden();
    const { name, bytes } = await new ExportDialog(page).export('topology-svg', 'themed');
    expect(name).toMatch(/^svclab-topology-\d{8}-\d{6}\.svg$/);
    const svg = bytes.toString('utf8');
    keep(`export-topology-${locale}.svg`, svg);

    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? '', root: doc.documentElement.localName, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
    }, svg);
    expect(parsed.error).toBe('');
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toContain('headless1');
    expect(svg).toMatch(/@font-face\{[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{100,}/);
    // Standalone: no class hooks or CSS variables left for a stylesheet the file does not have.
    expect(svg).not.toContain('var(--');

    // Rendered as an image (no access to the page's fonts), it is not blank.
    const png = await renderSvgToPng(page, svg);
    keep(`export-topology-svg-rendered-${locale}.png`, png);
    const decoded = await decodeInPage(page, png, 'image/png');
    expect(decoded.distinctColours).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
}

test('PNG exports are 2× the element, not blank, in Korean and English', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openWithLab(page, 'ko');
  const dialog = new ExportDialog(page);
  const check = async (kind: 'topology-png' | 'dns-png' | 'window-png', background: 'themed' | 'transparent', file: string) => {
    const { name, bytes } = await dialog.export(kind, background);
    expect(name).toMatch(/\.png$/);
    keep(`${file}.png`, bytes);
    const element = kind === 'topology-png' ? topologyElement(page) : kind === 'dns-png' ? page.getByTestId('dns-table') : page.getByTestId('app');
    const size = await cssSize(element);
    const image = await decodeInPage(page, bytes, 'image/png');
    expect(Math.abs(image.width - size.width * 2), `${kind} width ${image.width} vs ${size.width}`).toBeLessThanOrEqual(1);
    expect(Math.abs(image.height - size.height * 2), `${kind} height ${image.height} vs ${size.height}`).toBeLessThanOrEqual(1);
    expect(image.distinctColours).toBeGreaterThan(5);
    return image;
  };
  const themed = await check('topology-png', 'themed', 'export-topology-ko');
  expect(themed.transparentPixels).toBe(0);
  const transparent = await check('topology-png', 'transparent', 'export-topology-transparent-ko');
  expect(transparent.transparentPixels).toBeGreaterThan(0);
  await check('dns-png', 'themed', 'export-dns-ko');
  await check('window-png', 'themed', 'export-window-ko');

  await page.getByTestId('language').click();
  await check('dns-png', 'themed', 'export-dns-en');
  await check('window-png', 'themed', 'export-window-en');
  expect(errors).toEqual([]);
});
