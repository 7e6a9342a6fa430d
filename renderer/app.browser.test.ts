/**
 * The designer driven like a user, in Chromium against the real web host: roles and labels
 * only. Each test leaves a screenshot under test-artifacts/.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { analyze } from '../app/analysis/analyze';
import { summarizeLayers } from '../app/analysis/layerSummary';
import { buildPreset, presets, SMALL_CPU_OPTIONS, type PresetOptions } from '../app/presets/index';
import { formatCount } from './format/quantities';
import { browserSkipReason, openStudio, type StudioSession } from './testing/studioBrowser';
import { BROWSER_TEST_MS, eventually, steady } from './testing/eventually';

const skip = browserSkipReason();

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from one node's output handle to another node's input port, as a user connects. */
async function connect(page: Page, source: string, target: string, port: number): Promise<void> {
  const from = await center(page.locator(`.react-flow__handle[data-nodeid="${source}"][data-handleid="out"]`));
  const to = await center(page.locator(`.react-flow__handle[data-nodeid="${target}"][data-handleid="in-${port}"]`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}


/** A node title's font size as drawn: its computed size times the canvas zoom. */
async function onScreenTitleSize(page: Page, id: string): Promise<number> {
  return page.evaluate((nodeId) => {
    const title = document.querySelector(`[data-testid="node-${nodeId}"] .block-summary__title`);
    const viewport = document.querySelector('.react-flow__viewport');
    if (!title || !viewport) return 0;
    return parseFloat(getComputedStyle(title).fontSize) * new DOMMatrix(getComputedStyle(viewport).transform).a;
  }, id);
}

const node = (page: Page, id: string) => page.getByRole('group', { name: new RegExp(`^Node ${id}( \\(expanded\\))?$`) });

describe.skipIf(skip !== null)(`designer in Chromium${skip ? ` (skipped: ${skip})` : ''}`, { timeout: BROWSER_TEST_MS }, () => {
  let studio: StudioSession;
  let page: Page;

  beforeAll(async () => {
    studio = await openStudio();
    page = studio.page;
    // "Discard unsaved changes?" when switching designs: yes.
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await studio?.close();
  });

  async function startEmpty() {
    await page.keyboard.press('Escape');
    if (!(await page.getByRole('dialog', { name: 'Start' }).isVisible())) {
      await page.getByRole('menuitem', { name: 'File' }).click();
      await page.getByRole('menuitem', { name: 'Start screen' }).click();
    }
    await page.getByRole('button', { name: 'New empty design' }).click();
    await eventually(() => page.getByRole('dialog', { name: 'Start' }).count()).toBe(0);
  }

  async function openPresetFromMenu(title: string) {
    await page.keyboard.press('Escape');
    if (await page.getByRole('dialog', { name: 'Start' }).isVisible()) await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('menuitem', { name: 'Presets' }).click();
    await page.getByRole('menu', { name: 'Presets' }).getByRole('menuitem', { name: title, exact: true }).click();
    // Its options come first, with the Open button focused: Enter opens with the defaults.
    const options = page.getByRole('dialog', { name: `Open ${title}` });
    await eventually(() => options.count()).toBe(1);
    await page.keyboard.press('Enter');
    await eventually(() => options.count()).toBe(0);
  }

  it('adds a block from the palette by dragging and connects it', async () => {
    await startEmpty();
    const canvas = page.getByRole('main', { name: 'Design canvas' });
    await page.getByRole('listitem', { name: 'Stem (Inception-v4)' }).dragTo(canvas, { targetPosition: { x: 430, y: 650 } });
    await eventually(() => node(page, 'stem').count()).toBe(1);
    await connect(page, 'input', 'stem', 0);
    await eventually(() => page.getByLabel('Edge input->stem:0 carries 299×299×3').count()).toBe(1);
    await eventually(() => node(page, 'stem').getByLabel('Output shape').textContent()).toBe('35×35×384');
    expect(await page.getByLabel('Output shape', { exact: true }).last().textContent()).toBe('output 35×35×384');
    await studio.screenshot('palette-add-and-connect');
  });

  it('shows a grid mismatch on the node and in the panel, and undo/redo move through the fix', async () => {
    await startEmpty();
    await node(page, 'input').click();
    await page.getByRole('listitem', { name: 'Convolution' }).dblclick();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByLabel('Strides').fill('2');
    await inspector.getByLabel('Padding').selectOption('valid');
    await page.getByRole('listitem', { name: 'Concatenate' }).dblclick();
    await page.getByRole('button', { name: 'Fit view' }).click();
    await steady(() => page.locator('.react-flow__viewport').getAttribute('style')); // the fit animates
    await connect(page, 'input', 'concat', 1);

    const concat = node(page, 'concat');
    await eventually(() => concat.getAttribute('title')).toContain('port 0 is 149×149×64 but port 1 is 299×299×3');
    expect(await concat.getAttribute('aria-invalid')).toBe('true');
    const panel = page.getByRole('region', { name: 'Diagnostics' });
    const problem = panel.getByRole('button', { name: /Concatenation concat needs one grid/ });
    expect(await problem.count()).toBe(1);
    await page.getByLabel('Edge conv2d->concat:0 carries 149×149×64').hover();
    await studio.screenshot('grid-mismatch-error');

    await problem.click();
    expect(await inspector.getByRole('heading').first().textContent()).toContain('concat');
    // The view glides to the problem's node; a click during the glide lands where the node was.
    await steady(() => page.locator('.react-flow__viewport').getAttribute('style'));

    await node(page, 'conv2d').click();
    await inspector.getByLabel('Strides').fill('1');
    await inspector.getByLabel('Padding').selectOption('same');
    await eventually(() => concat.getAttribute('aria-invalid')).toBe('false');
    expect(await page.getByLabel('Error count').textContent()).toBe('0 errors');
    await studio.screenshot('grid-mismatch-fixed');

    await page.getByRole('main', { name: 'Design canvas' }).click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await eventually(() => concat.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Control+Shift+z');
    await eventually(() => concat.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByRole('menuitem', { name: /^Undo/ }).click();
    await eventually(() => concat.getAttribute('aria-invalid')).toBe('true');
    await studio.screenshot('undo-restores-error');
  });

  it('opens each preset from the Presets menu with its parameter total', async () => {
    for (const preset of presets) {
      const expected = analyze(buildPreset(preset.name)).totals.total.toLocaleString('en-US');
      await openPresetFromMenu(preset.title);
      await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(`Params ${expected}`);
      expect(await page.getByLabel('Document title').textContent()).toContain(preset.title.split(' (')[0]);
      // The paper as printed opens with its two problems, each listed once with its blocks.
      const errors = preset.name === 'inception-resnet-v2-as-printed' ? '2 errors (15 places)' : '0 errors';
      expect(await page.getByLabel('Error count').textContent()).toBe(errors);
      // Readable at first sight: the input's title at 10 px or more on screen, the minimap beside the canvas.
      await eventually(() => onScreenTitleSize(page, 'input')).toBeGreaterThanOrEqual(10);
      const map = await page.getByRole('region', { name: 'Overview' }).boundingBox();
      const canvas = await page.getByRole('main', { name: 'Design canvas' }).boundingBox();
      expect(map && canvas && (map.x + map.width <= canvas.x || map.x >= canvas.x + canvas.width)).toBe(true);
      await studio.screenshot(`preset-${preset.name}`);
    }
  });

  it('opens a preset with its options, the totals following in the dialog', async () => {
    await page.keyboard.press('Escape');
    if (await page.getByRole('dialog', { name: 'Start' }).isVisible()) await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('menuitem', { name: 'Presets' }).click();
    await page.getByRole('menu', { name: 'Presets' }).getByRole('menuitem', { name: 'Inception-v4', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Open Inception-v4' });
    const params = dialog.getByLabel('Preset parameters');
    await eventually(() => params.textContent()).toBe(analyze(buildPreset('inception-v4')).totals.total.toLocaleString('en-US'));
    await dialog.getByRole('radio', { name: /^Small network that trains on a CPU/ }).check();
    await dialog.getByLabel('Classes').fill('10');
    const small = analyze(buildPreset('inception-v4', { ...SMALL_CPU_OPTIONS, classes: 10 })).totals.total.toLocaleString('en-US');
    await eventually(() => params.textContent()).toBe(small);
    await dialog.getByLabel('Width multiplier').fill('0');
    await eventually(() => dialog.getByRole('alert').textContent()).toMatch(/^Width multiplier must be a multiplier in \(0, 8\]/);
    expect(await dialog.getByRole('button', { name: 'Open', exact: true }).isDisabled()).toBe(true);
    await dialog.getByLabel('Width multiplier').fill('0.25');
    await eventually(() => params.textContent()).toBe(small);
    await studio.screenshot('preset-options-dialog');
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(`Params ${small}`);
  });

  it('edits the input size and class count on the input node; the collapse fix is one undoable click', async () => {
    await openPresetFromMenu('Inception-v4');
    await node(page, 'input').click();
    const settings = page.getByRole('region', { name: 'Inspector' }).getByRole('form', { name: 'Design settings' });
    await settings.getByLabel('Classes').fill('10');
    const total = (options: PresetOptions) => `Params ${analyze(buildPreset('inception-v4', options)).totals.total.toLocaleString('en-US')}`;
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(total({ classes: 10 }));
    await settings.getByLabel('Height').fill('74');
    await settings.getByLabel('Width').fill('74');
    // The grid collapses: shapes downstream are unknown until the fix.
    await eventually(() => node(page, 'logits').getByLabel('Output shape').textContent()).toBe('?');
    const fix = page.getByRole('region', { name: 'Diagnostics' }).getByRole('button', { name: 'Set input to 75×75' });
    await eventually(() => fix.count()).toBe(1);
    expect(await page.getByLabel('Error count').textContent()).not.toBe('0 errors');
    await studio.screenshot('input-collapse-fix-offered');
    await fix.click();
    await eventually(() => page.getByLabel('Error count').textContent()).toBe('0 errors');
    expect(await settings.getByLabel('Height').inputValue()).toBe('75');
    expect(await node(page, 'logits').getByLabel('Output shape').textContent()).toBe('10');
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(total({ classes: 10, input: 75 }));
    await page.getByRole('main', { name: 'Design canvas' }).click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await eventually(() => page.getByLabel('Error count').textContent()).not.toBe('0 errors');
  });

  it('shows MACs beside parameters on a node and renames a node, one undo step', async () => {
    await openPresetFromMenu('Inception-v4');
    const a1 = analyze(buildPreset('inception-v4')).nodes.a1;
    expect(await node(page, 'a1').getByLabel('Parameters and MACs').textContent()).toBe(
      `${formatCount(a1.cost.trainable + a1.cost.nonTrainable)} params · ${formatCount(a1.cost.macs)} MACs`,
    );
    await node(page, 'a1').click();
    await page.getByRole('region', { name: 'Inspector' }).getByLabel('Name').fill('first A block');
    await eventually(() => page.getByRole('group', { name: 'Node first A block' }).count()).toBe(1);
    await page.getByRole('main', { name: 'Design canvas' }).click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await eventually(() => node(page, 'a1').count()).toBe(1);
  });

  it('lists every layer in a sortable, filterable table; a row selects its node; CSV downloads', async () => {
    await openPresetFromMenu('Inception-v4');
    await page.getByRole('tab', { name: 'Layers' }).click();
    const table = page.getByRole('region', { name: 'Layer table' });
    const layers = summarizeLayers(analyze(buildPreset('inception-v4')));
    await eventually(() => table.getByLabel('Layers shown').textContent()).toBe(`${layers.length} layers`);
    await table.getByLabel('Filter layers').fill('redB conv2d');
    const redB = layers.filter((layer) => layer.node === 'redB' && layer.kind === 'conv2d');
    await eventually(() => table.getByLabel('Layers shown').textContent()).toBe(`${redB.length} of ${layers.length} layers`);
    await table.getByRole('button', { name: 'MACs' }).click();
    await table.getByRole('button', { name: /^MACs/ }).click();
    expect(await table.getByRole('columnheader', { name: /^MACs/ }).getAttribute('aria-sort')).toBe('descending');
    const costliest = [...redB].sort((a, b) => b.macs - a.macs)[0];
    expect(await table.getByRole('row').nth(1).getAttribute('aria-label')).toBe(`Layer ${costliest.id}`);
    await studio.screenshot('layer-table');
    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('Inception-v4-layers.csv');
    const csv = readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
    expect(csv[0]).toBe('layer,node,type,output,params,macs,activation_bytes');
    expect(csv[1].startsWith(`${costliest.id},redB,`)).toBe(true);
    await table.getByRole('row', { name: `Layer ${costliest.id}` }).click();
    await eventually(() => page.getByRole('region', { name: 'Inspector' }).getByRole('heading').first().textContent()).toContain('redB');
    await page.getByRole('tab', { name: 'Layers' }).click();
  });

  it('edits the shared settings of several blocks of one type at once, one undo step', async () => {
    await openPresetFromMenu('Inception-v4');
    await node(page, 'b1').click();
    await node(page, 'b2').click({ modifiers: ['Control'] });
    await node(page, 'b3').click({ modifiers: ['Control'] });
    const shared = page.getByRole('region', { name: 'Inspector' }).getByRole('form', { name: 'Shared parameters' });
    await eventually(() => shared.count()).toBe(1);
    await shared.getByLabel('Width multiplier').fill('0.5');
    const doc = buildPreset('inception-v4');
    const halved = { ...doc, nodes: doc.nodes.map((n) => (['b1', 'b2', 'b3'].includes(n.id) ? { ...n, params: { ...n.params, width: 0.5 } } : n)) };
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(`Params ${analyze(halved).totals.total.toLocaleString('en-US')}`);
    await page.getByRole('main', { name: 'Design canvas' }).click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(`Params ${analyze(doc).totals.total.toLocaleString('en-US')}`);
  });

  it('shows a layer inside an expanded block in the inspector: settings, provenance, costs', async () => {
    await openPresetFromMenu('Inception-v4');
    await page.getByRole('button', { name: 'Expand redA' }).click({ force: true });
    const analysis = analyze(buildPreset('inception-v4'));
    const conv = analysis.graph.layers.find((layer) => layer.nodeId === 'redA' && layer.kind === 'conv2d' && layer.params.strides[0] === 2);
    if (conv?.kind !== 'conv2d') throw new Error('Reduction-A has a strided convolution');
    const title = conv.id.slice('redA/'.length);
    await page.getByRole('group', { name: `Layer ${title}` }).click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await eventually(() => inspector.getByRole('heading').first().textContent()).toContain(conv.id);
    expect(await inspector.getByLabel('Kernel').inputValue()).toBe(conv.params.kernel.join('×'));
    expect(await inspector.getByLabel('Strides').inputValue()).toBe('2×2');
    expect(await inspector.getByLabel('Layer MACs').textContent()).toBe(analysis.layers[conv.id].cost.macs.toLocaleString('en-US'));
    expect(await inspector.getByRole('region', { name: 'Shape provenance' }).textContent()).toContain('17');
    await studio.screenshot('layer-in-block-inspector');
  });

  it('edits a layer inside a block: the block turns custom, totals change, one undo step; revert', async () => {
    await openPresetFromMenu('Inception-v4');
    const preset = buildPreset('inception-v4');
    const before = `Params ${analyze(preset).totals.total.toLocaleString('en-US')}`;
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(before);
    await page.getByRole('button', { name: 'Expand a1' }).click({ force: true });
    const layer = page.getByRole('group', { name: 'Layer branch1/conv2' });
    await layer.click();
    await eventually(() => layer.getAttribute('aria-current')).toBe('true');
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await eventually(() => inspector.getByRole('heading').first().textContent()).toContain('a1/branch1/conv2');
    await inspector.getByLabel('Filters').fill('128');

    const edited = { ...preset, nodes: preset.nodes.map((n) => (n.id === 'a1' ? { ...n, overrides: { 'branch1/conv2': { filters: 128 } } } : n)) };
    const after = `Params ${analyze(edited).totals.total.toLocaleString('en-US')}`;
    expect(after).not.toBe(before);
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(after);
    await eventually(() => node(page, 'a1').getByLabel('Custom Inception-A: 1 layer set differently').count()).toBe(1);
    expect(await node(page, 'a2').getByText('custom', { exact: true }).count()).toBe(0);
    expect(await inspector.getByRole('note', { name: 'Custom block' }).textContent()).toContain('a1 is a custom Inception-A');
    await eventually(() => layer.getAttribute('aria-current')).toBe('true');
    await studio.screenshot('custom-block');

    // Typing "128" was one edit: one undo restores the preset's block.
    await page.getByRole('main', { name: 'Design canvas' }).click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(before);
    expect(await node(page, 'a1').getByText('custom', { exact: true }).count()).toBe(0);
    await page.keyboard.press('Control+y');
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(after);

    await node(page, 'a1').getByText('custom', { exact: true }).click();
    await inspector.getByRole('button', { name: 'Revert to Inception-A' }).click();
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(before);
    expect(await node(page, 'a1').getByText('custom', { exact: true }).count()).toBe(0);
  });

  it('saves a design and opens it again; a broken file changes nothing', async () => {
    await openPresetFromMenu('Inception-ResNet-v1');
    const total = await page.getByLabel('Total parameters').textContent();
    // Never saved: Ctrl+S asks where, offering the design's name.
    await page.keyboard.press('Control+s');
    const saveAs = page.getByRole('dialog', { name: 'Save design as' });
    expect(await saveAs.getByLabel('File name').inputValue()).toBe('Inception-ResNet-v1.incept.json');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('status').textContent()).toMatch(/^Saved to .*\/Inception-ResNet-v1\.incept\.json$/);
    expect(await page.getByLabel('Unsaved changes').count()).toBe(0);

    await startEmpty();
    expect(await page.getByLabel('Total parameters').textContent()).toBe('Params 0');
    await page.keyboard.press('Control+o');
    const dialog = page.getByRole('dialog', { name: 'Open design' });
    await dialog.getByRole('option', { name: /\.incept\.json$/ }).first().click();
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await eventually(() => page.getByLabel('Total parameters').textContent()).toBe(total);
    await studio.screenshot('save-and-reopen');

    writeFileSync(join(studio.host.root, 'broken.incept.json'), JSON.stringify({ format: 'inception-studio/design', version: 2, name: 5, nodes: 'none' }));
    await page.keyboard.press('Control+o');
    await page.getByRole('dialog', { name: 'Open design' }).getByRole('option', { name: 'broken.incept.json' }).click();
    await page.getByRole('dialog', { name: 'Open design' }).getByRole('button', { name: 'Open', exact: true }).click();
    const alert = page.getByRole('alertdialog');
    await eventually(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('name');
    await studio.screenshot('broken-file-issues');
    await alert.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByLabel('Total parameters').textContent()).toBe(total);
  });

  it('expands a block to its layers and back, copies and pastes with the keyboard, lays out, in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openPresetFromMenu('Inception-v4');
    await page.getByRole('region', { name: 'Diagnostics' }).waitFor();
    await page.getByRole('button', { name: 'Expand a1' }).click({ force: true });
    await eventually(() => page.getByRole('group', { name: /^Layer branch/ }).count()).toBeGreaterThan(0);
    expect(await node(page, 'a1').getAttribute('aria-label')).toBe('Node a1 (expanded)');
    await page.getByRole('button', { name: 'Collapse a1' }).click({ force: true });
    await eventually(() => page.getByRole('group', { name: /^Layer / }).count()).toBe(0);

    await startEmpty();
    await node(page, 'input').click();
    await page.getByRole('listitem', { name: 'Convolution' }).dblclick();
    await page.getByRole('listitem', { name: 'Max pool' }).dblclick();
    await page.getByRole('main', { name: 'Design canvas' }).click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await eventually(() => node(page, 'maxPool2').count()).toBe(1);
    await eventually(() => page.getByLabel('Edge conv2d2->maxPool2:0 carries 299×299×64').count()).toBe(1);
    await page.keyboard.press('Delete');
    await eventually(() => node(page, 'maxPool2').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await eventually(() => node(page, 'maxPool2').count()).toBe(1);

    const before = await node(page, 'maxPool2').boundingBox();
    await page.keyboard.press('l');
    await eventually(async () => JSON.stringify(await node(page, 'maxPool2').boundingBox())).not.toBe(JSON.stringify(before));
    await studio.screenshot('keyboard-edit-and-layout-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the version, Node.js and TensorFlow.js in Help › About, and closes it with Escape', async () => {
    await startEmpty();
    await page.getByRole('menuitem', { name: 'Help' }).click();
    await page.getByRole('menuitem', { name: 'About Inception Studio' }).click();
    const about = page.getByRole('dialog', { name: 'Inception Studio' });
    const versions = about.getByRole('table', { name: 'Versions' });
    await versions.waitFor();
    const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
    expect(await versions.getByRole('row', { name: /^Inception Studio/ }).textContent()).toBe(`Inception Studio${version}`);
    expect(await versions.getByRole('row', { name: /^TensorFlow\.js/ }).textContent()).toBe('TensorFlow.js4.22.0');
    expect(await versions.getByRole('row', { name: /^Node\.js/ }).textContent()).toBe(`Node.js${process.versions.node}`);
    expect(await versions.getByRole('row', { name: /^Electron/ }).count()).toBe(0);
    expect(await about.textContent()).toContain('Released under the MIT licence. Third-party notices:');
    await studio.screenshot('about-dialog');
    await page.keyboard.press('Escape');
    await eventually(() => about.count()).toBe(0);
  });
});
