/**
 * The trainer process's logic, apart from its entry file so tests can drive it in-process:
 * commands in (start, pause, resume, stop), events out, one run per process.
 */

import { parseTrainerCommand } from '../../training/processProtocol';
import { unhandled } from '../../unhandled';
import { RunControl } from './runControl';
import { runTraining, type RunOutcome } from './trainRun';
import type { TrainerTransport } from './transport';

/** Serves one run; `finished` gets the outcome once the last event has been sent. */
export function serveTrainer(transport: TrainerTransport, finished: (outcome: RunOutcome) => void): RunControl {
  const control = new RunControl();
  let started = false;
  let lastSend: Promise<void> = Promise.resolve();
  const send = (event: Parameters<TrainerTransport['send']>[0]): void => {
    lastSend = transport.send(event);
  };
  transport.onParentGone(() => control.stop());
  transport.onMessage((message) => {
    const parsed = parseTrainerCommand(message);
    if (!parsed.ok) {
      send({ type: 'log', level: 'warning', message: `Ignored a trainer message: ${parsed.error}.` });
      return;
    }
    const command = parsed.value;
    switch (command.type) {
      case 'pause':
        return control.pause();
      case 'resume':
        return control.resume();
      case 'stop':
        return control.stop();
      case 'start':
        if (started) return send({ type: 'log', level: 'warning', message: 'A trainer process runs one training; start a new process for another.' });
        started = true;
        void runTraining(command.request, send, control).then(async (outcome) => {
          await lastSend;
          finished(outcome);
        });
        return;
      default:
        return unhandled(command);
    }
  });
  return control;
}
