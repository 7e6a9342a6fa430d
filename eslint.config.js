import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layering (as VS Code's code-layering rule): app/ is the pure core that both hosts share;
// only app/engine touches TensorFlow.js, only app/engine and app/cli touch Node APIs; the
// renderer and main import from app/ and never from each other.
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto', 'http', 'https', 'stream', 'events', 'util', 'zlib', 'net'];
const uiAndHost = ['react', 'react-dom', 'react-dom/*', 'react/*', 'electron', '@xyflow/*', 'zustand', 'zustand/*', 'elkjs', 'elkjs/*'];
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'requestAnimationFrame'].map((name) => ({
  name,
  message: 'app/ is runtime-neutral: no DOM APIs.',
}));

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-artifacts/**', 'assets/**', 'runs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['app/**/*.ts'],
    ignores: ['app/node/**', 'app/engine/**', 'app/cli/**'],
    rules: {
      ...restrict(['**/main/**', '**/renderer/**', ...uiAndHost, ...nodeBuiltins, '@tensorflow/*', 'sharp', 'ws'], 'app/ model code is pure TypeScript: no UI, host, Node or TensorFlow.js imports.'),
      'no-restricted-globals': ['error', ...domGlobals, { name: 'process', message: 'app/ model code is runtime-neutral.' }, { name: 'Buffer', message: 'app/ model code is runtime-neutral.' }],
    },
  },
  {
    files: ['app/node/**/*.ts', 'app/engine/**/*.ts', 'app/cli/**/*.ts'],
    rules: {
      ...restrict(['**/main/**', '**/renderer/**', ...uiAndHost], 'app/ imports nothing from main/ or renderer/ and no UI or Electron API.'),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['app/node/**/*.ts', 'app/cli/**/*.ts'],
    rules: {
      ...restrict(['**/main/**', '**/renderer/**', ...uiAndHost, '@tensorflow/*'], 'Only app/engine imports TensorFlow.js; the CLI goes through the engine.'),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(['**/main/**', 'electron', ...nodeBuiltins, '@tensorflow/*', '**/app/engine/**', '**/app/cli/**'], 'The renderer talks to the host only through the contract in app/protocol.ts.'),
  },
  {
    // Browser tests and their harness drive Chromium and the web host from Node.
    files: ['renderer/**/*.browser.test.ts', 'renderer/**/testing/**/*.ts'],
    rules: restrict(['**/main/**', 'electron', '@tensorflow/*', '**/app/engine/**', '**/app/cli/**'], 'Browser tests drive the app through the web host, not its modules.'),
  },
  {
    files: ['main/**/*.ts'],
    rules: restrict(['**/renderer/**', 'react', 'react-dom', '@xyflow/*', 'zustand'], 'main/ never imports the renderer; both share app/.'),
  },
);
