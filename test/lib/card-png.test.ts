// Tests of the card PNG encoder: reused background blocks plus re-deflated text rows decode to exactly the card's pixels.
import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { adler32, combineAdler32, encodeCardPng, preparePngBackground } from '../../scripts/lib/card-png.ts';
import { composeBrandCard } from '../../scripts/lib/brand-card.ts';

/** A raster whose every pixel differs from its neighbours, so a misplaced row cannot decode equal. */
function noise(width: number, height: number, seed: number) {
  const data = Buffer.alloc(width * height * 3);
  for (let index = 0; index < data.length; index++) data[index] = (index * 31 + seed * 17 + (index >> 7)) & 255;
  return { data, width, height };
}

async function decode(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

describe('encodeCardPng', () => {
  test('decodes to the card when only the rows it names as changed differ from the background', async () => {
    const background = noise(37, 50, 1);
    const card = { ...background, data: Buffer.from(background.data) };
    // Rows 9–20 and 41 change; everything else must come from the background's blocks.
    const changed = noise(37, 50, 2).data;
    changed.copy(card.data, 9 * 37 * 3, 9 * 37 * 3, 21 * 37 * 3);
    changed.copy(card.data, 41 * 37 * 3, 41 * 37 * 3, 42 * 37 * 3);
    const png = await encodeCardPng(await preparePngBackground(background), card, [
      [9, 21],
      [41, 42],
    ]);
    const decoded = await decode(png);
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([37, 50, 3]);
    expect(Buffer.compare(decoded.data, card.data)).toBe(0);
  });

  test('gives the background itself when nothing changed, and clips rows outside the card', async () => {
    const background = noise(16, 9, 3);
    const prepared = await preparePngBackground(background);
    const untouched = await decode(await encodeCardPng(prepared, background, []));
    expect(Buffer.compare(untouched.data, background.data)).toBe(0);
    const clipped = await decode(
      await encodeCardPng(prepared, background, [
        [-5, 2],
        [7, 400],
      ]),
    );
    expect(Buffer.compare(clipped.data, background.data)).toBe(0);
  });

  test('refuses a card of another size than its background', async () => {
    const prepared = await preparePngBackground(noise(8, 8, 4));
    await expect(encodeCardPng(prepared, noise(8, 9, 4), [])).rejects.toThrow(/8×9, its background 8×8/);
  });

  test('encodes a real brand card losslessly', async () => {
    const card = await composeBrandCard({ title: 'Remote agents heartbeat', eyebrow: 'Molecule AI blog' });
    const decoded = await decode(card.png);
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([1200, 630, 3]);
    // The title's rows carry text (bright pixels) and the rows above the wordmark are the plain ground.
    const rowOf = (y: number) => decoded.data.subarray(y * 1200 * 3, (y + 1) * 1200 * 3);
    const title = card.regions.title;
    const brightest = Math.max(...Array.from({ length: title.height }, (_, dy) => Math.max(...rowOf(title.top + dy))));
    expect(brightest).toBeGreaterThan(200);
  });
});

describe('adler32', () => {
  test('agrees with zlib on data longer than one summing run', () => {
    const data = noise(300, 40, 5).data;
    const deflated = zlib.deflateSync(data);
    expect(adler32(data)).toBe(deflated.readUInt32BE(deflated.length - 4));
  });

  test('combines two runs into the checksum of both', () => {
    const data = noise(100, 30, 6).data;
    const cut = 4321;
    expect(combineAdler32(adler32(data.subarray(0, cut)), adler32(data.subarray(cut)), data.length - cut)).toBe(
      adler32(data),
    );
  });
});
