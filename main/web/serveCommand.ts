/**
 * `npm run serve`: the local web host. Serves dist/renderer to a browser and runs the same
 * handlers and trainer processes as the desktop app. Prints the address with its token on a
 * line starting "Inception Studio web host on " (tests and scripts read it from there).
 */

import { startLocalWebHost } from './localWebHost';
import { parseServeArgs } from './serveArgs';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function main(): Promise<number> {
  const parsed = parseServeArgs(process.argv.slice(2), process.cwd());
  if (!parsed.ok) {
    console.error(parsed.error);
    return 2;
  }
  const host = await startLocalWebHost(parsed.value);
  console.log(`Inception Studio web host on ${host.server.url}`);
  console.log(`Folders it may access: ${parsed.value.roots.join(', ')}`);
  if (parsed.value.open) console.log(`Opens in the first page that connects: ${parsed.value.open.join(', ')}`);
  if (!LOOPBACK.has(parsed.value.host)) console.log(`Listening beyond this machine (${parsed.value.host}): anyone with the address and its token can use it.`);

  const stop = (): void => void host.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

main().then(
  (code) => code !== 0 && process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
