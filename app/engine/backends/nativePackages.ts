/**
 * The native TensorFlow backends are optional npm packages (their install downloads
 * libtensorflow). They load through a dynamic import; a failure is explained in words with
 * what to install.
 */

import { createRequire } from 'node:module';
import { errorMessage } from '../../result';

export const NATIVE_PACKAGE = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
} as const;

export type NativeBackend = keyof typeof NATIVE_PACKAGE;

const INSTALL_HINT: Record<NativeBackend, string> = {
  'tensorflow-gpu': 'install it with `npm install @tensorflow/tfjs-node-gpu@4.22.0` (needs an NVIDIA GPU with CUDA 11.2 and cuDNN 8.1)',
  tensorflow: 'install it with `npm install @tensorflow/tfjs-node@4.22.0` (downloads libtensorflow, ~100 MB)',
};

export function isPackageInstalled(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/** Why a native backend is not usable, from the error its import threw. */
export function explainLoadFailure(backend: NativeBackend, error: unknown, installed = isPackageInstalled(NATIVE_PACKAGE[backend])): string {
  const text = errorMessage(error);
  const pkg = NATIVE_PACKAGE[backend];
  if (!installed) return notInstalledReason(backend);
  if (/libcud|cuda|libnvinfer|cublas/i.test(text)) {
    return `CUDA libraries missing (${firstLine(text)}): install CUDA 11.2 and cuDNN 8.1 and put them on LD_LIBRARY_PATH, or use @tensorflow/tfjs-node`;
  }
  return `failed to load ${pkg}: ${firstLine(text)}; reinstall it (${INSTALL_HINT[backend]})`;
}

export function notInstalledReason(backend: NativeBackend): string {
  return `not installed: ${INSTALL_HINT[backend]}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 300);
}

/** Imports the package; it registers the tfjs backend `tensorflow` as a side effect. */
export async function importNativePackage(backend: NativeBackend): Promise<void> {
  const pkg = NATIVE_PACKAGE[backend];
  if (!isPackageInstalled(pkg)) throw new Error(notInstalledReason(backend));
  await import(/* @vite-ignore */ pkg);
}
