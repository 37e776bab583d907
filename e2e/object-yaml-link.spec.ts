/** Selecting an object anywhere marks the document that defines it in the editor (and opens its tab). */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test.use({ viewport: { width: 1440, height: 900 } });

test('a DNS row and an Objects row each reveal their object’s YAML in the editor', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  // The seed tabs are the Headless lab's two files: apply both.
  for (const tab of ['headless-service.yaml', 'pods.yaml']) {
    await page.getByRole('tab', { name: tab }).click();
    await app.editor.apply();
  }
  const marked = page.locator('.monaco-editor .svclab-selected-object');

  await app.dns.open();
  await app.dns.rows('pod-b.headless1.default.svc.cluster.local.').first().click();
  await expect(page.getByRole('tab', { name: 'pods.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(marked.first()).toBeVisible();
  // The marked lines are pod5's document (the one with hostname pod-b).
  await expect.poll(async () => (await app.editor.root.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ')).toContain('hostname: pod-b');
  await app.screenshot('object-yaml-link-dns');

  await page.getByTestId('view-objects').click();
  await page.getByTestId('objects-Service').getByTestId('objects-row').filter({ hasText: 'headless1' }).click();
  await expect(page.getByRole('tab', { name: 'headless-service.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(marked.first()).toBeVisible();
});
