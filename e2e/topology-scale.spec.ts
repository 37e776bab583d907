/**
 * Issue 4 at scale: past 300 pods the topology draws on a canvas (same layout, same selection and
 * details panel), below it stays SVG; a DNS table past 2,000 rows draws only the rows in view.
 */
import { expect, test, type Page } from '@playwright/test';
import { workload } from '../bench/engine/workload';
import { AppPage } from './pages/app-page';

test.use({ viewport: { width: 1440, height: 900 } });

/** Pastes a large manifest into the editor (as EditorPanel.setText, with time for thousands of lines). */
async function pasteLarge(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const lines = page.getByTestId('editor-pane').locator('.monaco-editor .view-lines');
  await lines.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  const last = text.trimEnd().split('\n').at(-1)!.trim();
  await expect.poll(async () => (await lines.innerText()).replace(/\u00a0/g, ' '), { timeout: 60_000 }).toContain(last);
}

/** Centre of a box on the canvas, in page pixels (layout box × the canvas's pan/zoom). */
async function boxCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('topology-canvas');
  const [k, tx, ty] = (await canvas.getAttribute('data-view'))!.split(' ').map(Number);
  const [x, y, w, h] = (await canvas.locator(`[data-id="${id}"]`).getAttribute('data-box'))!.split(' ').map(Number);
  const rect = (await canvas.boundingBox())!;
  return { x: rect.x + tx + (x + w / 2) * k, y: rect.y + ty + (y + h / 2) * k };
}

test('500 pods: the topology is a canvas where a click selects, and the DNS table is windowed', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();

  // Below the threshold (here: no pods yet): SVG.
  await expect(page.getByTestId('topology-svg')).toBeVisible();
  await expect(page.getByTestId('topology-canvas')).toHaveCount(0);

  await pasteLarge(page, workload(500).text);
  await app.editor.apply();
  await expect(page.getByTestId('topology-canvas')).toBeVisible();
  await expect(page.getByTestId('topology-svg')).toHaveCount(0);
  await expect(page.getByTestId('topology-canvas').locator('[data-testid="topology-node"][data-id="Pod/default/pod499"]')).toHaveCount(1);
  await page.waitForTimeout(4000);
  await app.screenshot('scale-01-topology-canvas');

  // A click on a Service's box selects it: the details panel explains its endpoints.
  const at = await boxCentre(page, 'Service/default/svc1');
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('topology-canvas').locator('[data-id="Service/default/svc1"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.topology.details).toContainText('svc1');
  await app.screenshot('scale-02-canvas-selected');
  // Zoomed in (wheel over the box): the canvas draws the same boxes, badges and edges as the SVG.
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  await app.screenshot('scale-02b-canvas-zoomed');

  // The keyboard reaches the same boxes through the canvas's fallback buttons.
  await page.getByTestId('topology-canvas').locator('[data-id="Service/default/svc2"]').focus();
  await page.keyboard.press('Enter');
  await expect(app.topology.details).toContainText('svc2');
  // Enter again deselects (the editor would otherwise keep revealing svc2's source while we paste).
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('topology-canvas').locator('[data-id="Service/default/svc2"]')).toHaveAttribute('aria-pressed', 'false');

  // DNS: ~1,150 records at 500 pods; at 1,000 pods (~2,300) the table is windowed.
  for (const file of workload(1000).files) {
    await pasteLarge(page, file);
    await app.editor.apply();
    await expect(app.editor.result).toBeVisible();
  }
  await app.dns.open();
  await expect(page.getByTestId('dns-virtual')).toBeVisible({ timeout: 30_000 });
  const drawn = await page.getByTestId('dns-row').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(200);
  await page.getByTestId('dns-virtual').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(page.getByTestId('dns-row').first()).toBeVisible();
  await app.screenshot('scale-03-dns-windowed');
  // The filter still narrows the whole table, not just the rows drawn.
  await page.getByTestId('dns-filter').fill('svc7.default');
  await expect(app.dns.rowsOfType('svc7.default.svc.cluster.local.', 'A')).toHaveCount(1);
  await page.getByTestId('dns-filter').fill('');

  // Korean: the canvas's zone titles and the windowed table's headings come from the same dictionaries.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('dns-virtual')).toContainText('이름');
  await app.screenshot('scale-04-dns-windowed-ko');
  await app.topology.open();
  await expect(page.getByTestId('topology-canvas')).toBeVisible();
  await page.waitForTimeout(300);
  await app.screenshot('scale-05-topology-canvas-ko');
  expect(errors).toEqual([]);
});
