/**
 * The editor toolbar (Apply selection, Delete), keyboard focus between panes (F6, the terminal's
 * Ctrl+M Tab mode), the engine's Tab completion, and switching the UI language with the Korean
 * gloss under an apiserver error. Web mode; screenshots in English and Korean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const lab = (file: string): string => readFileSync(join(import.meta.dirname, '../resources/labs/headless', file), 'utf8');
const HEADLESS_LAB = `${lab('headless-service.yaml')}---\n${lab('pods.yaml')}`;

/** Two Services; the first document is lines 1–9. */
const TWO_SERVICES = ['sel-a', 'sel-b'].map((name) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n  - port: 80\n`).join('---\n');
const svcName = (name: string): string => `${name}.default.svc.cluster.local.`;

/** The pane (`data-pane`) that holds keyboard focus. */
const focusedPane = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.closest('[data-pane]')?.getAttribute('data-pane') ?? null);

/** Selects lines 1..n of the active file with the keyboard (from the start to the start of line n+1). */
async function selectFirstLines(page: Page, n: number): Promise<void> {
  await page.getByTestId('editor-pane').locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < n; i++) await page.keyboard.press('Shift+ArrowDown');
}

test.use({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });

test('Apply selection applies only the selected document; Delete removes the objects', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editor.setText(TWO_SERVICES);
  const apply = page.getByTestId('editor-apply');
  await expect(apply).toContainText('Apply');
  await expect(apply).toHaveAttribute('title', /Ctrl\+Enter|⌘\+Enter/);

  await selectFirstLines(page, 9);
  await expect(apply).toContainText('Apply selection');
  await app.screenshot('editor-terminal-en-01-selection');
  await apply.click();
  await expect(app.editor.result).toContainText('service/sel-a created');
  await expect(app.editor.result).not.toContainText('sel-b');
  await app.dns.open();
  await expect(app.dns.rowsOfType(svcName('sel-a'), 'A')).toHaveCount(1);
  await expect(app.dns.rows(svcName('sel-b'))).toHaveCount(0);

  // The whole file, then Delete from the toolbar (web mode: no native menu), with its confirmation.
  await page.getByTestId('editor-pane').locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End'); // no selection: the whole file
  await expect(apply).not.toContainText('selection');
  await apply.click();
  await expect(app.editor.result).toContainText('service/sel-b created');
  await expect(app.dns.rowsOfType(svcName('sel-b'), 'A')).toHaveCount(1);
  const del = page.getByTestId('editor-delete');
  await expect(del).toHaveAttribute('title', /kubectl delete -f .*Ctrl\+Shift\+Backspace|⌘\+Shift\+Backspace/);
  await del.click();
  await expect(page.getByTestId('delete-confirm')).toBeVisible();
  await app.screenshot('editor-terminal-en-02-delete-confirm');
  await page.getByTestId('delete-confirm-yes').click();
  await expect(app.editor.result).toContainText('service/sel-a deleted');
  await expect(app.editor.result).toContainText('service/sel-b deleted');
  await expect(app.dns.rows(svcName('sel-a'))).toHaveCount(0);
  await expect(app.dns.rows(svcName('sel-b'))).toHaveCount(0);
  await app.screenshot('editor-terminal-en-03-deleted');
});

test('Ctrl+Shift+Backspace in the editor asks to delete; Cancel keeps the objects', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editor.setText(TWO_SERVICES);
  await app.editor.apply();
  await expect(app.editor.result).toContainText('service/sel-b created');
  await page.keyboard.press('ControlOrMeta+Shift+Backspace');
  await expect(page.getByTestId('delete-confirm')).toBeVisible();
  await expect(page.getByTestId('delete-confirm-yes')).toBeFocused();
  await page.getByTestId('delete-confirm-no').click();
  await expect(page.getByTestId('delete-confirm')).toHaveCount(0);
  await app.dns.open();
  await expect(app.dns.rowsOfType(svcName('sel-a'), 'A')).toHaveCount(1);
});

test('F6 moves focus editor → views → terminal; Ctrl+M then Tab leaves the terminal', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('editor-pane').locator('.monaco-editor .view-lines').click();
  expect(await focusedPane(page)).toBe('editor');
  await page.keyboard.press('F6');
  expect(await focusedPane(page)).toBe('views');
  await page.keyboard.press('F6');
  expect(await focusedPane(page)).toBe('terminal');
  await page.keyboard.press('Shift+F6');
  expect(await focusedPane(page)).toBe('views');
  await page.keyboard.press('F6');

  // Tab completes in the terminal and keeps focus there…
  await page.keyboard.type('kubec');
  await page.keyboard.press('Tab');
  await expect.poll(() => app.terminal.text()).toContain('kubectl');
  expect(await focusedPane(page)).toBe('terminal');
  // …until Ctrl+M turns on "Tab moves focus" (shown in the pane).
  await page.keyboard.press('Control+M');
  await expect(page.getByTestId('tab-focus-mode')).toBeVisible();
  await app.screenshot('editor-terminal-en-04-tab-focus-mode');
  const before = await app.terminal.text();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedPane(page)).not.toBe('terminal');
  expect(await app.terminal.text()).toBe(before); // Tab did not reach the shell
});

test('Tab completes object names from the live cluster', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editor.setText(HEADLESS_LAB);
  await app.editor.apply();
  await expect(app.editor.result).toContainText('service/headless1 created');
  await app.terminal.root.locator('.xterm').click();
  await page.keyboard.type('kubectl get svc head');
  await page.keyboard.press('Tab');
  await expect.poll(() => app.terminal.text()).toContain('kubectl get svc headless1');
  await page.keyboard.press('Enter');
  await expect.poll(() => app.terminal.text()).toContain('ClusterIP   None');
  await app.screenshot('editor-terminal-en-05-completion');
});

test('switching the language changes the UI, and a Korean gloss goes under the apiserver error', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editor.setText('apiVersion: v1\nkind: Service\nmetadata:\n  name: noports\nspec:\n  selector:\n    app: x\n');
  await app.editor.apply();
  await expect(app.editor.result).toContainText('spec.ports: Required value');
  await expect(page.getByTestId('error-gloss')).toHaveCount(0);
  await expect(page.getByTestId('view-topology')).toHaveText('Topology');
  await app.screenshot('editor-terminal-en-06-error');

  await page.getByTestId('language').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('view-topology')).toHaveText('토폴로지');
  await expect(page.getByTestId('editor-apply')).toContainText('적용');
  // The apiserver's text stays as kubectl prints it; the gloss explains it.
  await expect(app.editor.result).toContainText('spec.ports: Required value');
  await expect(page.getByTestId('error-gloss').first()).toHaveText('필수 값이 없습니다.');
  await app.screenshot('editor-terminal-ko-06-error-gloss');

  // The marker's hover carries the gloss too.
  // (The squiggle lies under the text layer: move the mouse onto it rather than "hover" the element.)
  const squiggle = await page.getByTestId('editor-pane').locator('.monaco-editor .squiggly-error').first().boundingBox();
  await page.mouse.move(squiggle!.x + squiggle!.width / 2, squiggle!.y + squiggle!.height / 2);
  await expect(page.locator('.monaco-hover').filter({ hasText: '필수 값이 없습니다.' }).first()).toBeVisible();
  await app.screenshot('editor-terminal-ko-07-marker-gloss');

  // Schema hovers follow the switch without a reload.
  await page.keyboard.press('Escape');
  const kindKey = await page.getByTestId('editor-pane').locator('.view-line').filter({ hasText: /^kind:\sService/ }).locator('span span').first().boundingBox();
  await page.mouse.move(kindKey!.x + 5, kindKey!.y + kindKey!.height / 2);
  await expect(page.locator('.monaco-hover').filter({ hasText: '오브젝트의 종류' }).first()).toBeVisible();
  await page.getByTestId('language').click();
  await page.mouse.move(0, 0);
  await page.mouse.move(kindKey!.x + 5, kindKey!.y + kindKey!.height / 2);
  await expect(page.locator('.monaco-hover').filter({ hasText: 'The kind of object' }).first()).toBeVisible();
  await app.screenshot('editor-terminal-en-07-schema-hover');
  await page.getByTestId('language').click();

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('view-topology')).toHaveText('토폴로지');
});

test.describe('a Korean OS', () => {
  test.use({ locale: 'ko-KR' });

  test('starts in Korean', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByTestId('editor-apply')).toContainText('적용');
    await selectFirstLines(page, 3);
    await expect(page.getByTestId('editor-apply')).toContainText('선택 영역 적용');
    await expect(page.getByTestId('editor-delete')).toHaveText('삭제');
    await app.screenshot('editor-terminal-ko-08-start');
    await page.getByTestId('editor-delete').click();
    await expect(page.getByTestId('delete-confirm')).toContainText('선택한 부분의 오브젝트를 클러스터에서 삭제할까요?');
    await app.screenshot('editor-terminal-ko-09-delete-confirm');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('delete-confirm')).toHaveCount(0);
  });
});
