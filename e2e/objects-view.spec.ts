/** The Objects view: kubectl's tables, a row selects the object everywhere and shows its YAML. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';

const lab = (file: string): string => readFileSync(join(import.meta.dirname, '../resources/labs/headless', file), 'utf8');
const HEADLESS_LAB = `${lab('headless-service.yaml')}---\n${lab('pods.yaml')}`;

test.use({ viewport: { width: 1440, height: 900 } });

const objects = (page: Page) => ({
  open: () => page.getByTestId('view-objects').click(),
  row: (kind: string, name: string) => page.getByTestId(`objects-${kind}`).getByTestId('objects-row').filter({ has: page.locator('td').first().getByText(name, { exact: true }) }),
  table: (kind: string) => page.getByTestId(`objects-${kind}`),
  yaml: () => page.getByTestId('objects-yaml'),
});

for (const { locale, title } of [
  { locale: 'ko-KR', title: '오브젝트' },
  { locale: 'en-US', title: 'Objects' },
]) {
  test.describe(locale, () => {
    test.use({ locale });

    test('lists the applied objects as kubectl get does, and a row shows its YAML and selects it in the topology', async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const app = new AppPage(page);
      await app.open();
      const view = objects(page);
      await expect(page.getByTestId('view-objects')).toHaveText(title);
      await view.open();
      // Before anything is applied, the default namespace holds only the kubernetes Service.
      await expect(view.table('Pod')).toContainText('No resources found in default namespace.');
      await expect(view.row('Service', 'kubernetes')).toContainText('10.96.0.1');

      await app.editor.setText(HEADLESS_LAB);
      await app.editor.apply();
      await expect(view.row('Service', 'headless1')).toContainText('None');
      await expect(view.row('Pod', 'pod4')).toContainText('Running', { timeout: 15_000 });
      await expect(view.row('Pod', 'pod5')).toContainText('Running');
      await expect(view.row('Endpoints', 'headless1')).toContainText(':8080');

      await page.getByTestId('objects-wide').check();
      await expect(view.table('Pod').locator('th')).toContainText(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE']);

      await view.row('Service', 'headless1').click();
      await expect(view.yaml()).toContainText('clusterIP: None');
      await expect(view.yaml()).toContainText('kind: Service');
      await app.screenshot(`objects-${locale}`);

      // The selection is the app's: the topology's details panel shows the same Service.
      await app.topology.open();
      await expect(app.topology.details).toContainText('headless1');
      expect(errors).toEqual([]);
    });
  });
}

test('all namespaces adds the NAMESPACE column and the kube-system objects', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const view = objects(page);
  await view.open();
  await page.getByTestId('objects-namespace').selectOption('');
  await expect(view.table('Service').locator('th').first()).toHaveText('NAMESPACE');
  await expect(view.row('Service', 'kube-system')).toContainText('kube-dns');
  await expect(view.row('Pod', 'kube-system').first()).toContainText('coredns');
});
