import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHostFolders } from '../testing/fakeHost';
import { createPathPolicy } from './pathPolicy';
import { writeUploads } from './uploads';

const { root, outside } = useHostFolders('upload-root', 'upload-outside');

const file = (path: string, text = 'bytes') => ({ path, base64: Buffer.from(text).toString('base64') });

describe('writeUploads', () => {
  it('writes a folder tree inside the target folder and returns the paths', async () => {
    const policy = await createPathPolicy([root.path]);
    const result = await writeUploads(policy, root.path, [file('set/a/1.png', 'one'), file('set/b/2.png', 'two')]);
    expect(result).toEqual({ ok: true, value: [join(root.path, 'set/a/1.png'), join(root.path, 'set/b/2.png')] });
    expect(await readFile(join(root.path, 'set/b/2.png'), 'utf8')).toBe('two');
  });

  it('refuses a target folder outside the roots, or one that is not a folder', async () => {
    const policy = await createPathPolicy([root.path]);
    expect(await writeUploads(policy, outside.path, [file('a.png')])).toMatchObject({ ok: false, error: expect.stringContaining('outside the folders') });
    await writeFile(join(root.path, 'plain.csv'), 'x');
    expect(await writeUploads(policy, join(root.path, 'plain.csv'), [file('a.png')])).toMatchObject({ ok: false, error: expect.stringContaining('is not a folder') });
  });

  it('writes nothing when one file of the batch is refused or already exists', async () => {
    const policy = await createPathPolicy([root.path]);
    expect(await writeUploads(policy, root.path, [file('ok.png'), file('../escape.png')])).toMatchObject({ ok: false, error: expect.stringContaining('Nothing was written') });
    await writeFile(join(root.path, 'taken.png'), 'mine');
    expect(await writeUploads(policy, root.path, [file('new.png'), file('taken.png', 'theirs')])).toMatchObject({ ok: false, error: expect.stringContaining('already exists') });
    expect(await readdir(root.path)).toEqual(['taken.png']);
    expect(await readFile(join(root.path, 'taken.png'), 'utf8')).toBe('mine');
  });

  it('does not follow a symbolic link out of the folder', async () => {
    const policy = await createPathPolicy([root.path]);
    await symlink(outside.path, join(root.path, 'link'));
    expect(await writeUploads(policy, root.path, [file('link/x.png')])).toMatchObject({ ok: false, error: expect.stringContaining('outside') });
    expect(await readdir(outside.path)).toEqual([]);
  });

  it('refuses a file over the size limit', async () => {
    const policy = await createPathPolicy([root.path]);
    await mkdir(join(root.path, 'big'));
    const huge = { path: 'big/x.png', base64: Buffer.alloc(64 * 1024 * 1024 + 1).toString('base64') };
    expect(await writeUploads(policy, join(root.path, 'big'), [huge])).toMatchObject({ ok: false, error: expect.stringContaining('larger than 64 MiB') });
  });
});
