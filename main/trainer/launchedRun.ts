/**
 * The experiment runner's way to start a run in the hosts: the trainer process through the
 * host's own launcher (Electron's utilityProcess, or a forked Node child on the web host), so an
 * experiment's runs train in the same processes as the Train panel's, and the runner
 * (app/node/experiments) is the command line's, not a second implementation. The trainer holds
 * the paths it finds inside files (a CSV manifest's rows) to the host's roots, as the Train
 * panel's runs do.
 */

import type { StartRun } from '../../app/node/experiments/experimentRunner';
import type { TrainerCommand } from '../../app/training/processProtocol';
import type { TrainEvent } from '../../app/training/types';
import type { LaunchProcess } from './processLauncher';
import { isTrainEvent } from './trainerHost';

export function launchedRunStarter(launch: LaunchProcess, entry: string, roots: () => readonly string[]): StartRun {
  return (request, onEvent) => {
    const channel = launch(entry);
    let final: Extract<TrainEvent, { type: 'done' | 'error' }> | null = null;
    channel.onMessage((message) => {
      if (!isTrainEvent(message)) return;
      if (message.type === 'done' || message.type === 'error') final = message;
      onEvent(message);
    });
    const exited = new Promise<Awaited<ReturnType<StartRun>['exited']>>((resolve) => channel.onExit((code) => resolve({ final, code, signal: null })));
    channel.send({ type: 'start', request: { ...request, roots: roots() } } satisfies TrainerCommand);
    return { stop: () => channel.send({ type: 'stop' } satisfies TrainerCommand), exited };
  };
}
