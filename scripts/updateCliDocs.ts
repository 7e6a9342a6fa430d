/** Rewrites the `--help` blocks of docs/cli.md from the command line's own texts. */

import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { currentHelpTexts, writeHelpBlocks } from '../app/cli/helpBlocks';

const path = fileURLToPath(new URL('../docs/cli.md', import.meta.url));
const before = await readFile(path, 'utf8');
const after = writeHelpBlocks(before, await currentHelpTexts());
if (after === before) console.log('docs/cli.md is up to date');
else {
  await writeFile(path, after);
  console.log('docs/cli.md: help blocks rewritten');
}
