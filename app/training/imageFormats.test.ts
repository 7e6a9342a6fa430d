import { describe, expect, it } from 'vitest';
import { IMAGE_EXTENSIONS, isImageFile } from './imageFormats';

describe('isImageFile', () => {
  it('knows JPEG, PNG and WebP by their extension', () => {
    expect(IMAGE_EXTENSIONS).toEqual(['.jpg', '.jpeg', '.png', '.webp']);
    for (const name of ['cat.jpg', 'cat.jpeg', 'dir/cat.png', 'cat.webp']) expect(isImageFile(name), name).toBe(true);
  });

  it('ignores the case of the extension', () => {
    for (const name of ['CAT.JPG', 'cat.Jpeg', 'cat.PNG', 'cat.WebP']) expect(isImageFile(name), name).toBe(true);
  });

  it('looks at the end of the name only', () => {
    for (const name of ['.png.txt', 'cat.png.gz', 'jpg', 'cat.jpgx', 'labels.csv', 'cat.gif', '']) expect(isImageFile(name), name).toBe(false);
  });
});
