// Decoded image pixels and the luminance contrast of a region, for the blank-label and card checks.
import sharp from 'sharp';
import type { Box } from './diagram-page.ts';

/** Decoded pixels of an image, RGB, row-major. */
export interface Raster {
  width: number;
  height: number;
  data: Buffer;
}

/** Decodes a PNG (or any image sharp reads) once, so many regions can be measured cheaply. */
export async function readRaster(image: Buffer): Promise<Raster> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/**
 * How far a region's bright and dark pixels are apart, as luma from 0 to 1 (2nd to 98th
 * percentile, so a few anti-aliased or stray pixels do not count). Text that is really there
 * scores well above 0.2; an empty box, or text painted in its background colour, scores near 0.
 */
export function regionContrast(raster: Raster, box: Box): number {
  const left = clamp(Math.floor(box.x), 0, raster.width);
  const top = clamp(Math.floor(box.y), 0, raster.height);
  const right = clamp(Math.ceil(box.x + box.width), 0, raster.width);
  const bottom = clamp(Math.ceil(box.y + box.height), 0, raster.height);
  if (right <= left || bottom <= top) return 0;
  const histogram = new Uint32Array(256);
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const at = (y * raster.width + x) * 3;
      histogram[
        Math.round(0.2126 * raster.data[at]! + 0.7152 * raster.data[at + 1]! + 0.0722 * raster.data[at + 2]!)
      ]!++;
    }
  }
  const total = (right - left) * (bottom - top);
  return (percentile(histogram, total, 0.98) - percentile(histogram, total, 0.02)) / 255;
}

function percentile(histogram: Uint32Array, total: number, fraction: number): number {
  const target = fraction * total;
  let seen = 0;
  for (let value = 0; value < histogram.length; value++) {
    seen += histogram[value]!;
    if (seen >= target) return value;
  }
  return 255;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
