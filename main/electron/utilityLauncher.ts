/** LaunchProcess over Electron's `utilityProcess`: how the desktop host starts trainers. */

import { utilityProcess } from 'electron';
import { basename } from 'node:path';
import type { LaunchProcess } from '../trainer/processLauncher';

export const utilityLauncher: LaunchProcess = (entry) => {
  const child = utilityProcess.fork(entry, [], { serviceName: `Inception Studio ${basename(entry, '.js')}`, stdio: 'inherit' });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
};
