import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';
import { CHROMIUM_PATH, chromiumArgs } from './e2e/fixtures/chromium';

// SVCLAB_E2E_PORT / SVCLAB_WEB_OUT let several checkouts (or people) run the suite side by side.
const port = Number(process.env.SVCLAB_E2E_PORT ?? 4173);
const outDir = resolve(process.env.SVCLAB_WEB_OUT ?? 'out/web');

// Two projects: `web` (the renderer in Debian's Chromium, engine in a Web Worker — always runs) and
// `electron` (the built app — runs where an Electron binary exists, skips with the reason where not).
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [[process.env.CI ? 'line' : 'list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { trace: 'off', screenshot: 'off' },
  webServer: {
    command: `npx vite build --config vite.web.config.ts --logLevel warn --outDir ${outDir} && npx vite preview --config vite.web.config.ts --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
  projects: [
    {
      name: 'web',
      testIgnore: /\.electron\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${port}/`, browserName: 'chromium', launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs } },
    },
    { name: 'electron', testMatch: /\.electron\.spec\.ts$/ },
  ],
});
