/**
 * docs/cli.md carries each `--help` text verbatim in a fenced block under a marker comment
 * (`<!-- help: train -->`); the prose around them is written by hand. These read the blocks,
 * produce today's texts, and rewrite the blocks (`npx tsx scripts/updateCliDocs.ts`); a test
 * fails when the doc and the command line disagree.
 */

import { commands, topLevelHelp } from './main';

/** The marker name of the top-level `inception-studio --help`. */
export const TOP_LEVEL_HELP = 'inception-studio';

const BLOCK = /<!-- help: ([\w-]+) -->\n```text\n([\s\S]*?)```\n/g;

/** Marker name → the block's text, in document order. */
export function readHelpBlocks(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(BLOCK)].map((match) => [match[1], match[2]]));
}

/** The document with every marked block replaced by `texts` (names it lacks are kept as they are). */
export function writeHelpBlocks(markdown: string, texts: ReadonlyMap<string, string>): string {
  return markdown.replace(BLOCK, (whole, name: string) => {
    const text = texts.get(name);
    return text === undefined ? whole : `<!-- help: ${name} -->\n\`\`\`text\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\`\n`;
  });
}

/** What `--help` prints today: the top level, then each command. */
export async function currentHelpTexts(): Promise<Map<string, string>> {
  const texts = new Map([[TOP_LEVEL_HELP, await topLevelHelp()]]);
  for (const [name, load] of Object.entries(commands)) texts.set(name, `${(await load()).command.usage}\n`);
  return texts;
}
