import { expect, test } from '@playwright/test';

test('web mode starts the engine in a Web Worker and reads cluster DNS from it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toContainText('web · cluster.local');
  // The bootstrap cluster serves kube-dns and kubernetes records (A, SRV, PTR, SOA, NS, TXT).
  await expect(page.getByTestId('dns-record-count')).toHaveText(/DNS records: (1\d|[2-9]\d)/);
  await page.screenshot({ path: 'test-results/screenshots/web-placeholder.png' });
  expect(errors).toEqual([]);
});
