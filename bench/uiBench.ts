/**
 * `npm run bench -- ui [--preset NAME] [--repeats A,B,C] [--collapsed]`: frame times in Chromium
 * (software rendering) while a user zooms and drags a block, with the TF-slim Inception-ResNet-v2
 * opened and every block expanded to its layers (336 layers; `--repeats 30,60,30` makes ~1,000).
 * Also times opening the design, expanding and the automatic layout. Runs the real web host and
 * renderer bundle (built when stale).
 *
 * Frame gaps come from requestAnimationFrame, so they snap to the display's 16.7 ms vsync: a
 * frame that needs 17 ms of work shows as 33 ms. Next to them the bench reports the renderer's
 * main-thread work per frame from Chromium's own counters (DevTools `Performance.getMetrics`:
 * task, script, layout and style time), which is not quantised.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { analyze } from '../app/analysis/analyze';
import { serializeDesign } from '../app/design/document';
import { buildPreset, presets, type StageTriple } from '../app/presets/index';
import { openStudio, type StudioSession } from '../renderer/testing/studioBrowser';

interface Options {
  preset: string;
  repeats?: StageTriple;
  expand: boolean;
}

function parseRepeats(text: string): StageTriple {
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || !parts.every((n) => Number.isSafeInteger(n) && n >= 0)) throw new Error(`ui bench: --repeats needs A,B,C whole numbers, got "${text}"`);
  return [parts[0], parts[1], parts[2]];
}

function parseArgs(args: readonly string[]): Options {
  const options: Options = { preset: 'inception-resnet-v2-tfslim', expand: true };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--preset' && args[i + 1] !== undefined) options.preset = args[++i];
    else if (args[i] === '--repeats' && args[i + 1] !== undefined) options.repeats = parseRepeats(args[++i]);
    else if (args[i] === '--collapsed') options.expand = false;
    else throw new Error(`ui bench: unknown argument "${args[i]}"; options are --preset NAME, --repeats A,B,C and --collapsed`);
  }
  return options;
}

/** Opens the design as a user would: a preset from the start screen, or a saved file. */
async function openDesign(studio: StudioSession, options: Options): Promise<string> {
  const { page } = studio;
  const preset = presets.find((p) => p.name === options.preset);
  if (!preset) throw new Error(`ui bench: unknown preset ${options.preset}; presets are ${presets.map((p) => p.name).join(', ')}`);
  await page.getByRole('button', { name: `Open preset ${preset.title}` }).waitFor();
  if (options.repeats === undefined) {
    await page.getByRole('button', { name: `Open preset ${preset.title}` }).click();
    // The preset's options come first: open with its defaults.
    await page.getByRole('dialog', { name: `Open ${preset.title}` }).getByRole('button', { name: 'Open', exact: true }).click();
    return preset.name;
  }
  const design = buildPreset(preset.name, { repeats: options.repeats });
  const file = `${preset.name}-${options.repeats.join('-')}.incept.json`;
  writeFileSync(join(studio.host.root, file), serializeDesign(design));
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open design' });
  await dialog.getByRole('option', { name: file }).click();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  return `${file} (${analyze(design).graph.layers.length} layers)`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Records the gap between animation frames in the page. Passed as source text: tsx would wrap
 * named functions in a helper the page does not have.
 */
const START_FRAMES = `(() => {
  window.benchFrames = [];
  window.benchStop = false;
  let last = performance.now();
  const tick = (now) => {
    window.benchFrames.push(now - last);
    last = now;
    if (!window.benchStop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_FRAMES = '(() => { window.benchStop = true; return window.benchFrames.slice(1); })()';

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(START_FRAMES);
}

async function stopFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(STOP_FRAMES)) as number[];
}

/** Chromium's cumulative main-thread times, in seconds. */
const WORK_METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
type Work = Record<(typeof WORK_METRICS)[number], number>;

async function mainThreadWork(cdp: CDPSession): Promise<Work> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return Object.fromEntries(WORK_METRICS.map((name) => [name, value(name)])) as Work;
}

/** Measures `action`: frame gaps (vsync-quantised) and main-thread work per frame (not quantised). */
async function measure(page: Page, cdp: CDPSession, name: string, action: () => Promise<void>): Promise<void> {
  const before = await mainThreadWork(cdp);
  await startFrames(page);
  await action();
  const frames = await stopFrames(page);
  const after = await mainThreadWork(cdp);
  const perFrame = (key: keyof Work) => (((after[key] - before[key]) * 1000) / Math.max(1, frames.length)).toFixed(1);
  const sorted = [...frames].sort((a, b) => a - b);
  const slow = frames.filter((f) => f > 50).length;
  // A gap over 1.5 vsyncs is a frame the display showed twice.
  const missed = frames.filter((f) => f > 25).length;
  console.log(
    `${name.padEnd(10)} frames ${String(frames.length).padStart(4)}  median ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms  max ${(sorted.at(-1) ?? 0).toFixed(1).padStart(6)} ms  missed a vsync: ${((100 * missed) / Math.max(1, frames.length)).toFixed(1)}%  >50 ms: ${slow}`,
  );
  console.log(
    `${''.padEnd(10)} main-thread work per frame ${perFrame('TaskDuration').padStart(5)} ms (script ${perFrame('ScriptDuration')}, layout ${perFrame('LayoutDuration')}, style ${perFrame('RecalcStyleDuration')})`,
  );
}

async function timed(label: string, action: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await action();
  console.log(`${label.padEnd(28)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
}

/** Visible nodes under the canvas centre, to drag: an expanded block when there is one. */
async function dragTarget(page: Page): Promise<{ x: number; y: number }> {
  const canvas = await page.getByRole('main', { name: 'Design canvas' }).boundingBox();
  if (!canvas) throw new Error('ui bench: no canvas');
  const boxes = await page.locator('.react-flow__node-expanded, .react-flow__node-block').evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  const inside = boxes.filter((b) => b.y > canvas.y && b.y + 20 < canvas.y + canvas.height && b.x > canvas.x && b.x + b.width < canvas.x + canvas.width);
  const best = inside.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy))[0];
  if (!best) throw new Error('ui bench: no node in view to drag');
  return { x: best.x + Math.min(60, best.width / 2), y: best.y + 12 };
}

export async function run(args: readonly string[]): Promise<void> {
  const options = parseArgs(args);
  const studio = await openStudio({ width: 1600, height: 1000 });
  const { page } = studio;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    let opened = '';
    await timed('open the design', async () => {
      opened = await openDesign(studio, options);
      await page.getByRole('group', { name: 'Node input' }).waitFor();
    });
    console.log(`design: ${opened}`);
    if (options.expand) {
      await timed('expand every block', async () => {
        await page.keyboard.press('Control+Shift+E');
        await page.locator('.react-flow__node-expanded').first().waitFor();
      });
      await page.keyboard.press('f');
    }
    await timed('auto layout (ELK worker)', async () => {
      // The layout is the first change to the opened design: done when the unsaved mark shows.
      await page.keyboard.press('l');
      await page.getByLabel('Unsaved changes').waitFor({ timeout: 120_000 });
    });
    const total = await page.evaluate(() => document.querySelectorAll('.react-flow__minimap-node').length);
    console.log(`nodes in the graph (minimap): ${total}`);

    // Zoom to a readable scale around the middle of the graph, then measure.
    const canvas = await page.getByRole('main', { name: 'Design canvas' }).boundingBox();
    if (!canvas) throw new Error('ui bench: no canvas');
    const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await page.mouse.move(middle.x, middle.y);

    await measure(page, cdp, 'zoom', async () => {
      for (let i = 0; i < 30; i++) {
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(16);
      }
      for (let i = 0; i < 20; i++) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(16);
      }
    });
    const rendered = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
    console.log(`nodes rendered while zoomed in: ${rendered}`);

    const from = await dragTarget(page);
    await measure(page, cdp, 'drag', async () => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 60; i++) await page.mouse.move(from.x + i * 4, from.y + i * 2);
      await page.mouse.up();
    });
    await measure(page, cdp, 'undo', async () => {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(300);
    });
    await studio.screenshot('ui-bench');
  } finally {
    await studio.close();
  }
}
