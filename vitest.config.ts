import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles runes in .svelte.ts state classes so they are unit-tested like any module.
  plugins: [svelte({ configFile: false })],
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    // Runes outside components need the browser build of svelte's client runtime.
    server: { deps: { inline: [/svelte/] } },
    environment: 'node',
    pool: 'threads',
    // The JSON report feeds .ci/summary.mjs, which prints CI's closing "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
