/**
 * Nothing lost (issue 5 §4): files and cluster survive a reload, unapplied text too; Undo last
 * apply takes the pods back out and lists what changed; Reset cluster returns to the bootstrap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const lab = (file: string): string => readFileSync(join(import.meta.dirname, '../resources/labs/headless', file), 'utf8');
const SERVICE = lab('headless-service.yaml');
const PODS = lab('pods.yaml');
const HEADLESS = 'headless1.default.svc.cluster.local.';

/** The header's Undo / Reset tools, the autosave status and their dialogs. */
class PersistencePanel {
  constructor(private readonly page: Page) {}

  get status(): Locator {
    return this.page.getByTestId('autosave-status');
  }
  get diff(): Locator {
    return this.page.getByTestId('undo-diff');
  }

  /** Waits until everything changed so far is written (a save follows about a second after a change). */
  async saved(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('undo-apply').click();
  }

  async reset(): Promise<void> {
    await this.page.getByTestId('reset-cluster').click();
    await expect(this.page.getByTestId('reset-confirm')).toBeVisible();
    await this.page.screenshot({ path: 'test-results/screenshots/persistence-04-reset-confirm.png' });
    await this.page.getByTestId('reset-confirm-button').click();
  }
}

test.use({ viewport: { width: 1440, height: 900 } });

/** Applies the Service, then the pods (two applies), and waits for both pods in the DNS table. */
async function applyHeadlessLab(app: AppPage): Promise<void> {
  await app.editor.setText(SERVICE);
  await app.editor.apply();
  await expect(app.editor.result).toContainText('service/headless1 created');
  await app.editor.setText(PODS);
  await app.editor.apply();
  await expect(app.editor.result).toContainText('pod/pod5 created');
  await app.dns.open();
  await expect(app.dns.rowsOfType(HEADLESS, 'A')).toHaveCount(2, { timeout: 15_000 });
}

test('after a reload the files and the cluster are back, the headless1 records included', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  const saves = new PersistencePanel(page);
  await app.open();
  await applyHeadlessLab(app);
  const ips = await app.dns.rowsOfType(HEADLESS, 'A').evaluateAll((rows) => rows.map((r) => r.querySelector('td.data')?.textContent).sort());
  await saves.saved();

  await page.reload();
  await expect(page.getByTestId('engine-status')).toContainText('web');
  await expect(app.editor.root.locator('.monaco-editor .view-lines')).toContainText('pod-b');
  await app.dns.open();
  await expect(app.dns.rowsOfType(HEADLESS, 'A')).toHaveCount(2, { timeout: 15_000 });
  // The same cluster, not a re-applied one: the pods kept their IPs.
  expect(await app.dns.rowsOfType(HEADLESS, 'A').evaluateAll((rows) => rows.map((r) => r.querySelector('td.data')?.textContent).sort())).toEqual(ips);
  await expect(app.dns.rows('pod-a.headless1.default.svc.cluster.local.')).toHaveCount(1);
  await app.screenshot('persistence-01-restored-after-reload');
  expect(errors).toEqual([]);
});

test('text edited but not applied is kept across a reload', async ({ page }) => {
  const app = new AppPage(page);
  const saves = new PersistencePanel(page);
  await app.open();
  await app.editor.setText('# notes I have not applied yet\nkind: Service\n');
  await saves.saved();
  await page.reload();
  await expect(app.editor.root.locator('.monaco-editor .view-lines')).toContainText('notes I have not applied yet');
});

test('undo last apply takes the pods out again and lists what changed; reset returns to the bootstrap', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  const history = new PersistencePanel(page);
  await app.open();
  await applyHeadlessLab(app);

  await history.undo();
  await expect(history.diff).toBeVisible();
  const removed = history.diff.getByTestId('undo-diff-objects-removed');
  await expect(removed).toContainText('pod/pod4');
  await expect(removed).toContainText('pod/pod5');
  await expect(history.diff.getByTestId('undo-diff-endpoints')).toContainText('endpoints/headless1');
  await expect(history.diff.getByTestId('undo-diff-dns-removed')).toContainText('pod-a.headless1.default.svc.cluster.local.');
  // The page starts in the browser's language (English here); the header switch (behind the modal
  // dialog, so clicked programmatically) turns the open dialog to Korean.
  await expect(history.diff).toContainText('Objects removed');
  await page.screenshot({ path: 'test-results/screenshots/persistence-03-undo-diff-en.png' });
  await page.getByTestId('language').evaluate((button: HTMLElement) => button.click());
  await expect(history.diff).toContainText('사라진 객체');
  await page.screenshot({ path: 'test-results/screenshots/persistence-02-undo-diff-ko.png' });
  await page.keyboard.press('Escape');
  await expect(history.diff).toBeHidden();

  // The pods' rows are gone; the Service (applied before) stays.
  await expect(app.dns.rowsOfType(HEADLESS, 'A')).toHaveCount(0);
  await expect(app.dns.rows('pod-a.headless1.default.svc.cluster.local.')).toHaveCount(0);
  await app.topology.open();
  await expect(app.topology.node('Service/default/headless1')).toBeVisible();
  await expect(app.topology.node('Pod/default/pod4')).toHaveCount(0);
  await expect(app.topology.node('Pod/default/pod5')).toHaveCount(0);

  await history.reset();
  await expect(app.topology.node('Service/default/headless1')).toHaveCount(0);
  await app.dns.open();
  await expect(app.dns.rows('kubernetes.default.svc.cluster.local.').first()).toBeVisible();
  await expect(app.dns.rows('kube-dns.kube-system.svc.cluster.local.').first()).toBeVisible();
  // Only the bootstrap objects: the CoreDNS pods in kube-system, the kubernetes Service in default.
  await app.terminal.run('kubectl get pods -A');
  await expect.poll(() => app.terminal.text()).toMatch(/kube-system\s+coredns-668d6bf9bc-7xkq2/);
  await app.terminal.run('kubectl get svc');
  await expect.poll(() => app.terminal.text()).toMatch(/kubernetes\s+ClusterIP\s+10\.96\.0\.1/);
  const text = await app.terminal.text();
  expect(text.slice(text.lastIndexOf('kubectl get pods -A'))).not.toMatch(/pod4|pod5|headless1/);
  await app.screenshot('persistence-05-after-reset');
  expect(errors).toEqual([]);
});
