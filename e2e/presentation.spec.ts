/** Issue 5 §3 (slides): presentation mode — large type, the projector theme, minimal chrome, the lab step as a caption. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { LabPanel } from './pages/lab-page';

const lab = (file: string): string => readFileSync(join(import.meta.dirname, '../resources/labs/headless', file), 'utf8');
const HEADLESS_LAB = `${lab('headless-service.yaml')}---\n${lab('pods.yaml')}`;

test.use({ viewport: { width: 1440, height: 900 } });

const theme = (page: Page) => page.getByTestId('app').getAttribute('data-theme');
const editorLineHeight = (page: Page) => page.locator('.monaco-editor .view-line').first().evaluate((el) => el.getBoundingClientRect().height);
const terminalFontSize = (page: Page) => page.locator('[data-testid="terminal-pane"] .xterm-rows').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

for (const locale of ['ko', 'en'] as const) {
  test(`presentation mode (${locale}): projector theme, large type, the lab step as caption; Esc and F5`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((l) => {
      if (!localStorage.getItem('svclab.layout.v1')) localStorage.setItem('svclab.layout.v1', JSON.stringify({ locale: l }));
    }, locale);
    const app = new AppPage(page);
    await app.open();
    await app.editor.setText(HEADLESS_LAB);
    await app.editor.apply();
    await expect(app.topology.node('Pod/default/pod5')).toBeVisible();

    // A lab open, so the caption has a step to show; the lab column itself is closed for the room.
    const labs = new LabPanel(page, app);
    await labs.show();
    await labs.items.first().click();
    await expect(labs.step).toBeVisible();
    const stepTitle = (await labs.step.getByTestId('lab-step-title').innerText()).trim();
    await page.getByTestId('labs-toggle').click();

    const normalLine = await editorLineHeight(page);
    const normalTerminal = await terminalFontSize(page);
    await page.getByTestId('presentation-toggle').click();
    await expect.poll(() => theme(page)).toBe('projector');
    await expect(page.getByTestId('presentation-caption')).toContainText(stepTitle);
    await expect(page.getByTestId('language')).toBeHidden();
    await expect.poll(() => editorLineHeight(page)).toBeGreaterThan(normalLine * 1.3);
    await expect.poll(() => terminalFontSize(page)).toBeGreaterThan(normalTerminal * 1.3);
    // The header is a thin strip: the tabs and the way out.
    expect(await page.locator('[data-testid="app"] > header').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(40);
    await page.waitForTimeout(500);
    mkdirSync('test-results/screenshots', { recursive: true });
    await app.screenshot(`presentation-${locale}`);

    await app.dns.open();
    await expect(app.dns.rowsOfType('headless1.default.svc.cluster.local.', 'A')).toHaveCount(2, { timeout: 15_000 });
    await app.screenshot(`presentation-dns-${locale}`);

    // Remembered across a reload, like the rest of the layout.
    await page.reload();
    await expect.poll(() => theme(page)).toBe('projector');

    // Esc leaves (focus outside the editor, where Esc would close Monaco's widgets).
    await page.getByTestId('dns-table').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect.poll(() => theme(page)).toBe('dark');
    await expect(page.getByTestId('presentation-caption')).toBeHidden();

    // F5 enters (and does not reload the page, which would lose the lesson's state).
    await page.evaluate(() => ((window as { __marker?: boolean }).__marker = true));
    await page.keyboard.press('F5');
    await expect.poll(() => theme(page)).toBe('projector');
    expect(await page.evaluate(() => (window as { __marker?: boolean }).__marker)).toBe(true);
    await page.keyboard.press('F5');
    await expect.poll(() => theme(page)).toBe('dark');
    expect(errors).toEqual([]);
  });
}
