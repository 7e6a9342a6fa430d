/** Paths of the bundled sample images (assets/samples). */

import { fileURLToPath } from 'node:url';

const sample = (name: string): string => fileURLToPath(new URL(`../../../assets/samples/${name}`, import.meta.url));

export const SAMPLE_IMAGES = {
  jpeg: sample('orange-disc.jpg'),
  grayPng: sample('checkerboard-gray.png'),
  webp: sample('stripes.webp'),
};
