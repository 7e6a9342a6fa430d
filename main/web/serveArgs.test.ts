import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serveArgs';

describe('parseServeArgs', () => {
  it('defaults to loopback, port 4780 and the working folder', () => {
    expect(parseServeArgs([], '/work')).toEqual({ ok: true, value: { host: '127.0.0.1', port: 4780, roots: ['/work'] } });
  });

  it('takes --host, --port and repeated --root', () => {
    expect(parseServeArgs(['--host', '0.0.0.0', '--port', '0', '--root', 'data', '--root', '/designs'], '/work')).toEqual({
      ok: true,
      value: { host: '0.0.0.0', port: 0, roots: ['/work/data', '/designs'] },
    });
  });

  it('takes design files to open in the first page', () => {
    expect(parseServeArgs(['--root', '/designs', 'net.incept.json', '/designs/other.incept.json'], '/work')).toEqual({
      ok: true,
      value: { host: '127.0.0.1', port: 4780, roots: ['/designs'], open: ['/work/net.incept.json', '/designs/other.incept.json'] },
    });
  });

  it('names the bad argument', () => {
    expect(parseServeArgs(['--port', 'eighty'], '/w')).toMatchObject({ ok: false, error: expect.stringMatching(/--port: expected a port number/) });
    expect(parseServeArgs(['--root'], '/w')).toMatchObject({ ok: false, error: expect.stringMatching(/--root needs a value/) });
    expect(parseServeArgs(['--verbose'], '/w')).toMatchObject({ ok: false, error: expect.stringMatching(/unknown argument "--verbose"/) });
  });
});
