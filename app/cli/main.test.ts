import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../node/testing/tempDir';
import { runCli } from './testing/captureIo';

const dir = useTempDir('cli-main');

describe('inception-studio', () => {
  it('prints its version and runtimes with --version, -v and version', async () => {
    const { version, dependencies } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; dependencies: Record<string, string> };
    for (const flag of ['--version', '-v', 'version']) {
      const { code, out, err } = await runCli(dir(), [flag]);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out).toBe(`inception-studio ${version} (Node.js ${process.versions.node}, TensorFlow.js ${dependencies['@tensorflow/tfjs']}, ${process.platform} ${process.arch})\n`);
    }
  });

  it('lists the commands with --help, and gives a command its own help', async () => {
    const help = await runCli(dir(), ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^ {2}summary +Print output shapes/m);
    expect(help.out).toMatch(/^ {2}evaluate +Evaluate a saved model/m);
    const summary = await runCli(dir(), ['help', 'summary']);
    expect(summary).toMatchObject({ code: 0, err: '' });
    expect(summary.out).toMatch(/^Usage: inception-studio summary /);
    expect((await runCli(dir(), ['summary', '-h'])).out).toBe(summary.out);
  });

  it('exits 2 with the overview on stderr without a command, and names an unknown one', async () => {
    const bare = await runCli(dir(), []);
    expect(bare).toMatchObject({ code: 2, out: '' });
    expect(bare.err).toMatch(/^Usage: inception-studio <command>/);
    expect(await runCli(dir(), ['trian'])).toMatchObject({ code: 2, err: "inception-studio: unknown command 'trian'. Commands: presets, summary, validate, export-preset, export, import, predict, train, evaluate, experiment, doctor.\n" });
    expect(await runCli(dir(), ['help', 'trian'])).toMatchObject({ code: 2, err: expect.stringContaining("unknown command 'trian'") });
  });
});
