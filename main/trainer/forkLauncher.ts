/** LaunchProcess over `child_process.fork`: the web host's and the tests' way to start a trainer. */

import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ChildChannel, LaunchProcess } from './processLauncher';

/** tsx's loader as an absolute URL, so the child finds it whatever its working folder. */
const tsxLoader = (): string => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** TypeScript entries run through tsx's loader; built .js entries run as they are. */
export const forkLauncher: LaunchProcess = (entry) => {
  const execArgv = entry.endsWith('.ts') ? ['--import', tsxLoader()] : [];
  const child = fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const channel: ChildChannel = {
    send: (message) => {
      if (child.connected) child.send(message as object);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
  return channel;
};
