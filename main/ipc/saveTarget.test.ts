import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeServices, scriptedDialogs, tempFolder } from '../testing/fakeHost';
import { saveTarget } from './saveTarget';

const folders: { remove(): Promise<void> }[] = [];
async function folder(): Promise<string> {
  const made = await tempFolder('save-target');
  folders.push(made);
  return made.path;
}
afterEach(async () => {
  for (const made of folders.splice(0)) await made.remove();
});

const pickSave = (dialogs: { chooseDesignSaveTarget(name: string): Promise<string | null> }) => dialogs.chooseDesignSaveTarget('x');

describe('saveTarget', () => {
  it('web host: a free name in the first root, numbered before the whole extension when taken', async () => {
    const root = await folder();
    const services = await fakeServices([root]);
    const allowed = [...services.paths.allowed()];
    expect(await saveTarget(services, 'design', undefined, pickSave, 'net.incept.json')).toEqual({ ok: true, value: join(root, 'net.incept.json') });
    expect(services.paths.allowed()).toEqual(allowed); // a name the host chose is not a grant
    await writeFile(join(root, 'net.incept.json'), '{}');
    expect(await saveTarget(services, 'design', undefined, pickSave, 'net.incept.json')).toEqual({ ok: true, value: join(root, 'net (2).incept.json') });
    await writeFile(join(root, 'net (2).incept.json'), '{}');
    expect(await saveTarget(services, 'design', undefined, pickSave, 'net.incept.json')).toEqual({ ok: true, value: join(root, 'net (3).incept.json') });
  });

  it('gives a design name its extension and keeps only the base name of a suggested path', async () => {
    const root = await folder();
    const services = await fakeServices([root]);
    expect(await saveTarget(services, 'design', undefined, pickSave, '../../elsewhere/net')).toEqual({ ok: true, value: join(root, 'net.incept.json') });
    expect(await saveTarget(services, 'export', undefined, pickSave, 'graph.svg')).toEqual({ ok: true, value: join(root, 'graph.svg') });
  });

  it('numbers a name without an extension at its end', async () => {
    const root = await folder();
    await writeFile(join(root, 'model'), '');
    expect(await saveTarget(await fakeServices([root]), 'modelDir', undefined, pickSave, 'model')).toEqual({ ok: true, value: join(root, 'model (2)') });
  });

  it('refuses to guess without a root, saying how to give one', async () => {
    expect(await saveTarget(await fakeServices([]), 'design', undefined, pickSave, 'net.incept.json')).toEqual({ ok: false, error: 'No folder to save into: start the web host with --root DIR' });
  });

  it('checks a path the renderer names against the roots, and never grants it', async () => {
    const root = await folder();
    const outside = await folder();
    const services = await fakeServices([root]);
    const allowed = [...services.paths.allowed()];
    expect(await saveTarget(services, 'design', join(root, 'a.incept.json'), pickSave, 'ignored')).toEqual({ ok: true, value: join(root, 'a.incept.json') });
    const refused = await saveTarget(services, 'design', join(outside, 'b.incept.json'), pickSave, 'ignored');
    expect(refused.ok).toBe(false);
    expect(services.paths.allowed()).toEqual(allowed);
  });

  it('desktop: takes what the user picks and grants it; a cancelled dialog saves nothing', async () => {
    const root = await folder();
    const picked = join(await folder(), 'chosen.incept.json');
    const services = await fakeServices([root], { dialogs: scriptedDialogs([picked, null]) });
    expect(await saveTarget(services, 'design', undefined, pickSave, 'net.incept.json')).toEqual({ ok: true, value: picked });
    expect((await services.paths.check(picked)).ok).toBe(true);
    expect(await saveTarget(services, 'design', undefined, pickSave, 'net.incept.json')).toEqual({ ok: true, value: null });
  });

  it('refuses a picked file of the wrong type, and does not grant it', async () => {
    const root = await folder();
    const picked = join(await folder(), 'notes.txt');
    const services = await fakeServices([root], { dialogs: scriptedDialogs([picked]) });
    expect(await saveTarget(services, 'design', undefined, pickSave, 'net.incept.json')).toEqual({ ok: false, error: `Refusing to write ${picked}: designs are saved as .incept.json files.` });
    expect((await services.paths.check(picked)).ok).toBe(false);
  });
});
