/**
 * `npm run bench -- <name> [options]`: benchmarks print their numbers; they are never tests.
 */

import { releaseProcessResources } from '../app/engine/processRelease';

const benches: Record<string, () => Promise<{ run(args: readonly string[]): Promise<void> }>> = {
  analysis: () => import('./analysisBench'),
  export: () => import('./exportBench'),
  infer: () => import('./inferBench'),
  train: () => import('./trainBench'),
  ui: () => import('./uiBench'),
};

const [name, ...rest] = process.argv.slice(2);
const load = name === undefined ? undefined : benches[name];
if (!load) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exitCode = 2;
} else {
  try {
    await (await load()).run(rest);
  } finally {
    // A GPU device would keep the process alive after the numbers are printed.
    releaseProcessResources();
  }
}
