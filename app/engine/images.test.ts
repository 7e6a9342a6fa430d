import { execFile } from 'node:child_process';
import { closeSync, constants, openSync, unlinkSync, writeSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkImages, unsupportedFormatProblem } from './data/imageFiles';
import { useTempDir } from '../node/testing/tempDir';
import { centralCropBox, DECODE_CONCURRENCY, decodeImage, decodeSizeFor, FULL_DECODE_PIXELS, ImageReadError, inceptionPreprocess, loadImageBatch, type DecodedImage } from './images';
import { INCEPTION_PREPROCESSING } from '../training/preprocessing';
import { SAMPLE_IMAGES } from './testing/samples';

describe('decodeImage', () => {
  it('decodes JPEG, PNG and WebP to RGB', async () => {
    const jpeg = await decodeImage({ path: SAMPLE_IMAGES.jpeg }, 3);
    expect([jpeg.width, jpeg.height, jpeg.channels]).toEqual([320, 240, 3]);
    const webp = await decodeImage({ path: SAMPLE_IMAGES.webp }, 3);
    expect([webp.width, webp.height, webp.channels]).toEqual([160, 120, 3]);
  });

  it('expands a grayscale image to three equal channels, and gives luminance for one channel', async () => {
    const rgb = await decodeImage({ path: SAMPLE_IMAGES.grayPng }, 3);
    expect(rgb.channels).toBe(3);
    expect([rgb.data[0], rgb.data[1], rgb.data[2]]).toEqual([rgb.data[0], rgb.data[0], rgb.data[0]]);
    const gray = await decodeImage({ path: SAMPLE_IMAGES.jpeg }, 1);
    expect(gray.channels).toBe(1);
    expect(gray.data.length).toBe(320 * 240);
  });

  it('reads only the formats a dataset scan accepts, and refuses the others with the scan’s words', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).gif().toBuffer();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><image href="file:///etc/hostname"/></svg>');
    const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).tiff().toBuffer();
    for (const [name, bytes, format] of [['a.gif', gif, 'gif'], ['b.svg', svg, 'svg'], ['c.tiff', tiff, 'tiff']] as const) {
      await expect(decodeImage({ name, bytes }, 3)).rejects.toThrow(`Cannot read image '${name}': ${unsupportedFormatProblem(format)}`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'formats-'));
    await writeFile(join(dir, 'a.gif'), gif);
    expect((await checkImages([join(dir, 'a.gif')], 8))[0].unreadable?.problem).toBe(unsupportedFormatProblem('gif'));
    await rm(dir, { recursive: true, force: true });
  });

  it('names the file and the problem when it cannot read one', async () => {
    const missing = await decodeImage({ path: '/no/such/image.jpg' }, 3).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ImageReadError);
    // The name survives where the class does not: logs, and errors sent between processes.
    expect(missing).toMatchObject({ name: 'ImageReadError', image: '/no/such/image.jpg', message: "Cannot read image '/no/such/image.jpg': no such file" });
    // Other read failures keep the system's own words.
    const underFile = join(fileURLToPath(import.meta.url), 'image.png');
    await expect(decodeImage({ path: underFile }, 3)).rejects.toThrow(new RegExp(`^Cannot read image '${underFile}': ENOTDIR: not a directory`));
    await expect(decodeImage({ name: 'notes.txt', bytes: new TextEncoder().encode('hello') }, 3)).rejects.toThrow(ImageReadError);
    await expect(decodeImage({ name: 'notes.txt', bytes: new TextEncoder().encode('hello') }, 3)).rejects.toThrow(/notes\.txt.*not a decodable image/);
  });

  it('says a folder is a folder, and a nameless extension is missing', async () => {
    await expect(decodeImage({ path: tmpdir() }, 3)).rejects.toThrow(`Cannot read image '${tmpdir()}': it is a directory`);
    await expect(decodeImage({ name: 'dropped', bytes: new TextEncoder().encode('hello') }, 3)).rejects.toThrow("Cannot read image 'dropped': not a decodable image (no extension): ");
    await expect(decodeImage({ name: 'a.png', bytes: new TextEncoder().encode('hello') }, 3)).rejects.toThrow("Cannot read image 'a.png': not a decodable image (.png): ");
  });

  it('decodes a JPEG whose scan data libjpeg can recover from, as the dataset scan does', async () => {
    const noise = Uint8Array.from({ length: 64 * 64 * 3 }, (_, i) => (Math.imul(i, 2654435761) >>> 24) & 255);
    const jpeg = await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } }).jpeg().toBuffer();
    // A restart marker where none belongs: libjpeg warns ("premature end of data segment") and goes on.
    const at = Math.floor(jpeg.length * 0.6);
    jpeg[at] = 0xff;
    jpeg[at + 1] = 0xd3;
    expect(await decodeImage({ name: 'recoverable.jpg', bytes: jpeg }, 3)).toMatchObject({ width: 64, height: 64, channels: 3 });
  });

  it('decodes gray, gray with alpha, 16-bit and CMYK images to exactly the channels asked for', async () => {
    const plain = () => sharp({ create: { width: 4, height: 3, channels: 3, background: '#806040' } });
    const images = {
      'gray.png': await plain().toColourspace('b-w').png().toBuffer(),
      'gray-alpha.png': await sharp({ create: { width: 4, height: 3, channels: 4, background: { r: 90, g: 90, b: 90, alpha: 0.5 } } }).toColourspace('b-w').png().toBuffer(),
      'gray16.png': await plain().toColourspace('grey16').png().toBuffer(),
      'rgb16.png': await plain().toColourspace('rgb16').png().toBuffer(),
      'cmyk.jpg': await plain().toColourspace('cmyk').jpeg().toBuffer(),
    };
    for (const [name, bytes] of Object.entries(images)) {
      for (const channels of [1, 3] as const) {
        const decoded = await decodeImage({ name, bytes }, channels);
        expect([name, decoded.width, decoded.height, decoded.channels, decoded.data.length]).toEqual([name, 4, 3, channels, 4 * 3 * channels]);
      }
    }
  });

  it('keeps height and width apart, drops alpha, and gives luminance for one channel', async () => {
    // 5 wide × 3 tall with alpha: rows and columns must not swap, alpha must go.
    const png = (r: number, g: number, b: number) => sharp({ create: { width: 5, height: 3, channels: 4, background: { r, g, b, alpha: 1 } } }).png().toBuffer();
    const rgb = await decodeImage({ name: 'red.png', bytes: await png(255, 0, 0) }, 3);
    expect([rgb.width, rgb.height, rgb.channels, rgb.data.length]).toEqual([5, 3, 3, 5 * 3 * 3]);
    expect(Array.from(rgb.data.subarray(0, 3))).toEqual([255, 0, 0]);
    const gray = async (r: number, g: number, b: number) => decodeImage({ name: 'c.png', bytes: await png(r, g, b) }, 1);
    const red = await gray(255, 0, 0);
    expect([red.width, red.height, red.channels, red.data.length]).toEqual([5, 3, 1, 15]);
    // Luminance weighs green most and blue least; a plain channel pick or mean would not.
    const [r, g, b] = [red.data[0], (await gray(0, 255, 0)).data[0], (await gray(0, 0, 255)).data[0]];
    expect(g).toBeGreaterThan(r);
    expect(r).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(0);
  });

  it('decodes an image of exactly FULL_DECODE_PIXELS at full size, and shrinks one pixel more as it decodes', async () => {
    const atLeast = { height: 100, width: 50 };
    const full = await sharp({ create: { width: 4096, height: 4096, channels: 3, background: '#406080' } }).png({ compressionLevel: 1 }).toBuffer();
    expect(await decodeImage({ name: 'full.png', bytes: full }, 3, atLeast)).toMatchObject({ width: 4096, height: 4096 });
    // One column more is over the limit: shrunk, aspect kept, until the smaller side covers `atLeast` (fit outside).
    const over = await sharp({ create: { width: 4097, height: 4096, channels: 3, background: '#406080' } }).png({ compressionLevel: 1 }).toBuffer();
    const shrunk = await decodeImage({ name: 'over.png', bytes: over }, 3, atLeast);
    expect([shrunk.height, shrunk.width]).toEqual([100, 100]);
    // Without a size to cover, nothing is shrunk.
    expect(await decodeImage({ name: 'over.png', bytes: over }, 1)).toMatchObject({ width: 4097, height: 4096, channels: 1 });
    // Nor enlarged when it is already smaller than the size to cover.
    expect(await decodeImage({ name: 'over.png', bytes: over }, 1, { height: 5000, width: 5000 })).toMatchObject({ width: 4097, height: 4096 });
    expect(FULL_DECODE_PIXELS).toBe(4096 * 4096);
  });
});

describe('inceptionPreprocess', () => {
  it('crops the central 87.5% like TensorFlow', () => {
    expect(centralCropBox(299, 299, 0.875)).toEqual({ top: 18, left: 18, height: 263, width: 263 });
    expect(centralCropBox(240, 320, 0.875)).toEqual({ top: 15, left: 20, height: 210, width: 280 });
  });

  it('crops the central 87.5% of a non-square image by default, keeping its rows and columns apart', () => {
    // 16 rows × 24 columns, every pixel distinct: the crop is rows 1…14, columns 1…22.
    const image: DecodedImage = { width: 24, height: 16, channels: 1, data: Uint8Array.from({ length: 16 * 24 }, (_, i) => (i * 7) % 251) };
    const out = inceptionPreprocess(image, { height: 14, width: 22 });
    const expected = Array.from({ length: 14 * 22 }, (_, i) => image.data[(1 + Math.floor(i / 22)) * 24 + 1 + (i % 22)] / 127.5 - 1);
    expect(Array.from(out).every((v, i) => Math.abs(v - expected[i]) < 1e-6)).toBe(true);
  });

  it('decodes a large image at twice the size its default 87.5% crop needs', () => {
    expect(decodeSizeFor({ height: 7, width: 14 })).toEqual({ height: 16, width: 32 });
    expect(decodeSizeFor({ height: 7, width: 14 }, { ...INCEPTION_PREPROCESSING, centralCropFraction: 0.5 })).toEqual({ height: 28, width: 56 });
  });

  it('scales 0 and 255 to -1 and 1 and interpolates bilinearly', () => {
    // 2×2 image, no crop: upsampling to 4×4 with half-pixel centres.
    const image: DecodedImage = { width: 2, height: 2, channels: 1, data: new Uint8Array([0, 255, 255, 255]) };
    const out = inceptionPreprocess(image, { height: 4, width: 4 }, undefined, 0, { ...INCEPTION_PREPROCESSING, centralCropFraction: 1 });
    expect(out[0]).toBeCloseTo(-1);
    expect(out[15]).toBeCloseTo(1);
    expect(out[1]).toBeCloseTo(-0.5); // a quarter of the way to 255 → 63.75 → -0.5
    for (const v of out) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it('crops odd and asymmetric sizes as TensorFlow’s central_crop does: start truncated, size what is left', () => {
    expect(centralCropBox(13, 30, 0.875)).toEqual({ top: 0, left: 1, height: 13, width: 28 });
    expect(centralCropBox(101, 7, 0.5)).toEqual({ top: 25, left: 1, height: 51, width: 5 });
    expect(centralCropBox(10, 40, 1)).toEqual({ top: 0, left: 0, height: 10, width: 40 });
  });

  it('matches TensorFlow’s bilinear resize (half-pixel centres) of the crop, shrinking rows and stretching columns', () => {
    // 16 rows × 24 columns × 3 channels of distinct values; the crop is rows 1…14, columns 1…22.
    const image: DecodedImage = { width: 24, height: 16, channels: 3, data: Uint8Array.from({ length: 16 * 24 * 3 }, (_, i) => (i * 37) % 256) };
    const size = { height: 5, width: 31 };
    const out = inceptionPreprocess(image, size);
    const expected = tf.tidy(() => {
      const crop = tf.tensor3d(image.data, [16, 24, 3], 'float32').slice([1, 1, 0], [14, 22, 3]);
      return tf.image.resizeBilinear(crop, [size.height, size.width], false, true).div(127.5).sub(1).dataSync();
    });
    expect(out.length).toBe(5 * 31 * 3);
    let worst = 0;
    for (const [i, value] of out.entries()) worst = Math.max(worst, Math.abs(value - expected[i]));
    expect(worst).toBeLessThan(1e-5);
  });

  it('writes into a batch buffer at its offset and leaves the rest alone', () => {
    const image: DecodedImage = { width: 2, height: 3, channels: 1, data: new Uint8Array([0, 51, 102, 153, 204, 255]) };
    const batch = new Float32Array(2 + 3 * 2 + 2).fill(9);
    const returned = inceptionPreprocess(image, { height: 3, width: 2 }, batch, 2, { ...INCEPTION_PREPROCESSING, centralCropFraction: 1 });
    expect(returned).toBe(batch);
    expect(Array.from(batch, (v) => Math.round(v * 10) / 10)).toEqual([9, 9, -1, -0.6, -0.2, 0.2, 0.6, 1, 9, 9]);
  });

  it('keeps a constant image constant at any size', () => {
    const image: DecodedImage = { width: 7, height: 5, channels: 3, data: new Uint8Array(7 * 5 * 3).fill(51) };
    const out = inceptionPreprocess(image, { height: 11, width: 3 });
    for (const v of out) expect(v).toBeCloseTo(-0.6, 5);
  });
});

describe('loadImageBatch', () => {
  it('batches readable images and reports the others by position', async () => {
    const batch = await loadImageBatch([{ path: SAMPLE_IMAGES.jpeg }, { path: '/missing.png' }, { path: SAMPLE_IMAGES.grayPng }], { height: 9, width: 9, channels: 3 });
    expect(batch.images).toEqual([SAMPLE_IMAGES.jpeg, SAMPLE_IMAGES.grayPng]);
    expect(batch.indices).toEqual([0, 2]);
    expect(batch.data.length).toBe(2 * 9 * 9 * 3);
    // Each readable image fills its own row, in request order.
    for (const [row, path] of [SAMPLE_IMAGES.jpeg, SAMPLE_IMAGES.grayPng].entries()) {
      const alone = await loadImageBatch([{ path }], { height: 9, width: 9, channels: 3 });
      expect(batch.data.subarray(row * 9 * 9 * 3, (row + 1) * 9 * 9 * 3)).toEqual(alone.data);
    }
    expect(batch.failures).toEqual([{ index: 1, image: '/missing.png', error: "Cannot read image '/missing.png': no such file" }]);
  });

  it("follows a recorded preparation: crop fraction and value scaling", async () => {
    const input = { height: 9, width: 9, channels: 3 };
    const inception = await loadImageBatch([{ path: SAMPLE_IMAGES.jpeg }], input);
    const unit = await loadImageBatch([{ path: SAMPLE_IMAGES.jpeg }], input, { centralCropFraction: 0.875, scale: 1 / 255, offset: 0 });
    expect(Array.from(unit.data, (v) => v * 2 - 1).every((v, i) => Math.abs(v - inception.data[i]) < 1e-5)).toBe(true);
    const whole = await loadImageBatch([{ path: SAMPLE_IMAGES.jpeg }], input, { ...INCEPTION_PREPROCESSING, centralCropFraction: 1 });
    expect(whole.data).not.toEqual(inception.data);
  });

  it('reads at most DECODE_CONCURRENCY images at once', async () => {
    // Named pipes block their reader until something writes: how many are open for reading at
    // once is how many images loadImageBatch is reading at once.
    const pipes = Array.from({ length: DECODE_CONCURRENCY + 2 }, (_, i) => join(tmpdir(), `decode-pipe-${process.pid}-${i}.png`));
    await promisify(execFile)('mkfifo', pipes);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } }).png().toBuffer();
    const loading = loadImageBatch(pipes.map((path) => ({ path })), { height: 4, width: 4, channels: 3 });
    let settled = false;
    void loading.finally(() => (settled = true));
    // Opening a pipe to write without blocking fails (ENXIO) while nobody reads it.
    const openWriter = (pipe: string): number | null => {
      try {
        return openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENXIO') return null;
        throw error;
      }
    };
    const writers = new Map<string, number>();
    const openReaders = () => {
      for (const pipe of pipes.filter((p) => !writers.has(p))) {
        const fd = openWriter(pipe);
        if (fd !== null) writers.set(pipe, fd);
      }
      return writers.size;
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      const deadline = Date.now() + 60_000;
      while (openReaders() < DECODE_CONCURRENCY && Date.now() < deadline) await sleep(20);
      expect(writers.size).toBe(DECODE_CONCURRENCY);
      // Give a further reader time to show itself: none may while the first ones wait for data.
      await sleep(300);
      expect(openReaders()).toBe(DECODE_CONCURRENCY);
      const fed = new Set<string>();
      while (fed.size < pipes.length && Date.now() < deadline) {
        for (const [pipe, fd] of writers) {
          if (fed.has(pipe)) continue;
          writeSync(fd, png);
          closeSync(fd);
          fed.add(pipe);
        }
        await sleep(20);
        expect(openReaders() - fed.size).toBeLessThanOrEqual(DECODE_CONCURRENCY);
      }
      const batch = await loading;
      expect(batch.failures).toEqual([]);
      expect(batch.images).toEqual(pipes);
    } finally {
      // A reader blocked on a pipe holds one of libuv's four file threads: end every pipe (a
      // writer closed unwritten reads as an empty file) until the batch is done, then remove them.
      for (const fd of writers.values()) {
        try {
          closeSync(fd);
        } catch {
          // Closed already, after its image was written.
        }
      }
      while (!settled) {
        for (const pipe of pipes) {
          const fd = openWriter(pipe);
          if (fd !== null) closeSync(fd);
        }
        await sleep(20);
      }
      for (const pipe of pipes) unlinkSync(pipe);
    }
  });

  it('refuses a network with an unsupported channel count', async () => {
    await expect(loadImageBatch([{ path: SAMPLE_IMAGES.jpeg }], { height: 9, width: 9, channels: 4 })).rejects.toThrow('1 or 3 input channels');
  });
});

describe('loadImageBatch memory', () => {
  const dir = useTempDir('image-memory');

  it('decodes six 8000×8000 PNGs in far less memory than one of them takes at full size', async () => {
    const big = join(dir(), 'big.png');
    await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#c08040' } }).png({ compressionLevel: 1 }).toFile(big);
    // 8000 × 8000 × 3 bytes = 192 MB per image at full size: six held at once took 1.3 GB.
    const probe = fileURLToPath(new URL('./testing/decodeMemoryProbe.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', probe, '75', ...Array<string>(6).fill(big)]);
    const result = JSON.parse(stdout) as { peakBytes: number; decoded: number };
    expect(result.decoded).toBe(6);
    expect(result.peakBytes).toBeLessThan(500_000_000);
  });
});
