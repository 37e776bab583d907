// Builds the headless runner (`svclab`) into one Node ES module: out/cli/svclab.js.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/svclab-bin.ts'),
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'svclab.js' } },
  },
  // Bundle the pure dependencies (yaml) so start-up reads one file.
  ssr: { noExternal: true },
});
