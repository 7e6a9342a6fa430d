/** What `npm run serve` prints once it listens: the address to open, and what it exposes to whom. */

import type { ServeOptions } from './serveArgs';

/** Hosts only this machine can reach; any other means the network can reach the server. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The first line starts "Inception Studio web host on " followed by the address: tests and scripts read it from there. */
export function serveBanner(options: ServeOptions, url: string): string[] {
  return [
    `Inception Studio web host on ${url}`,
    `Folders it may access: ${options.roots.join(', ')}`,
    ...(options.open ? [`Opens in the first page that connects: ${options.open.join(', ')}`] : []),
    ...(LOOPBACK.has(options.host) ? [] : [`Listening beyond this machine (${options.host}): anyone with the address and its token can use it.`]),
  ];
}
