/**
 * Entry of the trainer process. Node: `child_process.fork(thisFile, { execArgv: ['--import',
 * 'tsx'] })` (see trainerClient.ts); Electron: `utilityProcess.fork` of the built file. A
 * SIGINT (Ctrl-C reaches the whole process group) or a vanished parent stops the run after its
 * current step, with a checkpoint.
 */

import { serveTrainer } from './trainerService';
import { processTransport } from './transport';

const control = serveTrainer(processTransport(), (outcome) => {
  process.exit(outcome === 'failed' ? 1 : 0);
});
process.on('SIGINT', () => control.stop());
process.on('SIGTERM', () => control.stop());
