// Lint rules, including the runtime layering: shared/ runs anywhere, renderer/ is DOM only, the Node side never
// imports the renderer, and only the Electron host (electron/main, electron/preload) may import `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'worker_threads'];
const nodeOnlyPackages = ['electron', 'better-sqlite3', 'pino', 'hono', 'hono/*', '@hono/*', 'bwip-js'];

const restrict = (patterns, message, paths = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.tools/**', 'test-output/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, ...nodeOnlyPackages, 'react', 'react-*', '**/electron/**', '**/renderer/**', '**/server/**'],
      'shared/ is pure TypeScript that runs anywhere: no Node, no DOM, no Electron, no React.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        // bwip-js's browser build (only) draws the procedure QR code in the page.
        [...nodeBuiltins, ...nodeOnlyPackages.filter((name) => name !== 'bwip-js'), 'bwip-js/*', '!bwip-js/browser', '**/electron/**', '**/server/**'],
        'The renderer is DOM and React only; it reaches the main process through window.kiosk.',
        ['bwip-js'],
      ),
    },
  },
  {
    files: ['tests/component/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts', 'server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['electron', '**/renderer/**'],
      'Runs in plain Node (web host, CLI, reference server): no Electron, no renderer code.',
    ),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'electron/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(['**/renderer/**'], 'The main process never imports renderer code.'),
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
);
