// ESLint flat config. Besides the usual TypeScript checks, it enforces the import boundaries of
// ../shared/docs/DESIGN.md §1: the engine is pure (no Electron, Node, DOM or UI libraries, no
// ambient time or randomness), shared imports nothing, main reaches the engine only from the worker adapter.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const uiLibraries = ['svelte', 'svelte/*', 'd3', 'd3-*', 'monaco-editor', 'monaco-editor/*', 'monaco-yaml', '@xterm/*'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.svelte'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', 'node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: 'src/engine is pure: no Node or Electron imports.' },
            { group: uiLibraries, message: 'src/engine is pure: no UI libraries.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'src/engine may import only src/shared and pure libraries.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'process', 'require', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'performance', 'crypto', 'structuredClone', 'fetch'].map((name) => ({
          name,
          message: 'src/engine owns no timers or I/O and sees no host globals; hosts drive it.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Random (src/engine/random.ts).' },
        { object: 'Date', property: 'now', message: 'Use the VirtualClock (src/engine/virtual-clock.ts).' },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'src/shared imports nothing outside itself.' }] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/engine-worker.ts', 'src/main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)engine/(?!rpc/)', message: 'main reaches the engine only through the worker (src/main/engine-worker.ts) and the RPC client.' }, { group: [...uiLibraries, '**/renderer/**'], message: 'main does not import the renderer.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.ts'],
    ignores: ['src/renderer/**/web-worker.ts', 'src/renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)engine/(?!rpc/connect-engine$)', allowTypeImports: true, message: 'The renderer imports the engine only as types (the RPC client and the web-worker adapter excepted).' }, { group: ['electron', 'node:*', '**/main/**'], message: 'The renderer runs sandboxed.' }] }],
    },
  },
);
