/** Help ▸ About: the simulated cluster, and every place the simulator deliberately differs from a real one. */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

test.use({ viewport: { width: 1440, height: 900 } });

for (const { locale, title, difference, cluster } of [
  { locale: 'ko-KR', title: 'Service Lab 정보', difference: '파드는 바로 사라집니다', cluster: '서비스 대역 10.96.0.0/12' },
  { locale: 'en-US', title: 'About Service Lab', difference: 'A pod disappears at once', cluster: 'service range 10.96.0.0/12' },
]) {
  test.describe(locale, () => {
    test.use({ locale });

    test('the About dialog lists the deliberate differences and closes with Esc', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await page.getByTestId('about-open').click();
      const dialog = page.getByTestId('about-dialog');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(title);
      await expect(dialog).toContainText(cluster);
      await expect(dialog).toContainText('v1.32');
      await expect(dialog.getByTestId('about-differences')).toContainText(difference);
      await expect(dialog.locator('dt')).toHaveCount(10);
      await app.screenshot(`about-${locale}`);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });
  });
}

test('light theme: the header switch restyles every panel', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: /theme|테마/i }).click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-theme', 'light');
  const background = await page.getByTestId('app').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
  await page.getByTestId('labs-toggle').click();
  await page.getByTestId('view-objects').click();
  await app.screenshot('light-objects-labs');
});
