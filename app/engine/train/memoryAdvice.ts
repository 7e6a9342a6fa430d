/**
 * The batch that fits the device a run trains on, from the design's analysis and what is known
 * of the device's memory: the user's stated memory, TensorFlow's GPU device, the wasm heap, and
 * for WebGPU the largest single buffer. Warns before the first step; names the batch to use
 * when a step runs out of memory.
 */

import { analyze } from '../../analysis/analyze';
import { largestBufferBytes } from '../../compute/gpuBuffers';
import { estimateTrainingMemory, WASM_HEAP_BYTES, type TrainingMemoryEstimate } from '../../analysis/memoryEstimate';
import type { DesignDocument } from '../../design/types';
import type { BackendReport } from '../../protocol';
import type { TrainConfig } from '../../training/types';

export interface MemoryAdvice {
  estimate: TrainingMemoryEstimate;
  /** What to do after running out of memory at this batch size. */
  suggestion: string;
}

/** `replicas`: the run's data-parallel replicas, each with its own wasm heap. */
export function memoryAdvice(document: DesignDocument, config: TrainConfig, backend: BackendReport, statedBytes?: number, replicas = 1): MemoryAdvice {
  const status = backend.backends.find((s) => s.name === backend.active);
  const gpu = status?.gpu;
  const stated = backend.active === 'wasm' ? undefined : statedBytes;
  const known = backend.active === 'wasm' ? WASM_HEAP_BYTES : (stated ?? gpu?.memoryBytes);
  const maxTensorBytes = largestBufferBytes(gpu);
  const estimate = estimateTrainingMemory({
    totals: analyze(document).totals,
    input: [document.input.height, document.input.width, document.input.channels],
    optimizer: config.optimizer,
    momentum: config.momentum,
    emaDecay: config.emaDecay,
    batchSize: config.batchSize,
    availableBytes: known ?? Number.POSITIVE_INFINITY,
    maxTensorBytes,
    replicas,
  });
  const { largestBatch } = estimate;
  const basis = known === undefined ? 'the largest GPU buffer' : `${(known / 2 ** 30).toFixed(1)} GiB${stated !== undefined ? ' as stated' : ''}`;
  const suggestion =
    // An unbounded estimate (Infinity) is never below the batch, so needs no test of its own.
    largestBatch >= 1 && largestBatch < config.batchSize
      ? `Use batch ${largestBatch} or smaller (--batch ${largestBatch}), the largest that fits ${basis} by the estimate.`
      : `Use a smaller batch (--batch ${Math.max(1, Math.floor(config.batchSize / 2))})${known === undefined ? ', and state the GPU\'s memory (--memory GiB) for an estimate' : ''}.`;
  return { estimate, suggestion };
}
