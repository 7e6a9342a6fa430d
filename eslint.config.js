import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layeringRule } from './lint/layeringRule.js';

// Layering: lint/layers.js states what each layer may import (an allow-list, as VS Code's
// code-layering rule); `local/layering` reports every other import. The globals below are the
// part an import rule cannot see: the core and the Node layers never touch the DOM, and the
// model core touches no Node globals either.
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'requestAnimationFrame'].map((name) => ({
  name,
  message: 'app/ is runtime-neutral: no DOM APIs.',
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-artifacts/**', 'assets/**', 'runs/**', 'lint/fixtures/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { local: { rules: { layering: layeringRule } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'local/layering': 'error',
    },
  },
  {
    files: ['app/**/*.ts'],
    ignores: ['app/node/**', 'app/engine/**', 'app/cli/**'],
    rules: {
      'no-restricted-globals': ['error', ...domGlobals, { name: 'process', message: 'app/ model code is runtime-neutral.' }, { name: 'Buffer', message: 'app/ model code is runtime-neutral.' }],
    },
  },
  {
    files: ['app/node/**/*.ts', 'app/engine/**/*.ts', 'app/cli/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals] },
  },
);
