// Tests of the card blender: straight-alpha "over" onto an opaque RGB ground, clipping, and the buffer pool.
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { blendLayers, CardBufferPool } from '../../scripts/lib/card-raster.ts';

const ground = (width: number, height: number, rgb: [number, number, number]) => ({
  data: Buffer.from(Array.from({ length: width * height }, () => rgb).flat()),
  width,
  height,
});

describe('blendLayers', () => {
  test('matches libvips composite within one level on a half-transparent gradient', async () => {
    const background = ground(8, 4, [20, 30, 60]);
    const image = Buffer.alloc(4 * 4 * 4);
    for (let pixel = 0; pixel < 16; pixel++) image.set([250, 200, 10, pixel * 17], pixel * 4);
    const ours = blendLayers(background, [{ image, width: 4, height: 4, left: 2, top: 0 }], Buffer.alloc(8 * 4 * 3));
    const theirs = await sharp(background.data, { raw: { width: 8, height: 4, channels: 3 } })
      .composite([{ input: image, raw: { width: 4, height: 4, channels: 4 }, left: 2, top: 0 }])
      .removeAlpha()
      .raw()
      .toBuffer();
    const worst = Math.max(...ours.data.map((value, index) => Math.abs(value - theirs[index]!)));
    expect(worst).toBeLessThanOrEqual(1);
    // Fully transparent pixels leave the ground alone; opaque ones replace it.
    expect([...ours.data.subarray(6, 9)]).toEqual([20, 30, 60]);
    expect([...ours.data.subarray((3 * 8 + 5) * 3, (3 * 8 + 5) * 3 + 3)]).toEqual([250, 200, 10]);
  });

  test('clips a layer that runs past the card and leaves the background untouched', () => {
    const background = ground(4, 2, [1, 2, 3]);
    const image = Buffer.alloc(3 * 3 * 4, 255);
    const out = blendLayers(background, [{ image, width: 3, height: 3, left: 2, top: 1 }], Buffer.alloc(4 * 2 * 3));
    expect([...out.data.subarray(0, 3)]).toEqual([1, 2, 3]);
    expect([...out.data.subarray((1 * 4 + 3) * 3)]).toEqual([255, 255, 255]);
    expect([...background.data.subarray((1 * 4 + 3) * 3)]).toEqual([1, 2, 3]);
  });

  test('refuses a target of the wrong size', () => {
    expect(() => blendLayers(ground(2, 2, [0, 0, 0]), [], Buffer.alloc(5))).toThrow(/holds 5 bytes, the card needs 12/);
  });
});

describe('CardBufferPool', () => {
  test('hands back a returned buffer of the same size and keeps at most its limit', () => {
    const pool = new CardBufferPool(1);
    const first = pool.take(16);
    pool.give(first);
    pool.give(Buffer.alloc(16));
    expect(pool.take(16)).toBe(first);
    expect(pool.take(16)).not.toBe(first);
    expect(pool.take(32).length).toBe(32);
  });
});
