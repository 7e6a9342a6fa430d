import { describe, expect, it } from 'vitest';
import { explainNoGpuDevice, parseTensorflowGpuLog } from './cudaLog';
import { cudaVerdict } from './cudaProbe';
import { parseNvidiaSmi } from './device';

// Lines as TensorFlow 2.9 (the libtensorflow of @tensorflow/tfjs-node-gpu 4.x) logs them.
const gpuCreated = `
2024-05-06 00:05:33.711121: I tensorflow/stream_executor/cuda/cuda_gpu_executor.cc:975] successful NUMA node read from SysFS had negative value (-1), but there must be at least one NUMA node, so returning NUMA node zero
2024-05-06 00:05:33.712530: I tensorflow/stream_executor/platform/default/dso_loader.cc:53] Successfully opened dynamic library libcudart.so.11.0
2024-05-06 00:05:33.788134: I tensorflow/stream_executor/platform/default/dso_loader.cc:53] Successfully opened dynamic library libcudnn.so.8
2024-05-06 00:05:34.104215: I tensorflow/core/common_runtime/gpu/gpu_device.cc:1532] Created device /job:localhost/replica:0/task:0/device:GPU:0 with 22302 MB memory:  -> device: 0, name: NVIDIA GeForce RTX 3090, pci bus id: 0000:21:00.0, compute capability: 8.6
`;

const cudartMissing = `
2024-08-24 15:40:49.279326: W tensorflow/stream_executor/platform/default/dso_loader.cc:64] Could not load dynamic library 'libcudart.so.11.0'; dlerror: libcudart.so.11.0: cannot open shared object file: No such file or directory; LD_LIBRARY_PATH: /usr/local/cuda-12.4/lib64
2024-08-24 15:40:49.279356: I tensorflow/stream_executor/cuda/cudart_stub.cc:29] Ignore above cudart dlerror if you do not have a GPU set up on your machine.
2024-08-24 15:40:49.402117: W tensorflow/stream_executor/platform/default/dso_loader.cc:64] Could not load dynamic library 'libcublas.so.11'; dlerror: libcublas.so.11: cannot open shared object file: No such file or directory; LD_LIBRARY_PATH: /usr/local/cuda-12.4/lib64
2024-08-24 15:40:49.402254: W tensorflow/stream_executor/platform/default/dso_loader.cc:64] Could not load dynamic library 'libnvinfer.so.7'; dlerror: libnvinfer.so.7: cannot open shared object file: No such file or directory
2024-08-24 15:40:49.403001: W tensorflow/core/common_runtime/gpu/gpu_device.cc:1850] Cannot dlopen some GPU libraries. Please make sure the missing libraries mentioned above are installed properly if you would like to use GPU. Follow the guide at https://www.tensorflow.org/install/gpu for how to download and setup the required libraries for your platform.
Skipping registering GPU devices...
`;

const cudnnMissing = `
2024-05-06 00:05:33.712530: I tensorflow/stream_executor/platform/default/dso_loader.cc:53] Successfully opened dynamic library libcudart.so.11.0
2024-05-06 00:05:33.767399: W tensorflow/stream_executor/platform/default/dso_loader.cc:64] Could not load dynamic library 'libcudnn.so.8'; dlerror: libcudnn.so.8: cannot open shared object file: No such file or directory
2024-05-06 00:05:33.767416: W tensorflow/core/common_runtime/gpu/gpu_device.cc:1850] Cannot dlopen some GPU libraries. Please make sure the missing libraries mentioned above are installed properly if you would like to use GPU. Follow the guide at https://www.tensorflow.org/install/gpu for how to download and setup the required libraries for your platform.
Skipping registering GPU devices...
`;

const noDriver = `
2024-01-10 09:12:01.100200: W tensorflow/stream_executor/platform/default/dso_loader.cc:64] Could not load dynamic library 'libcuda.so.1'; dlerror: libcuda.so.1: cannot open shared object file: No such file or directory
2024-01-10 09:12:01.100231: W tensorflow/stream_executor/cuda/cuda_driver.cc:269] failed call to cuInit: UNKNOWN ERROR (303)
2024-01-10 09:12:01.100262: I tensorflow/stream_executor/cuda/cuda_diagnostics.cc:156] kernel driver does not appear to be running on this host (build-01): /proc/driver/nvidia/version does not exist
`;

const noDevice = `
2024-01-10 09:12:01.100231: E tensorflow/stream_executor/cuda/cuda_driver.cc:271] failed call to cuInit: CUDA_ERROR_NO_DEVICE: no CUDA-capable device is detected
`;

// TensorFlow 2.4's wording of the same event.
const gpuCreatedOld =
  '2023-10-19 17:12:10.702117: I tensorflow/core/common_runtime/gpu/gpu_device.cc:1406] Created TensorFlow device (/job:localhost/replica:0/task:0/device:GPU:0 with 10175 MB memory) -> physical GPU (device: 0, name: Tesla T4, pci bus id: 0000:00:07.0, compute capability: 7.5)';

const smi = parseNvidiaSmi('NVIDIA GeForce RTX 3090, 550.54.14, 24576\n', '| NVIDIA-SMI 550.54.14   Driver Version: 550.54.14   CUDA Version: 12.4 |');

describe('parseTensorflowGpuLog', () => {
  it('reads the GPU device TensorFlow created, in both wordings', () => {
    expect(parseTensorflowGpuLog(gpuCreated)).toEqual({
      devices: [{ index: 0, name: 'NVIDIA GeForce RTX 3090', memoryMB: 22302, computeCapability: '8.6' }],
      missingLibraries: [],
      driverProblems: [],
    });
    expect(parseTensorflowGpuLog(gpuCreatedOld).devices).toEqual([{ index: 0, name: 'Tesla T4', memoryMB: 10175, computeCapability: '7.5' }]);
  });

  it('lists the libraries that failed to open with the loader’s words', () => {
    expect(parseTensorflowGpuLog(cudartMissing)).toEqual({
      devices: [],
      missingLibraries: [
        { library: 'libcudart.so.11.0', error: 'libcudart.so.11.0: cannot open shared object file: No such file or directory' },
        { library: 'libcublas.so.11', error: 'libcublas.so.11: cannot open shared object file: No such file or directory' },
        { library: 'libnvinfer.so.7', error: 'libnvinfer.so.7: cannot open shared object file: No such file or directory' },
      ],
      driverProblems: [],
    });
    expect(parseTensorflowGpuLog(noDriver).driverProblems).toEqual(['UNKNOWN ERROR (303)', 'kernel driver does not appear to be running on this host (build-01): /proc/driver/nvidia/version does not exist']);
  });
});

describe('explainNoGpuDevice', () => {
  it('names the missing CUDA 11 libraries, what this TensorFlow needs, and the driver’s CUDA', () => {
    expect(explainNoGpuDevice({ log: parseTensorflowGpuLog(cudartMissing), driverCuda: '12.4' })).toBe(
      'TensorFlow created no GPU device: it could not open libcudart.so.11.0 (the CUDA runtime), libcublas.so.11 (cuBLAS, part of CUDA). ' +
        '@tensorflow/tfjs-node-gpu (TensorFlow 2.9.1) needs CUDA 11.2 and cuDNN 8.1 on the library path (LD_LIBRARY_PATH); ' +
        "this driver supports CUDA 12.4, and CUDA 12 libraries do not stand in for CUDA 11's. Install them side by side with your CUDA, or use the webgpu backend, which needs no CUDA",
    );
  });

  it('names cuDNN alone when only cuDNN is missing', () => {
    expect(explainNoGpuDevice({ log: parseTensorflowGpuLog(cudnnMissing) })).toMatch(/^TensorFlow created no GPU device: it could not open libcudnn\.so\.8 \(cuDNN\)\. .*needs CUDA 11\.2 and cuDNN 8\.1/);
  });

  it('tells a missing driver and an absent GPU apart', () => {
    expect(explainNoGpuDevice({ log: parseTensorflowGpuLog(noDriver) })).toBe('TensorFlow created no GPU device: the NVIDIA driver library (libcuda.so.1) is missing — install the NVIDIA driver, or use the webgpu backend');
    expect(explainNoGpuDevice({ log: parseTensorflowGpuLog(noDevice) })).toBe('TensorFlow created no GPU device: CUDA_ERROR_NO_DEVICE: no CUDA-capable device is detected');
    expect(explainNoGpuDevice({ log: parseTensorflowGpuLog('') })).toMatch(/^TensorFlow loaded but created no GPU device/);
  });

  it('has nothing to explain when a device was created', () => {
    expect(explainNoGpuDevice({ log: parseTensorflowGpuLog(gpuCreated) })).toBeNull();
  });
});

describe('cudaVerdict', () => {
  it('names the device TensorFlow created, never a generic one', () => {
    expect(cudaVerdict(gpuCreated, smi)).toEqual({
      ok: true,
      value: {
        device: 'NVIDIA GeForce RTX 3090, 21.8 GiB, compute 8.6 (CUDA, driver 550.54.14)',
        gpu: { name: 'NVIDIA GeForce RTX 3090', memoryBytes: 22302 * 2 ** 20, driver: '550.54.14' },
      },
    });
  });

  it('reports the backend unavailable, with the reason, when no device was created', () => {
    const verdict = cudaVerdict(cudnnMissing, smi);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.error).toMatch(/libcudnn\.so\.8 \(cuDNN\).*this driver supports CUDA 12\.4/);
  });
});

describe('parseNvidiaSmi', () => {
  it('reads every GPU, the driver and the CUDA version the driver supports', () => {
    expect(parseNvidiaSmi('NVIDIA A100-SXM4-80GB, 535.129.03, 81920\nNVIDIA A100-SXM4-80GB, 535.129.03, 81920\n', 'CUDA Version: 12.2')).toEqual({
      gpus: [
        { name: 'NVIDIA A100-SXM4-80GB', driver: '535.129.03', memoryMB: 81920 },
        { name: 'NVIDIA A100-SXM4-80GB', driver: '535.129.03', memoryMB: 81920 },
      ],
      cuda: '12.2',
    });
    expect(parseNvidiaSmi('', '')).toEqual({ gpus: [] });
  });
});
