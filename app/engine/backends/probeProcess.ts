/**
 * A short child process that loads a native library and reports on it: how the backends learn
 * what a library really does (TensorFlow's device log, Dawn's driver complaints) without its
 * output, its crashes or its handles touching this process.
 */

import { execFile } from 'node:child_process';

/**
 * Whether this process can start one. The packaged desktop app has Electron's RunAsNode fuse
 * off (electron-builder.yml), so its binary cannot run a script as Node: inside Electron the
 * backends check in-process instead, with less detail in their reasons.
 */
export const canRunProbeProcess = process.versions.electron === undefined;

export interface ProbeRun {
  /** Exit code; null when it was killed (time limit, signal). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why it did not finish normally ("timed out after 30 s", "killed by SIGSEGV"). */
  failure: string | null;
}

export interface ProbeOptions {
  /** An ES module (top-level await) rather than CommonJS. */
  module?: boolean;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

export function runProbeProcess(script: string, args: readonly string[], options: ProbeOptions): Promise<ProbeRun> {
  const flags = options.module ? ['--input-type=module'] : [];
  const env = { ...process.env, ...options.env };
  return new Promise((resolve) => {
    execFile(process.execPath, [...flags, '-e', script, ...args], { env, timeout: options.timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const failed = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals | null; code?: number | string | null }) | null;
      if (!failed) return resolve({ code: 0, stdout, stderr, failure: null });
      if (typeof failed.code === 'number') return resolve({ code: failed.code, stdout, stderr, failure: null });
      const failure = failed.killed ? `timed out after ${Math.round(options.timeoutMs / 1000)} s` : failed.signal ? `killed by ${failed.signal}` : failed.message;
      resolve({ code: null, stdout, stderr, failure });
    });
  });
}
