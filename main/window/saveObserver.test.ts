import { describe, expect, it } from 'vitest';
import { createHandlers } from '../ipc/handlers';
import { fakeServices, sampleDesignText, scriptedDialogs, tempFolder } from '../testing/fakeHost';
import { observeSaves } from './saveObserver';

describe('observeSaves', () => {
  it('resolves the next save with whether it wrote a file', async () => {
    const folder = await tempFolder('save-observer');
    const services = await fakeServices([folder.path], { dialogs: scriptedDialogs([null, `${folder.path}/a.incept.json`]) });
    const { handlers, nextSave } = observeSaves(createHandlers(services));
    const cancelled = nextSave();
    await handlers.saveDesign({ suggestedName: 'a', text: sampleDesignText() });
    expect(await cancelled).toBe(false);
    const written = nextSave();
    await handlers.saveDesign({ suggestedName: 'a', text: sampleDesignText() });
    expect(await written).toBe(true);
    await folder.remove();
  });
});
