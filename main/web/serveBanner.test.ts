import { describe, expect, it } from 'vitest';
import { serveBanner } from './serveBanner';

const url = 'http://127.0.0.1:4780/?token=abc';

describe('serveBanner', () => {
  it('gives the address first, then the folders, and nothing more on loopback', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect(serveBanner({ host, port: 4780, roots: ['/a', '/b'] }, url), host).toEqual([`Inception Studio web host on ${url}`, 'Folders it may access: /a, /b']);
    }
  });

  it('names the designs it will open', () => {
    expect(serveBanner({ host: '127.0.0.1', port: 4780, roots: ['/a'], open: ['/a/x.incept.json', '/y.incept.json'] }, url)[2]).toBe('Opens in the first page that connects: /a/x.incept.json, /y.incept.json');
  });

  it('warns when any other host can reach it, near-misses of loopback included', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.5', '127.0.0.2', 'localhost.lan']) {
      expect(serveBanner({ host, port: 4780, roots: ['/a'] }, url).at(-1), host).toBe(`Listening beyond this machine (${host}): anyone with the address and its token can use it.`);
    }
  });
});
