/**
 * THIRD-PARTY-NOTICES.md from what the app really ships: the production dependency tree as
 * installed in node_modules (dependencies and the optional ones present, recursively, resolved
 * the way Node resolves them) with each package's own licence files, and the data under assets/
 * that comes from elsewhere. `npm run build` writes it to dist/notices/; electron-builder puts
 * it next to the app (`extraResources`).
 */

import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Files a package uses to state its licence and notices. */
const LICENCE_FILE = /^(licen[cs]e|copying|notice|third[-_]party[-_]notices)(\b|[-_.])/i;

/** Data bundled under assets/ that is not the project's own, with the files that state its terms. */
export const BUNDLED_DATA = [
  { name: 'Fashion-MNIST sample (assets/fashion-mnist, assets/samples/fashion)', licence: 'MIT', files: ['assets/fashion-mnist/LICENSE'] },
  { name: 'ImageNet class names (assets/labels/imagenet.json)', licence: 'Apache-2.0', files: ['assets/labels/README.md', 'assets/labels/LICENSE-Apache-2.0.txt'] },
];

/** Standard texts for licences that some packages name without carrying the text. */
const STANDARD_TEXTS = [
  { licence: 'Apache-2.0', match: /Apache-2\.0/, files: ['assets/labels/LICENSE-Apache-2.0.txt'] },
  { licence: 'LGPL-3.0', match: /LGPL-3\.0/, files: ['assets/licences/LGPL-3.0.txt', 'assets/licences/GPL-3.0.txt'] },
];

/** sharp's libvips package (one per platform) is a binary of many libraries; it lists them in versions.json. */
const BUNDLE_MANIFESTS = [{ prefix: '@img/sharp-libvips-', file: 'versions.json', note: 'libvips and the libraries built into it (their notices: https://github.com/lovell/sharp-libvips/blob/main/THIRD-PARTY-NOTICES.md)' }];

async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Node's lookup: `from/node_modules/name`, then each parent folder's, up to `root`. */
async function resolvePackageDir(name, from, root) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    const found = await readJson(join(candidate, 'package.json')).then(
      () => true,
      () => false,
    );
    if (found) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

/** A fenced block that no run of backticks inside the text can close early. */
function fenced(text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, text, fence];
}

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'UNKNOWN';
}

function homepageOf(pkg) {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/\.git$/, '') ?? null;
}

/** Every package the app ships, sorted by name and version, each with its licence texts. */
export async function collectPackages(root) {
  const rootPkg = await readJson(join(root, 'package.json'));
  const seen = new Map();
  const queue = [{ from: root, deps: { ...rootPkg.dependencies, ...rootPkg.optionalDependencies }, optional: new Set(Object.keys(rootPkg.optionalDependencies ?? {})) }];
  while (queue.length > 0) {
    const { from, deps, optional } = queue.shift();
    for (const name of Object.keys(deps ?? {})) {
      const dir = await resolvePackageDir(name, from, root);
      if (dir === null) {
        if (optional.has(name)) continue;
        throw new Error(`thirdPartyNotices: ${name} (needed by ${relative(root, from) || 'the app'}) is not installed; run npm ci`);
      }
      if (seen.has(dir)) continue;
      const pkg = await readJson(join(dir, 'package.json'));
      const files = (await readdir(dir)).filter((file) => LICENCE_FILE.test(file)).sort();
      const manifest = BUNDLE_MANIFESTS.find((m) => name.startsWith(m.prefix));
      if (manifest) files.push(manifest.file);
      const texts = await Promise.all(files.map(async (file) => ({ file, text: (await readFile(join(dir, file), 'utf8')).trim(), ...(file === manifest?.file ? { note: manifest.note } : {}) })));
      seen.set(dir, { name: pkg.name ?? name, version: pkg.version ?? '?', licence: licenceOf(pkg), homepage: homepageOf(pkg), texts });
      queue.push({ from: dir, deps: { ...pkg.dependencies, ...pkg.optionalDependencies }, optional: new Set(Object.keys(pkg.optionalDependencies ?? {})) });
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The notices as Markdown; identical licence texts are printed once with every package that uses them. */
export async function renderNotices(root, packages) {
  const { version, license } = await readJson(join(root, 'package.json'));
  const lines = [
    '# Third-party notices',
    '',
    `Inception Studio ${version} is released under the ${license} licence (LICENSE). It ships the software and data below,`,
    'each under its own licence, reproduced here. Generated at build time by scripts/thirdPartyNotices.mjs from the',
    'installed dependency tree. The desktop app also contains Electron and Chromium, whose notices electron-builder',
    'places next to the executable (LICENSE.electron.txt, LICENSES.chromium.html).',
    '',
    '## Data',
    '',
  ];
  for (const data of BUNDLED_DATA) {
    lines.push(`### ${data.name} — ${data.licence}`, '');
    for (const file of data.files) lines.push(...fenced((await readFile(join(root, file), 'utf8')).trim()), '');
  }
  lines.push(`## Packages (${packages.length})`, '', '| package | version | licence | home |', '| --- | --- | --- | --- |');
  for (const p of packages) lines.push(`| ${p.name} | ${p.version} | ${p.licence} | ${p.homepage ?? ''} |`);
  lines.push('', '## Licence texts', '');
  const byText = new Map();
  const standard = new Set();
  for (const p of packages) {
    const texts = p.texts.filter((t) => !t.note);
    const named = STANDARD_TEXTS.find((s) => s.match.test(p.licence));
    if (texts.length === 0) {
      if (named) standard.add(named);
      lines.push(`- ${p.name}@${p.version} carries no licence file; its package.json states ${p.licence}${named ? ` (the ${named.licence} text is under Standard licence texts)` : ''}.`);
    }
    for (const { file, text, note } of p.texts) byText.set(text, [...(byText.get(text) ?? []), `${p.name}@${p.version} (${note ? `${file}: ${note}` : file})`]);
  }
  for (const [text, users] of byText) lines.push('', `### ${users.join(', ')}`, '', ...fenced(text));
  if (standard.size > 0) lines.push('', '## Standard licence texts');
  for (const named of standard) {
    lines.push('', `### ${named.licence}`);
    for (const file of named.files) lines.push('', ...fenced((await readFile(join(root, file), 'utf8')).trim()));
  }
  return `${lines.join('\n')}\n`;
}
