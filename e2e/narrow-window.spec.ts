/** A 1024-px projector: the header keeps every label on one line and nothing scrolls sideways. */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

for (const locale of ['ko-KR', 'en-US']) {
  test.describe(locale, () => {
    test.use({ locale, viewport: { width: 1024, height: 768 } });

    test('header labels never break mid-word and the window does not scroll sideways', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await page.getByTestId('labs-toggle').click();
      // A one-line button is about 2 × its font size tall (text + padding); a wrapped label makes it ~3.5 ×.
      const wrapped = await page.locator('header button').evaluateAll((buttons) =>
        buttons
          .filter((b) => (b as HTMLElement).offsetParent !== null)
          .filter((b) => b.getBoundingClientRect().height > parseFloat(getComputedStyle(b).fontSize) * 2.6)
          .map((b) => b.textContent?.trim()),
      );
      expect(wrapped).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await app.screenshot(`narrow-1024-${locale}`);
    });
  });
}
