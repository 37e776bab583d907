// Web mode: the same renderer in a plain browser, the engine in a Web Worker (used by Playwright).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  plugins: [svelte({ configFile: false, preprocess: vitePreprocess() })],
  // monaco-yaml's worker manager imports monaco-editor/esm/vs/…, which monaco-editor 0.57's
  // exports map blocks (monaco-editor#5082): map it to the exported path.
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\/(.+)\.js$/, replacement: 'monaco-editor/$1' }] },
  worker: { format: 'es' },
  build: { outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
});
