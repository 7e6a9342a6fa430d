import { readFile, writeFile } from 'node:fs/promises';
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
    const { events, warnings } = await readRunEvents(dir());
    expect(events.map((event) => event.type)).toEqual(['start', 'paused', 'resumed']);
    expect(warnings).toEqual([`${log}, line 2: not a complete event (a crash mid-write?); skipped`]);
  });
});
