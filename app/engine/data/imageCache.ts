/**
 * Training images decoded and resized once, kept in memory up to a byte budget the user sets,
 * so later epochs crop and flip from memory instead of decoding each file again. Images that
 * do not fit once the budget is spent are decoded every time, as without a cache; nothing is
 * evicted (an epoch visits every image, so any eviction order would miss as often as it hits).
 */

/** A square training source image: `size × size × channels` bytes, row-major. */
export interface SourceImage {
  pixels: Uint8Array;
  size: number;
  channels: number;
}

export class ImageCache {
  private readonly images = new Map<number, SourceImage>();
  private used = 0;
  private refused = false;

  constructor(readonly budgetBytes: number) {}

  get(sample: number): SourceImage | undefined {
    return this.images.get(sample);
  }

  /** Keeps `image` for `sample` if the budget has room for it; says whether it did. */
  offer(sample: number, image: SourceImage): boolean {
    if (this.images.has(sample)) return true;
    if (this.used + image.pixels.byteLength > this.budgetBytes) {
      this.refused = true;
      return false;
    }
    this.images.set(sample, image);
    this.used += image.pixels.byteLength;
    return true;
  }

  get usedBytes(): number {
    return this.used;
  }

  get count(): number {
    return this.images.size;
  }

  /** Whether an image found no room: the rest of the set is decoded every epoch. */
  get full(): boolean {
    return this.refused;
  }
}
