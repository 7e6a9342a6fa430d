/** Puts saved weights into a freshly compiled model, matching by weight name and shape. */

import * as tf from '@tensorflow/tfjs';

/** A NaN or infinite weight would only show up later as a NaN% prediction: refuse it, naming the weight. */
function refuseNonFinite(buffer: ArrayBuffer, specs: readonly tf.io.WeightsManifestEntry[]): void {
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(buffer, offset, count);
    for (let i = 0; i < count; i++) {
      if (!Number.isFinite(values[i])) throw new Error(`weight '${spec.name}' holds values that are not finite numbers (NaN or infinite)`);
    }
    offset += count * 4;
  }
}

export function assignWeights(model: tf.LayersModel, specs: readonly tf.io.WeightsManifestEntry[], data: Uint8Array): void {
  const nonFloat = specs.find((spec) => spec.dtype !== 'float32' || spec.quantization);
  if (nonFloat) throw new Error(`weight '${nonFloat.name}' is ${nonFloat.quantization ? 'quantized' : nonFloat.dtype}; only float32 weights are supported`);
  const bySpec = new Map(specs.map((spec) => [spec.name, spec]));
  const wanted = new Set(model.weights.map((w) => w.originalName));
  const problems: string[] = [];
  for (const weight of model.weights) {
    const spec = bySpec.get(weight.originalName);
    if (!spec) problems.push(`'${weight.originalName}' is missing`);
    else if (spec.shape.join('×') !== weight.shape.join('×')) problems.push(`'${weight.originalName}' has shape [${spec.shape}] but the design needs [${weight.shape}]`);
  }
  const extra = specs.filter((spec) => !wanted.has(spec.name)).map((spec) => `'${spec.name}'`);
  if (extra.length > 0) problems.push(`${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ` and ${extra.length - 5} more` : ''} ${extra.length === 1 ? 'is' : 'are'} not in the design`);
  if (problems.length > 0) throw new Error(`weights do not match the design: ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? ` (${problems.length} problems)` : ''}`);

  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  refuseNonFinite(buffer, specs);
  const named = tf.io.decodeWeights(buffer, [...specs]);
  try {
    model.setWeights(model.weights.map((w) => named[w.originalName]));
  } finally {
    tf.dispose(Object.values(named));
  }
}
