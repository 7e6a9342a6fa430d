/** Loading the wasm backend and supplying the training kernels it lacks. */

import '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../wasmKernels/register';

export async function loadWasmBackend(): Promise<void> {
  registerWasmTrainingKernels();
}
