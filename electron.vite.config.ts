import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preload scripts cannot be ES modules: emit CommonJS.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [svelte({ configFile: false, preprocess: vitePreprocess() })],
    // monaco-yaml's worker manager imports monaco-editor/esm/vs/…, which monaco-editor 0.57's
    // exports map blocks (monaco-editor#5082): map it to the exported path.
    resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\/(.+)\.js$/, replacement: 'monaco-editor/$1' }] },
    worker: { format: 'es' },
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
