import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from './fixtures/electron-binary';

const binary = electronBinary();

test('the built Electron app opens its window and the engine answers from the worker thread', async () => {
  test.skip(!binary.path, `Electron binary unavailable: ${binary.missing}`);
  const app = await electron.launch({ executablePath: binary.path, args: ['.', '--no-sandbox'] });
  const window = await app.firstWindow();
  await expect(window.getByTestId('engine-status')).toContainText('electron · rv');
  await window.screenshot({ path: 'test-results/screenshots/electron-placeholder.png' });
  await app.close();
});
