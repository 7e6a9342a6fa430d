/** An in-memory child process for trainer-host tests: records what the host sends, lets the test reply and exit. */

import type { ChildChannel, LaunchProcess } from '../trainer/processLauncher';

export interface FakeChild extends ChildChannel {
  entry: string;
  sent: unknown[];
  killed: boolean;
  reply(message: unknown): void;
  exit(code: number | null): void;
}

export function fakeLauncher(): LaunchProcess & { children: FakeChild[] } {
  const children: FakeChild[] = [];
  const launch = (entry: string): FakeChild => {
    const messageListeners: ((message: unknown) => void)[] = [];
    const exitListeners: ((code: number | null) => void)[] = [];
    let exited = false;
    const child: FakeChild = {
      entry,
      sent: [],
      killed: false,
      send: (message) => void child.sent.push(message),
      onMessage: (listener) => void messageListeners.push(listener),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => {
        child.killed = true;
        child.exit(null);
      },
      reply: (message) => messageListeners.forEach((listener) => listener(message)),
      exit: (code) => {
        if (exited) return;
        exited = true;
        exitListeners.forEach((listener) => listener(code));
      },
    };
    children.push(child);
    return child;
  };
  return Object.assign(launch, { children });
}
