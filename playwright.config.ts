import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from './e2e/fixtures/chromium';

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
    command: 'npx vite build --config vite.web.config.ts --logLevel warn && npx vite preview --config vite.web.config.ts --port 4173 --strictPort --host 127.0.0.1',
    url: 'http://127.0.0.1:4173/',
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
  projects: [
    {
      name: 'web',
      testIgnore: /\.electron\.spec\.ts$/,
      use: { baseURL: 'http://127.0.0.1:4173/', browserName: 'chromium', launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs } },
    },
    { name: 'electron', testMatch: /\.electron\.spec\.ts$/ },
  ],
});
