/**
 * `npm run bench -- export [--presets a,b] [--input N] [--reps N]`: for each preset and format,
 * the file size, the time to write it (after the one shared read of the graph and weights) and
 * the largest logit difference from the Studio's own model, and the ONNX file read back as the
 * import reads it; then Inception-v4 inference on
 * onnxruntime-node (MLAS, all cores) against the Studio's wasm backend, batch 1 and 8, in one run.
 */

import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { selectBackend } from '../app/engine/backends/select';
import { compileDesign } from '../app/engine/compile/compileDesign';
import { openOnnxSession } from '../app/engine/export/onnxRuntime';
import { exportPortableTfjs } from '../app/engine/export/portableTfjs';
import { readExportGraph } from '../app/engine/export/readExportGraph';
import { PYTHON, pythonProblem } from '../app/engine/export/testing/python';
import { seededInput, toNchw } from '../app/engine/export/testing/exportFixtures';
import type { ExportGraph } from '../app/export/exportGraph';
import { exportOnnx } from '../app/export/onnx/exportOnnx';
import { decodeOnnxModel } from '../app/export/onnx/onnxModelReader';
import { studioWeightsFromOnnx } from '../app/export/onnx/onnxWeights';
import { exportPytorch } from '../app/export/pytorch/exportPytorch';
import { buildPreset } from '../app/presets/index';
import { inputPreparation } from '../app/training/preprocessing';

const execute = promisify(execFile);
const pytorchProbe = fileURLToPath(new URL('../app/engine/export/testing/pytorchProbe.py', import.meta.url));

function maxDiff(actual: ArrayLike<number>, expected: ArrayLike<number>): { abs: number; relative: number } {
  let abs = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    abs = Math.max(abs, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return { abs, relative: abs / scale };
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const sum = (files: Map<string, Uint8Array>): number => [...files.values()].reduce((n, b) => n + b.length, 0);

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
}

async function median(reps: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push((await timed(work))[1]);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** The import's own work on the file (decode, map back, check against the design), timed, and whether every weight came back bit for bit. */
function onnxReadBack(graph: ExportGraph, onnx: Uint8Array): string {
  const start = performance.now();
  const decoded = decodeOnnxModel(onnx);
  const weights = decoded.ok ? studioWeightsFromOnnx(graph, decoded.value.initializers) : decoded;
  const seconds = (performance.now() - start) / 1000;
  if (!weights.ok) return `onnx → Studio: ${weights.error}`;
  const differing = [...graph.weights].filter(([key, tensor]) => {
    const back = weights.value.get(key);
    return !back || back.values.some((value, i) => value !== tensor.values[i]);
  }).length;
  return `onnx → Studio  read back in ${seconds.toFixed(2)} s  ${weights.value.size} tensors, ${differing === 0 ? 'every weight identical' : `${differing} differ`}`;
}

async function exportRow(preset: string, input: number, dir: string): Promise<void> {
  const design = buildPreset(preset, { input });
  const { model, analysis } = compileDesign(design, { seed: 1 });
  const [graph, readSeconds] = await timed(() => readExportGraph(model, analysis, design, { classNames: design.classes ?? [], preprocessing: inputPreparation(analysis.graph.input) }));
  const batch = seededInput(1, graph.input, 7);
  const studio = (await (model.predict(batch) as tf.Tensor).data()) as Float32Array;
  // The presets end in softmax: compare the logits, the softmax's input.
  const logitsLayer = model.getLayer(graph.head.logits);
  const logitsModel = tf.model({ inputs: model.inputs, outputs: logitsLayer.output as tf.SymbolicTensor });
  const expected = (await (logitsModel.predict(batch) as tf.Tensor).data()) as Float32Array;
  const [h, w, c] = graph.input;
  const nchw = await toNchw(batch);
  console.log(`\n${preset} at ${input}×${input}: graph and weights read in ${readSeconds.toFixed(2)} s (shared by every format); Studio output ${studio.length} values`);

  const [onnx, onnxSeconds] = await timed(() => exportOnnx(graph, 'bench'));
  const session = await openOnnxSession(onnx);
  const onnxDiff = maxDiff((await session.run(nchw, [1, c, h, w])).logits, expected);
  await session.release();
  console.log(`  onnx     ${mb(onnx.length).padStart(9)}  write ${onnxSeconds.toFixed(2)} s  max |Δlogit| ${onnxDiff.abs.toExponential(2)} (${onnxDiff.relative.toExponential(2)} of the largest)  onnxruntime-node`);
  console.log(`  ${onnxReadBack(graph, onnx)}`);

  const [tfjs, tfjsSeconds] = await timed(() => exportPortableTfjs(graph, 'bench'));
  const topology = JSON.parse(new TextDecoder().decode(tfjs.get('model.json'))) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const weights = tfjs.get('weights.bin')!;
  const portable = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: topology.modelTopology, weightSpecs: topology.weightsManifest[0].weights, weightData: weights.slice().buffer }));
  const portableLogits = tf.model({ inputs: portable.inputs, outputs: portable.getLayer(graph.head.logits).output as tf.SymbolicTensor });
  const tfjsDiff = maxDiff((await (portableLogits.predict(batch) as tf.Tensor).data()) as Float32Array, expected);
  portable.dispose();
  console.log(`  tfjs     ${mb(sum(tfjs)).padStart(9)}  write ${tfjsSeconds.toFixed(2)} s  max |Δlogit| ${tfjsDiff.abs.toExponential(2)} (${tfjsDiff.relative.toExponential(2)} of the largest)  @tensorflow/tfjs wasm, in process`);

  const [pytorch, pytorchSeconds] = await timed(() => exportPytorch(graph, 'bench'));
  const folder = join(dir, preset);
  await mkdir(folder, { recursive: true });
  for (const [file, bytes] of pytorch) await writeFile(join(folder, file), bytes);
  await writeFile(join(folder, 'input.f32'), nchw);
  let pytorchText = `${PYTHON} lacks torch`;
  if (pythonProblem(['torch', 'numpy']) === null) {
    await execute(PYTHON, [pytorchProbe, folder, join(folder, 'input.f32'), '1', String(c), String(h), String(w), join(folder, 'logits.f32')], { maxBuffer: 1 << 24 });
    const raw = await readFile(join(folder, 'logits.f32'));
    const diff = maxDiff(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), expected);
    pytorchText = `max |Δlogit| ${diff.abs.toExponential(2)} (${diff.relative.toExponential(2)} of the largest)  python3-torch`;
  }
  console.log(`  pytorch  ${mb(sum(pytorch)).padStart(9)}  write ${pytorchSeconds.toFixed(2)} s  ${pytorchText}`);
  tf.dispose([batch]);
  model.dispose();
}

async function inference(input: number, reps: number): Promise<void> {
  const design = buildPreset('inception-v4', { input });
  const { model, analysis } = compileDesign(design, { seed: 1 });
  const graph = await readExportGraph(model, analysis, design, { classNames: design.classes ?? [], preprocessing: inputPreparation(analysis.graph.input) });
  const session = await openOnnxSession(exportOnnx(graph, 'bench'));
  console.log(`\nInception-v4 at ${input}×${input}, median of ${reps} (after one warm-up):`);
  for (const batchSize of [1, 8]) {
    const batch = seededInput(batchSize, graph.input, 3);
    const nchw = await toNchw(batch);
    const [h, w, c] = graph.input;
    await session.run(nchw, [batchSize, c, h, w]);
    const ort = await median(reps, () => session.run(nchw, [batchSize, c, h, w]));
    const forward = async () => {
      const out = model.predict(batch) as tf.Tensor;
      await out.data();
      out.dispose();
    };
    await forward();
    const wasm = await median(reps, forward);
    console.log(`  batch ${batchSize}: onnxruntime-node ${(ort * 1000).toFixed(0)} ms (${(batchSize / ort).toFixed(1)} images/s)  Studio wasm ${(wasm * 1000).toFixed(0)} ms (${(batchSize / wasm).toFixed(1)} images/s)  ×${(wasm / ort).toFixed(1)}`);
    batch.dispose();
  }
  await session.release();
  model.dispose();
}

export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      presets: { type: 'string', default: 'inception-v4,inception-resnet-v1,inception-resnet-v2,inception-resnet-v2-tfslim' },
      input: { type: 'string', default: '299' },
      reps: { type: 'string', default: '3' },
    },
  });
  const input = Number(values.input);
  const report = await selectBackend({ backend: 'wasm' });
  console.log(`Studio backend: ${report.active}`);
  const dir = await mkdtemp(join(tmpdir(), 'export-bench-'));
  try {
    for (const preset of values.presets.split(',')) await exportRow(preset, input, dir);
    await inference(input, Number(values.reps));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
