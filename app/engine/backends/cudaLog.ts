/**
 * Reading TensorFlow's own log for whether it created a GPU device. `@tensorflow/tfjs-node-gpu`
 * loads happily without one — it only logs which CUDA libraries it could not open and then
 * computes on the CPU — so the log is the one honest source. Pure: tested on recorded lines.
 */

/** What `@tensorflow/tfjs-node-gpu` 4.x (TensorFlow 2.9.1) needs; CUDA 12 libraries do not do. */
export const TFJS_NODE_GPU_NEEDS = { tensorflow: '2.9.1', cuda: '11.2', cudnn: '8.1' } as const;

export interface TensorflowGpuDevice {
  index: number;
  name: string;
  memoryMB: number;
  computeCapability: string;
}

export interface MissingLibrary {
  library: string;
  /** The dynamic loader's words ("cannot open shared object file: No such file or directory"). */
  error: string;
}

export interface TensorflowGpuLog {
  devices: TensorflowGpuDevice[];
  missingLibraries: MissingLibrary[];
  /** Why no device came up although the libraries may have loaded: no driver, cuInit failed, a GPU too old. */
  driverProblems: string[];
}

// 2.9: "Created device /job:localhost/replica:0/task:0/device:GPU:0 with 22302 MB memory:  -> device: 0, name: …, pci bus id: …, compute capability: 8.6"
// 2.4: "Created TensorFlow device (/job:localhost/replica:0/task:0/device:GPU:0 with 10175 MB memory) -> physical GPU (device: 0, name: …, …)"
const CREATED = /Created (?:TensorFlow )?device \(?\S*device:GPU:(\d+) with (\d+) MB memory\)?:?\s*->\s*(?:physical GPU \()?device: \d+, name: (.+?), pci bus id: [^,]+, compute capability: ([\d.]+)/;
const MISSING = /Could not load dynamic library '([^']+)'; dlerror: ([^;\n]+)/;
const DRIVER_PROBLEMS = [
  /failed call to cuInit: (.+)$/,
  /(kernel driver does not appear to be running on this host.*)$/,
  /(CUDA driver version is insufficient for CUDA runtime version.*)$/,
  /(Ignoring visible gpu device .+)$/,
];

export function parseTensorflowGpuLog(text: string): TensorflowGpuLog {
  const log: TensorflowGpuLog = { devices: [], missingLibraries: [], driverProblems: [] };
  for (const line of text.split('\n')) {
    const created = CREATED.exec(line);
    if (created) {
      log.devices.push({ index: Number(created[1]), memoryMB: Number(created[2]), name: created[3].trim(), computeCapability: created[4] });
      continue;
    }
    const missing = MISSING.exec(line);
    if (missing) {
      if (!log.missingLibraries.some((m) => m.library === missing[1])) log.missingLibraries.push({ library: missing[1], error: missing[2].trim() });
      continue;
    }
    for (const pattern of DRIVER_PROBLEMS) {
      const problem = pattern.exec(line.trim());
      if (problem && !log.driverProblems.includes(problem[1].trim())) log.driverProblems.push(problem[1].trim());
    }
  }
  return log;
}

/** What each library TensorFlow loads belongs to; TensorRT is optional and left out. */
const LIBRARY_ROLES: readonly [RegExp, string | null][] = [
  [/^(libcuda\.so|nvcuda\.dll)/, 'the NVIDIA driver'],
  [/^(libcudart\.so|cudart64_)/, 'the CUDA runtime'],
  [/^(libcudnn|cudnn64_)/, 'cuDNN'],
  [/^(libcublas|cublas)/, 'cuBLAS, part of CUDA'],
  [/^(libcufft|cufft)/, 'cuFFT, part of CUDA'],
  [/^(libcurand|curand)/, 'cuRAND, part of CUDA'],
  [/^(libcusolver|cusolver)/, 'cuSOLVER, part of CUDA'],
  [/^(libcusparse|cusparse)/, 'cuSPARSE, part of CUDA'],
  [/^libnvinfer/, null],
];

function roleOf(library: string): string | null | undefined {
  return LIBRARY_ROLES.find(([pattern]) => pattern.test(library))?.[1];
}

/** The libraries whose absence keeps TensorFlow off the GPU (TensorRT's do not). */
function blockingLibraries(log: TensorflowGpuLog): MissingLibrary[] {
  return log.missingLibraries.filter((m) => roleOf(m.library) !== null);
}

export interface CudaVerdictInput {
  log: TensorflowGpuLog;
  /** The CUDA version the installed driver supports (nvidia-smi), when known. */
  driverCuda?: string;
}

/** Why TensorFlow is not on the GPU, in words a user can act on; null when it created a device. */
export function explainNoGpuDevice({ log, driverCuda }: CudaVerdictInput): string | null {
  if (log.devices.length > 0) return null;
  const needs = `@tensorflow/tfjs-node-gpu (TensorFlow ${TFJS_NODE_GPU_NEEDS.tensorflow}) needs CUDA ${TFJS_NODE_GPU_NEEDS.cuda} and cuDNN ${TFJS_NODE_GPU_NEEDS.cudnn} on the library path (LD_LIBRARY_PATH)`;
  const driver = driverCuda ? `; this driver supports CUDA ${driverCuda}, and CUDA ${driverCuda.split('.')[0]} libraries do not stand in for CUDA 11's` : '';
  const missing = blockingLibraries(log);
  if (missing.some((m) => roleOf(m.library) === 'the NVIDIA driver')) {
    return `TensorFlow created no GPU device: the NVIDIA driver library (${missing.map((m) => m.library).join(', ')}) is missing — install the NVIDIA driver, or use the webgpu backend`;
  }
  if (missing.length > 0) {
    const named = missing.map((m) => `${m.library} (${roleOf(m.library) ?? 'a CUDA library'})`).join(', ');
    return `TensorFlow created no GPU device: it could not open ${named}. ${needs}${driver}. Install them side by side with your CUDA, or use the webgpu backend, which needs no CUDA`;
  }
  if (log.driverProblems.length > 0) return `TensorFlow created no GPU device: ${log.driverProblems.join('; ')}`;
  return 'TensorFlow loaded but created no GPU device (no NVIDIA GPU visible: check CUDA_VISIBLE_DEVICES and nvidia-smi)';
}
