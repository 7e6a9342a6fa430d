import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol';
import { tempFolder } from '../testing/fakeHost';
import { forkLauncher } from './forkLauncher';
import { createTrainerHost } from './trainerHost';

/** A stand-in trainer: reports a checkpoint for the start command, then dies as a crash would. */
const crashingTrainer = `
process.on('message', (command) => {
  if (command.type !== 'start') return;
  process.send({ type: 'checkpoint', kind: 'last', epoch: 1, path: command.request.runDir + '/checkpoints/last' }, () => process.exit(3));
});
`;

describe('forkLauncher with the trainer host', () => {
  it('runs a real child process and reports its crash with the last checkpoint', async () => {
    const folder = await tempFolder('fork-launcher');
    const entry = join(folder.path, 'crashingTrainer.mjs');
    await writeFile(entry, crashingTrainer);
    const events: HostEvent[] = [];
    let crashed: (event: HostEvent) => void = () => {};
    const crash = new Promise<HostEvent>((resolve) => (crashed = resolve));
    const host = createTrainerHost({
      launch: forkLauncher,
      entry,
      runsRoot: join(folder.path, 'runs'),
      emit: (event) => {
        events.push(event);
        if (event.type === 'trainer-crashed') crashed(event);
      },
    });
    const started = await host.start({ design: '{"name":"x"}', config: {} });
    const runDir = started.ok ? started.value.runDir : '';
    expect(await crash).toEqual({
      type: 'trainer-crashed',
      runId: started.ok ? started.value.runId : '',
      message: expect.stringMatching(/exited with code 3/),
      lastCheckpoint: `${runDir}/checkpoints/last`,
    });
    expect(events.map((event) => event.type)).toEqual(['train', 'trainer-crashed']);
    expect(host.sessionRuns()[0].state).toBe('failed');
    await folder.remove();
  });
});
