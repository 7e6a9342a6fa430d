#!/usr/bin/env bash
# The GPU numbers of a machine with an NVIDIA GPU, run as it is from a checkout after `npm ci`:
# the doctor (every backend, the device, a short benchmark), then inference and training
# throughput on webgpu and, where @tensorflow/tfjs-node-gpu is installed and finds its CUDA,
# on tensorflow-gpu, with wasm alongside for scale. A backend that cannot load says why and is
# skipped. Takes about 10–20 minutes; the numbers are printed, never compared against a bar.
set -uo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n== %s\n' "$1"; }

section "GPU (nvidia-smi)"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>/dev/null || echo "nvidia-smi not found: no NVIDIA driver on this machine"
if [ ! -d node_modules/@tensorflow/tfjs-node-gpu ]; then
  echo "@tensorflow/tfjs-node-gpu is not installed; for the CUDA numbers too: npm install @tensorflow/tfjs-node-gpu@4.22.0"
fi

section "doctor"
npm run -s cli -- doctor --seconds 5

section "inference: Inception-v4 and Inception-ResNet-v2 at 299×299"
npm run -s bench -- infer --backends webgpu,tensorflow-gpu,wasm --batches 1,8,32 --reps 5 --workers 1

section "training: small preset (75×75, batch 32) and Inception-v4 at 299×299 (batch 8)"
npm run -s bench -- train --backends webgpu,tensorflow-gpu --steps 10 --batch 32 --large-steps 3 --large-batch 8

section "training on wasm, for scale (small preset only)"
npm run -s bench -- train --backends wasm --steps 5 --batch 32 --no-large
