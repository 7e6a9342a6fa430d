/** A header-only check that an image file is readable and big enough (which files count: app/training/imageFormats). */

import sharp from 'sharp';
import { errorMessage } from '../../result';
import type { ProgressCallback } from '../../training/progress';
import type { DatasetProblem } from '../../training/types';

/** The formats (as sharp names them) that datasets and `predict` read; no others are decoded. */
const IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const;

export const isImageFormat = (format: string | undefined): boolean => (IMAGE_FORMATS as readonly (string | undefined)[]).includes(format);

/** The one message for any other format, from the dataset scan and `predict` alike. */
export const unsupportedFormatProblem = (format: string | undefined): string => `unsupported format '${format ?? 'unknown'}' (use JPEG, PNG or WebP)`;

export interface ImageCheck {
  unreadable?: DatasetProblem;
  smaller?: DatasetProblem;
}

/** Reads only the image header (sharp metadata), so scanning stays cheap on large folders. */
async function checkImage(file: string, inputSize: number): Promise<ImageCheck> {
  try {
    const { width, height, format } = await sharp(file).metadata();
    if (!width || !height) return { unreadable: { file, problem: 'no image dimensions in the file header' } };
    if (!isImageFormat(format)) return { unreadable: { file, problem: unsupportedFormatProblem(format) } };
    if (Math.min(width, height) < inputSize) return { smaller: { file, problem: `${width}×${height} is smaller than the ${inputSize}×${inputSize} input` } };
    return {};
  } catch (error) {
    return { unreadable: { file, problem: errorMessage(error) } };
  }
}

/** Checks many files with bounded concurrency, keeping the input order; tells `onProgress` after each. */
export async function checkImages(files: readonly string[], inputSize: number, onProgress?: ProgressCallback, concurrency = 16): Promise<ImageCheck[]> {
  const results: ImageCheck[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      results[index] = await checkImage(files[index], inputSize);
      onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return results;
}
