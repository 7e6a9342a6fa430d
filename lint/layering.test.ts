/**
 * The layering rule bites: each fixture pretends to live at the path on its first line and marks
 * its forbidden imports; linting it with the repository's own ESLint config must report exactly
 * those lines, and nothing on the allowed ones.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layerOf } from './layers.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const fixtures = readdirSync(join(here, 'fixtures')).filter((name) => name.includes('.fixture.'));
const eslint = new ESLint({ cwd: repoRoot });

function fixture(name: string): { path: string; text: string; forbidden: number[] } {
  const text = readFileSync(join(here, 'fixtures', name), 'utf8');
  const path = /^\/\/ lint as: (\S+)/.exec(text)?.[1];
  if (!path) throw new Error(`${name}: the first line must say "// lint as: <path>"`);
  const forbidden = text.split('\n').flatMap((line, index) => (line.includes('// forbidden') ? [index + 1] : []));
  return { path, text, forbidden };
}

describe('the layering rule', () => {
  it.each(fixtures)('%s: reports every forbidden import and no allowed one', async (name) => {
    const { path, text, forbidden } = fixture(name);
    const [result] = await eslint.lintText(text, { filePath: join(repoRoot, path) });
    const reported = result.messages.filter((message) => message.ruleId === 'local/layering');
    expect(reported.map((message) => message.line)).toEqual(forbidden);
    expect(forbidden.length).toBeGreaterThan(0);
    for (const message of reported) expect(message.message).toMatch(/may not import .*See docs\/architecture\.md/);
  });

  it('names the layer, the import and what the layer may import instead', async () => {
    const [result] = await eslint.lintText("export { selectBackend } from '../../app/engine/backends/select';\n", { filePath: join(repoRoot, 'main/ipc/example.ts') });
    expect(result.messages.map((message) => message.message)).toEqual([
      "The main layer may not import '../../app/engine/backends/select' (the engine layer); it may import core, node, main. See docs/architecture.md.",
    ]);
  });

  it('puts each folder in the layer the docs describe', () => {
    const cases: [string, string | undefined][] = [
      ['app/protocol.ts', 'core'],
      ['app/design/document.ts', 'core'],
      ['app/node/files/writeFileAtomic.ts', 'node'],
      ['app/engine/predict.ts', 'engine'],
      ['app/cli/main.ts', 'cli'],
      ['main/trainer/engineWorker.ts', 'engine worker'],
      ['main/trainer/trainerHost.ts', 'main'],
      ['renderer/main.tsx', 'renderer'],
      ['bench/main.ts', undefined],
    ];
    for (const [path, layer] of cases) expect(layerOf(path)?.name, path).toBe(layer);
  });
});
