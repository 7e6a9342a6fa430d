/** TensorFlow's weight layouts turned into the channels-first ones ONNX and PyTorch use. */

import type { ExportTensor } from './exportGraph';

/** A conv kernel `[kh, kw, cin, cout]` → `[cout, cin, kh, kw]`. */
export function channelsFirstKernel({ shape, values }: ExportTensor): ExportTensor {
  const [kh, kw, cin, cout] = shape;
  const out = new Float32Array(values.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) out[((o * cin + i) * kh + y) * kw + x] = values[((y * kw + x) * cin + i) * cout + o];
  return { shape: [cout, cin, kh, kw], values: out };
}

/** A dense kernel `[in, out]` → `[out, in]` (PyTorch's `Linear.weight`). */
export function transposedMatrix({ shape, values }: ExportTensor): ExportTensor {
  const [rows, cols] = shape;
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
  return { shape: [cols, rows], values: out };
}

/** `[cout, cin, kh, kw]` → TensorFlow's `[kh, kw, cin, cout]`: the inverse of `channelsFirstKernel`. */
export function channelsLastKernel({ shape, values }: ExportTensor): ExportTensor {
  const [cout, cin, kh, kw] = shape;
  const out = new Float32Array(values.length);
  for (let o = 0; o < cout; o++)
    for (let i = 0; i < cin; i++)
      for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) out[((y * kw + x) * cin + i) * cout + o] = values[((o * cin + i) * kh + y) * kw + x];
  return { shape: [kh, kw, cin, cout], values: out };
}
