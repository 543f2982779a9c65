// Blends straight-alpha text blocks onto a copy of an opaque RGB card background, in place of libvips' composite.
//
// sharp's composite converts the whole 1200×630 card to premultiplied floats and back for every
// layer, which was 60 % of a card's 21 ms. The text blocks cover about a tenth of the card and the
// background is opaque, so "over" reduces to one integer mix per covered pixel: the card renders
// in a third of the time with the same pixels (±1 in a channel where libvips rounds differently).

/** An opaque raster: 3 bytes per pixel, rows without padding. */
export interface RgbRaster {
  data: Buffer;
  width: number;
  height: number;
}

/** A straight-alpha RGBA block placed at `left`, `top` on the card. */
export interface RgbaLayer {
  image: Buffer;
  width: number;
  height: number;
  left: number;
  top: number;
}

/**
 * `background` with every layer drawn over it in order, written into `target` (a buffer of the
 * background's size, e.g. one from {@link CardBufferPool}); layers are clipped to the card.
 */
export function blendLayers(background: RgbRaster, layers: readonly RgbaLayer[], target: Buffer): RgbRaster {
  const { width, height } = background;
  if (target.length !== background.data.length)
    throw new RangeError(`blend target holds ${target.length} bytes, the card needs ${background.data.length}`);
  const out = target;
  background.data.copy(out);
  for (const layer of layers) {
    const x0 = Math.max(0, layer.left);
    const y0 = Math.max(0, layer.top);
    const x1 = Math.min(width, layer.left + layer.width);
    const y1 = Math.min(height, layer.top + layer.height);
    for (let y = y0; y < y1; y++) {
      let src = ((y - layer.top) * layer.width + (x0 - layer.left)) * 4;
      let dst = (y * width + x0) * 3;
      for (let x = x0; x < x1; x++, src += 4, dst += 3) {
        const alpha = layer.image[src + 3]!;
        if (alpha === 0) continue;
        if (alpha === 255) {
          out[dst] = layer.image[src]!;
          out[dst + 1] = layer.image[src + 1]!;
          out[dst + 2] = layer.image[src + 2]!;
          continue;
        }
        const rest = 255 - alpha;
        out[dst] = (layer.image[src]! * alpha + out[dst]! * rest + 127) / 255;
        out[dst + 1] = (layer.image[src + 1]! * alpha + out[dst + 1]! * rest + 127) / 255;
        out[dst + 2] = (layer.image[src + 2]! * alpha + out[dst + 2]! * rest + 127) / 255;
      }
    }
  }
  return { data: out, width, height };
}

/**
 * Card-sized buffers kept for reuse. A card is 2.3 MB of pixels; allocating one per card made a
 * thousand-post build spend a fifth of its page rendering in garbage collection, because V8
 * counts that external memory against a heap of a gigabyte.
 */
export class CardBufferPool {
  #free = new Map<number, Buffer[]>();
  #limit: number;

  constructor(limit = 8) {
    this.#limit = limit;
  }

  /** A buffer of `size` bytes (contents undefined), reused when one is free. */
  take(size: number): Buffer {
    return this.#free.get(size)?.pop() ?? Buffer.allocUnsafe(size);
  }

  /** Hands a buffer back once nothing reads it any more. */
  give(buffer: Buffer): void {
    const list = this.#free.get(buffer.length) ?? [];
    if (list.length < this.#limit) list.push(buffer);
    this.#free.set(buffer.length, list);
  }
}
