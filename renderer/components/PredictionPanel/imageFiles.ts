/** Turns picked or dropped image files into prediction inputs: bytes as base64 and a preview URL. */

import type { PredictionImage } from '../../store/runStore';

const dataUrlOf = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });

/** Image files only; others are named in `skipped`. */
export async function readImageFiles(files: Iterable<File>): Promise<{ images: PredictionImage[]; skipped: string[] }> {
  const images: PredictionImage[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    if (!file.type.startsWith('image/')) {
      skipped.push(file.name);
      continue;
    }
    const url = await dataUrlOf(file);
    images.push({ name: file.name, preview: url, base64: url.slice(url.indexOf(',') + 1) });
  }
  return { images, skipped };
}
