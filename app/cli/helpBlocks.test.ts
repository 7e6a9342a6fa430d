import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROGRESS_TASKS } from '../training/progress';
import type { TrainEvent } from '../training/types';
import { currentHelpTexts, readHelpBlocks, TOP_LEVEL_HELP, writeHelpBlocks } from './helpBlocks';
import { commands } from './main';

const docPath = fileURLToPath(new URL('../../docs/cli.md', import.meta.url));

/** Every train event type; a type added to TrainEvent fails to compile here until listed. */
const TRAIN_EVENT_TYPES: { readonly [K in TrainEvent['type']]: true } = {
  progress: true,
  scan: true,
  start: true,
  step: true,
  epoch: true,
  checkpoint: true,
  paused: true,
  resumed: true,
  log: true,
  done: true,
  error: true,
};

describe('docs/cli.md', () => {
  it('holds exactly what --help prints, for the top level and every command', async () => {
    const doc = readHelpBlocks(await readFile(docPath, 'utf8'));
    const help = await currentHelpTexts();
    expect([...doc.keys()].sort(), 'every command has a help block in docs/cli.md').toEqual([...help.keys()].sort());
    for (const [name, text] of help) expect(doc.get(name), `docs/cli.md is out of date for ${name}: run npx tsx scripts/updateCliDocs.ts`).toBe(text);
  });

  it('documents every train event type and progress task', async () => {
    const doc = await readFile(docPath, 'utf8');
    const trainEvents = doc.slice(doc.indexOf('## train'), doc.indexOf('## evaluate'));
    for (const type of Object.keys(TRAIN_EVENT_TYPES)) expect(trainEvents, `train event '${type}'`).toMatch(new RegExp(`^\\| [^|]*\`${type}\``, 'm'));
    const progress = doc.slice(doc.indexOf('### Progress'), doc.indexOf('## presets'));
    for (const task of PROGRESS_TASKS) expect(progress, `progress task '${task}'`).toContain(`\`${task}\``);
  });
});

describe('--help', () => {
  it('names every option each command accepts', async () => {
    for (const [name, load] of Object.entries(commands)) {
      const { command } = await load();
      for (const option of Object.keys(command.options)) expect(command.usage, `${name} --help`).toContain(`--${option}`);
    }
  });
});

describe('help blocks', () => {
  it('rewrites a stale block and leaves the prose and unknown blocks alone', () => {
    const doc = `intro\n<!-- help: ${TOP_LEVEL_HELP} -->\n\`\`\`text\nold\n\`\`\`\nprose\n<!-- help: other -->\n\`\`\`text\nkept\n\`\`\`\n`;
    const written = writeHelpBlocks(doc, new Map([[TOP_LEVEL_HELP, 'new text']]));
    expect(written).toBe(`intro\n<!-- help: ${TOP_LEVEL_HELP} -->\n\`\`\`text\nnew text\n\`\`\`\nprose\n<!-- help: other -->\n\`\`\`text\nkept\n\`\`\`\n`);
    expect(readHelpBlocks(written)).toEqual(new Map([[TOP_LEVEL_HELP, 'new text\n'], ['other', 'kept\n']]));
  });
});
