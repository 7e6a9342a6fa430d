/**
 * What each layer may import — an allow-list in the manner of VS Code's code-layering rule:
 * a file's imports must land in a layer it lists, or be a package it lists; anything else is
 * reported. Layers are matched by path prefix, the first match wins (so the engine worker, a
 * single file in main/, comes before main/). docs/architecture.md explains the layers.
 */

/** Stands for Node's built-in modules (`node:fs`, `path`, …) in a `packages` list. */
export const NODE_BUILTINS = 'Node built-ins';

/** Packages that load TensorFlow.js or a compute backend: the engine's alone. */
const TENSORFLOW = ['@tensorflow/*', 'webgpu', 'onnxruntime-node'];
const UI = ['react', 'react-dom', '@xyflow/react', 'zustand', 'elkjs', 'uplot'];
const TEST_TOOLS = ['vitest', 'fast-check'];

/**
 * `imports`: the layers a production file may import. `packages`: npm packages and built-ins it
 * may import (`*` ends a prefix). `tests`: what its test files (`*.test.ts`, `testing/` helpers)
 * may import on top.
 */
export const LAYERS = [
  {
    name: 'core',
    paths: ['app/'],
    except: ['app/node/', 'app/engine/', 'app/cli/'],
    imports: ['core', 'assets'],
    packages: [],
    tests: { imports: [], packages: TEST_TOOLS },
  },
  {
    name: 'node',
    paths: ['app/node/'],
    imports: ['core', 'node'],
    packages: [NODE_BUILTINS],
    tests: { imports: [], packages: TEST_TOOLS },
  },
  {
    name: 'engine',
    paths: ['app/engine/'],
    imports: ['core', 'node', 'engine', 'assets'],
    packages: [NODE_BUILTINS, ...TENSORFLOW, 'sharp'],
    tests: { imports: [], packages: TEST_TOOLS },
  },
  {
    name: 'cli',
    paths: ['app/cli/'],
    imports: ['core', 'node', 'engine', 'cli'],
    packages: [NODE_BUILTINS],
    tests: { imports: [], packages: TEST_TOOLS },
  },
  {
    // The one process of main/ that runs the engine: backends, scans, predictions, evaluations.
    name: 'engine worker',
    paths: ['main/trainer/engineWorker.ts'],
    imports: ['core', 'node', 'engine', 'main'],
    packages: [NODE_BUILTINS],
    tests: { imports: [], packages: TEST_TOOLS },
  },
  {
    name: 'main',
    paths: ['main/'],
    imports: ['core', 'node', 'main'],
    packages: [NODE_BUILTINS, 'electron', 'ws'],
    // End-to-end tests prepare datasets and designs with the engine's fixtures and drive Electron.
    tests: { imports: ['engine'], packages: [...TEST_TOOLS, 'playwright-core'] },
  },
  {
    name: 'renderer',
    paths: ['renderer/'],
    imports: ['core', 'renderer'],
    packages: UI,
    // Browser tests and their harness run in Node: they build the bundle, start the web host as a
    // process and drive Chromium. They still never import main/ or the engine.
    tests: { imports: ['manifest'], packages: [...TEST_TOOLS, NODE_BUILTINS, 'playwright-core', 'sharp', 'vite'] },
  },
  { name: 'assets', paths: ['assets/'], imports: [], packages: [] },
  // The package's own version, which a browser test compares with the About dialog.
  { name: 'manifest', paths: ['package.json'], imports: [], packages: [] },
];

/** Test files and test helpers: they may use what `tests` adds. */
export const isTestFile = (path) => /\.test\.tsx?$/.test(path) || /(^|\/)testing\//.test(path);

/** The layer a repository path (forward slashes, relative to the root) belongs to, or null. */
export function layerOf(path) {
  return LAYERS.find((layer) => layer.paths.some((prefix) => path === prefix || path.startsWith(prefix)) && !(layer.except ?? []).some((prefix) => path.startsWith(prefix))) ?? null;
}
