import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
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

describe('writeFileAtomic over what is there', () => {
  const dir = useTempDir('write-over');

  it('keeps the existing file’s mode', async () => {
    const path = join(dir(), 'shared.incept.json');
    await writeFile(path, 'old');
    await chmod(path, 0o640);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('follows a symbolic link and writes its target, keeping the link', async () => {
    await mkdir(join(dir(), 'real'));
    const target = join(dir(), 'real', 'design.incept.json');
    await writeFile(target, 'old');
    const link = join(dir(), 'link.incept.json');
    await symlink(target, link);
    await writeFileAtomic(link, 'through the link');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('through the link');
    expect((await readdir(join(dir(), 'real'))).sort()).toEqual(['design.incept.json']);
  });

  it('refuses to replace anything that is not a regular file', async () => {
    const fifo = join(dir(), 'pipe.incept.json');
    execFileSync('mkfifo', [fifo]);
    const folder = join(dir(), 'folder.incept.json');
    await mkdir(folder);
    for (const path of [fifo, folder]) {
      const failure = await writeFileAtomic(path, 'x').catch((error: unknown) => error);
      expect(failure, path).toBeInstanceOf(FileWriteError);
      expect((failure as Error).message, path).toMatch(/is not a regular file/);
    }
    expect((await lstat(fifo)).isFIFO()).toBe(true);
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
