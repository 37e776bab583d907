/** Issue 4's acceptance path: the chapter's Headless lab, applied from the editor, seen in every panel. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

/** The chapter's Headless lab, from its files in resources/labs. */
const lab = (file: string): string => readFileSync(join(import.meta.dirname, '../resources/labs/headless', file), 'utf8');
const HEADLESS_LAB = `${lab('headless-service.yaml')}---\n${lab('pods.yaml')}`;

test.use({ viewport: { width: 1440, height: 900 } });

test('applying the headless lab shows both pods in the DNS table, the topology and nslookup', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new AppPage(page);
  await app.open();
  await app.screenshot('01-start');

  await app.editor.setText(HEADLESS_LAB);
  await app.editor.apply();
  await expect(app.editor.result).toContainText('service/headless1 created');
  await expect(app.editor.result).toContainText('pod/pod5 created');

  // The topology: both pods under the Service once they run.
  await expect(app.topology.node('Service/default/headless1')).toBeVisible();
  await expect(app.topology.node('Pod/default/pod4')).toBeVisible();
  await expect(app.topology.node('Pod/default/pod5')).toBeVisible();
  await app.screenshot('02-headless-topology');

  // The DNS table: the service name answers both pod IPs, and the hostname records exist.
  await app.dns.open();
  await expect(app.dns.rowsOfType('headless1.default.svc.cluster.local.', 'A')).toHaveCount(2, { timeout: 15_000 });
  await expect(app.dns.rows('pod-a.headless1.default.svc.cluster.local.')).toHaveCount(1);
  await expect(app.dns.rows('pod-b.headless1.default.svc.cluster.local.')).toHaveCount(1);
  await app.screenshot('03-headless-dns');

  // The terminal: nslookup from inside pod4 prints both addresses.
  const ips = await app.dns.rowsOfType('headless1.default.svc.cluster.local.', 'A').evaluateAll((rows) => rows.map((r) => r.querySelector('td.data')?.textContent));
  await app.terminal.run('kubectl exec -it pod4 -- sh');
  await app.terminal.run('nslookup headless1');
  for (const ip of ips) await expect.poll(() => app.terminal.text()).toContain(ip!);
  await app.screenshot('04-headless-terminal');
  expect(errors).toEqual([]);
});

test('a bad port is marked on its line and changes nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editor.setText('apiVersion: v1\nkind: Service\nmetadata:\n  name: badport\nspec:\n  ports:\n  - port: 0\n');
  await app.editor.apply();
  await expect(app.editor.result).toContainText('spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
  expect(await app.editor.errorLines()).toContain(7);
  await app.dns.open();
  await expect(app.dns.rows('badport.default.svc.cluster.local.')).toHaveCount(0);
  await expect(app.dns.rows('kubernetes.default.svc.cluster.local.').first()).toBeVisible();
  await app.screenshot('05-bad-port');
});

test("the selected Service's panel explains a label that does not match", async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.editor.setText(HEADLESS_LAB.replace('    svc: headless\n  ports', '    svc: headles\n  ports'));
  await app.editor.apply();
  await app.topology.open();
  await app.topology.node('Service/default/headless1').click();
  await expect(app.topology.details).toContainText('headles');
  await expect(page.getByTestId('endpoints-verdict')).toBeVisible();
  await app.screenshot('06-label-mismatch');
});
