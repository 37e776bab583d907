/** The trace panel: a terminal command's DNS hops and request path as numbered, readable steps. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

const lab = (file: string): string => readFileSync(join(import.meta.dirname, '../resources/labs/headless', file), 'utf8');
const HEADLESS_LAB = `${lab('headless-service.yaml')}---\n${lab('pods.yaml')}`;

test.use({ viewport: { width: 1440, height: 900 } });

for (const { locale, nxdomain, search } of [
  { locale: 'ko-KR', nxdomain: '그런 이름이 없음', search: '검색 목록' },
  { locale: 'en-US', nxdomain: 'no such name', search: 'Search list' },
]) {
  test.describe(locale, () => {
    test.use({ locale });

    test('lists each name the resolver tried and each server on the way to the internet', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await app.editor.setText(HEADLESS_LAB);
      await app.editor.apply();
      // exec needs a running container, as on a real cluster.
      await app.terminal.run('kubectl wait --for=condition=Ready pod/pod4');
      await expect.poll(() => app.terminal.text()).toContain('pod/pod4 condition met');

      const panel = page.getByTestId('trace-panel');
      // One line until there is a trace to show: the views keep their room.
      await expect(panel.getByRole('button', { expanded: false })).toBeVisible();
      await app.terminal.run('kubectl exec pod4 -- nslookup google.com');
      await expect(panel.getByRole('button', { expanded: true })).toBeVisible();
      await expect(panel).toContainText('kubectl exec pod4 -- nslookup google.com');
      const steps = page.getByTestId('trace-step');
      // The search list first: google.com has 1 dot < ndots:5, so three cluster suffixes and lab.internal fail first.
      await expect(steps.first()).toContainText('google.com.default.svc.cluster.local.');
      await expect(steps.first()).toContainText(nxdomain);
      await expect(panel).toContainText('ns.lab.internal (192.168.0.2)');
      await expect(panel).toContainText('a.root-servers.net');
      await expect(panel).toContainText('google.com. 30 IN A 142.250.196.110');
      await app.screenshot(`trace-dns-${locale}`);

      await app.terminal.run('kubectl exec pod4 -- curl -s pod-a.headless1:8080/hostname');
      await expect(panel).toContainText(`${search}: pod-a.headless1.default.svc.cluster.local.`);
      await expect(steps.last()).toContainText('GET /hostname → 200');
    });
  });
}
