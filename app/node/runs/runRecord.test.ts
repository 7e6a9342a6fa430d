import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir';
import { logEvent, readRunEvents, runPaths } from './runRecord';

describe('the run event log', () => {
  const dir = useTempDir('run-log');

  it('starts the next event on a new line after a line torn by a crash, and reads past the torn one', async () => {
    const log = runPaths(dir()).events;
    await writeFile(log, '{"type":"start","runId":"r"}\n{"type":"epo');
    await logEvent(dir(), { type: 'paused' });
    await logEvent(dir(), { type: 'resumed' });
    const lines = (await readFile(log, 'utf8')).split('\n');
    expect(lines[1]).toBe('{"type":"epo');
    expect(JSON.parse(lines[2])).toMatchObject({ type: 'paused' });
    expect(JSON.parse(lines[3])).toMatchObject({ type: 'resumed' });
    const read = await readRunEvents(dir());
    expect(read.ok && read.value.events.map((event) => event.type)).toEqual(['start', 'paused', 'resumed']);
    expect(read.ok && read.value.warnings).toEqual([`${log}, line 2: not a complete event (a crash mid-write?); skipped`]);
  });

  it('skips a torn last line with a warning, and refuses any other line that is not an event, naming file and line', async () => {
    const log = runPaths(dir()).events;
    await writeFile(log, '{"type":"start","runId":"r"}\n{"type":"paused"}\n{"type":"ep');
    const torn = await readRunEvents(dir());
    expect(torn.ok && torn.value.events.map((event) => event.type)).toEqual(['start', 'paused']);
    expect(torn.ok && torn.value.warnings).toEqual([`${log}, line 3: not a complete event (a crash mid-write?); skipped`]);
    for (const bad of ['not json', '{broken', '{"no":"type"}', '[1]']) {
      await writeFile(log, `{"type":"start","runId":"r"}\n${bad}\n{"type":"paused"}\n`);
      expect(await readRunEvents(dir()), bad).toEqual({ ok: false, error: `${log}, line 2: not a JSON event` });
    }
  });

  it('says so when the folder has no log', async () => {
    const empty = join(dir(), 'empty');
    expect(await readRunEvents(empty)).toEqual({ ok: false, error: `${empty} has no event log: is it a training run folder?` });
  });
});
