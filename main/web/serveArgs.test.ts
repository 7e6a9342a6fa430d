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

  it('takes ports 0 to 65535 and nothing just outside or between', () => {
    for (const port of ['0', '1', '65535']) expect(parseServeArgs(['--port', port], '/w'), port).toMatchObject({ ok: true, value: { port: Number(port) } });
    for (const port of ['-1', '65536', '80.5', '', ' ', '0x50', '1e3']) {
      expect(parseServeArgs(['--port', port], '/w'), port).toEqual({ ok: false, error: `--port: expected a port number 0–65535, found "${port}"` });
    }
  });

  it('refuses a flag where a value belongs, and says how to call it', () => {
    const usage = 'usage: npm run serve -- [--host 127.0.0.1] [--port 4780] [--root DIR]... [DESIGN.incept.json]...';
    expect(parseServeArgs(['--host', '--port', '80'], '/w')).toEqual({ ok: false, error: `--host needs a value\n${usage}` });
    expect(parseServeArgs(['--port'], '/w')).toEqual({ ok: false, error: `--port needs a value\n${usage}` });
    expect(parseServeArgs(['-h'], '/w')).toEqual({ ok: false, error: `unknown argument "-h"\n${usage}` });
    // A value that merely starts with one dash is a value (a folder may be named so).
    expect(parseServeArgs(['--root', '-data'], '/w')).toMatchObject({ ok: true, value: { roots: ['/w/-data'] } });
  });

  it('keeps the working folder out of the roots once a root is named', () => {
    expect(parseServeArgs(['--root', 'a'], '/w')).toMatchObject({ ok: true, value: { roots: ['/w/a'] } });
  });
});
