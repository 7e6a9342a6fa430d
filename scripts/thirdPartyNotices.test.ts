/**
 * The notices generator on a small made-up install (nested, optional, dev and missing packages),
 * and on the real one: every shipped package appears, under a licence the app may ship.
 */

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectPackages, renderNotices } from './thirdPartyNotices.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function pkg(dir: string, json: object, files: Record<string, string> = {}): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify(json));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

describe('third-party notices', () => {
  it('walks the production tree as Node resolves it, with each package’s licence files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'notices-'));
    temps.push(root);
    await pkg(root, { name: 'app', version: '1.2.3', license: 'MIT', dependencies: { a: '1' }, optionalDependencies: { gone: '1' }, devDependencies: { tool: '1' } });
    await pkg(join(root, 'node_modules/a'), { name: 'a', version: '1.0.0', license: 'MIT', dependencies: { b: '2', shared: '1' } }, { LICENSE: 'MIT text of a', 'index.js': '' });
    await pkg(join(root, 'node_modules/a/node_modules/b'), { name: 'b', version: '2.0.0', license: 'ISC' }, { 'LICENCE.md': 'ISC text of b' });
    await pkg(join(root, 'node_modules/b'), { name: 'b', version: '1.0.0', license: 'ISC' });
    await pkg(join(root, 'node_modules/shared'), { name: 'shared', version: '3.0.0', licenses: [{ type: 'Apache-2.0' }] });
    await pkg(join(root, 'node_modules/tool'), { name: 'tool', version: '9.0.0', license: 'GPL-3.0' });

    const packages = await collectPackages(root);
    expect(packages.map((p) => `${p.name}@${p.version} ${p.licence}`)).toEqual(['a@1.0.0 MIT', 'b@2.0.0 ISC', 'shared@3.0.0 Apache-2.0']);
    expect(packages[1].texts).toEqual([{ file: 'LICENCE.md', text: 'ISC text of b' }]);

    await mkdir(join(root, 'assets/labels'), { recursive: true });
    await mkdir(join(root, 'assets/fashion-mnist'), { recursive: true });
    await writeFile(join(root, 'assets/fashion-mnist/LICENSE'), 'Zalando MIT');
    await writeFile(join(root, 'assets/labels/README.md'), 'labels readme');
    await writeFile(join(root, 'assets/labels/LICENSE-Apache-2.0.txt'), 'Apache text');
    const text = await renderNotices(root, packages);
    expect(text).toMatch(/^# Third-party notices\n\nInception Studio 1\.2\.3 is released under the MIT licence/);
    expect(text).toContain('| b | 2.0.0 | ISC |');
    expect(text).toContain('### a@1.0.0 (LICENSE)\n\n```text\nMIT text of a\n```');
    expect(text).toContain('- shared@3.0.0 carries no licence file; its package.json states Apache-2.0 (the Apache-2.0 text is under Standard licence texts).');
    expect(text).toMatch(/## Standard licence texts\n\n### Apache-2\.0\n\n```text\nApache text\n```/);
    expect(text).toContain('Zalando MIT');
    expect(text).not.toContain('tool');

    await rm(join(root, 'node_modules/a/node_modules/b'), { recursive: true });
    await rm(join(root, 'node_modules/b'), { recursive: true });
    await expect(collectPackages(root)).rejects.toThrow("b (needed by node_modules/a) is not installed; run npm ci");
  });

  it('covers what the app ships, under licences it may ship', async () => {
    const packages = await collectPackages(repo);
    const names = packages.map((p) => p.name);
    const { dependencies } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(names).toEqual(expect.arrayContaining([...Object.keys(dependencies), '@tensorflow/tfjs-core', 'scheduler']));
    expect(names).not.toContain('electron');
    // Permissive licences, elkjs's EPL-2.0 (a weak copyleft on its own files), and libvips's LGPL (a separate shared library).
    const allowed = /^\(?(MIT|ISC|BSD-2-Clause|BSD-3-Clause|Apache-2\.0|0BSD|BlueOak-1\.0\.0|CC0-1\.0|Python-2\.0|EPL-2\.0|LGPL-3\.0-or-later)( (OR|AND) (MIT|CC0-1\.0|GPL-3\.0-or-later))?\)?$/;
    for (const p of packages) expect(p.licence, `${p.name}@${p.version}`).toMatch(allowed);
  });
});
