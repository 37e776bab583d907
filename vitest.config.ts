import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // The JSON report feeds .ci/summary.mjs, which prints CI's closing "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
