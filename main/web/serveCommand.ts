/**
 * `npm run serve`: the local web host. Serves dist/renderer to a browser and runs the same
 * handlers and trainer processes as the desktop app. Prints the address with its token
 * (serveBanner).
 */
// Stryker disable all: process wiring only, run as its own process (the browser tests start it), where Stryker cannot switch mutants on; its decisions live in serveArgs and serveBanner

import { startLocalWebHost } from './localWebHost';
import { parseServeArgs } from './serveArgs';
import { serveBanner } from './serveBanner';

async function main(): Promise<number> {
  const parsed = parseServeArgs(process.argv.slice(2), process.cwd());
  if (!parsed.ok) {
    console.error(parsed.error);
    return 2;
  }
  const host = await startLocalWebHost(parsed.value);
  for (const line of serveBanner(parsed.value, host.server.url)) console.log(line);

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
