import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir';
import { describeWriteError, FileWriteError, writeErrorReason } from './fileWriteError';
import { writeFileAtomic } from './writeFileAtomic';

describe('writeFileAtomic', () => {
  const dir = useTempDir('write-atomic');

  it('writes text and bytes, replacing what was there and leaving no temp file', async () => {
    const text = join(dir(), 'a.json');
    const bytes = join(dir(), 'b.png');
    await writeFile(text, 'old contents that are longer than the new ones');
    await writeFileAtomic(text, '{"new":true}');
    await writeFileAtomic(bytes, new Uint8Array([0, 1, 2, 255]));
    expect(await readFile(text, 'utf8')).toBe('{"new":true}');
    expect([...(await readFile(bytes))]).toEqual([0, 1, 2, 255]);
    expect((await readdir(dir())).sort()).toEqual(['a.json', 'b.png']);
  });

  it('names the asked-for path, not its temp file, when the folder is missing', async () => {
    const target = join(dir(), 'missing', 'x.json');
    const failure = await writeFileAtomic(target, 'x').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FileWriteError);
    expect((failure as FileWriteError).message).toBe(`Cannot write ${target}: its folder does not exist (ENOENT)`);
    expect((failure as FileWriteError).code).toBe('ENOENT');
    expect((await readdir(dir())).sort()).toEqual(['a.json', 'b.png']);
  });
});

describe('describeWriteError', () => {
  const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: raw, open '/x/.y.tmp'`), { code });

  it('explains a full disk and a refused permission, naming the path and keeping the cause', () => {
    const full = describeWriteError('/data/run.json', errno('ENOSPC')) as FileWriteError;
    expect(full.message).toBe('Cannot write /data/run.json: no space left on the device (ENOSPC)');
    expect(full.path).toBe('/data/run.json');
    expect((full.cause as Error).message).toContain('ENOSPC');
    const denied = describeWriteError('/etc/x', errno('EACCES'));
    expect(writeErrorReason(denied, '/etc/x')).toBe('permission denied (EACCES)');
    expect(writeErrorReason(denied, '/home/y')).toBe('Cannot write /etc/x: permission denied (EACCES)');
  });

  it('passes other errors through unchanged', () => {
    const other = errno('EMFILE');
    expect(describeWriteError('/x', other)).toBe(other);
    expect(writeErrorReason(other, '/x')).toBe(other.message);
    expect(writeErrorReason('plain', '/x')).toBe('plain');
  });
});
