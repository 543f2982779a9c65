// PNG encoding of a card that compresses only the rows its text changed, reusing the background's compressed rows.
//
// Every card is the same background with a few text blocks on it, and a cold build of a thousand
// posts encodes a thousand cards. sharp's PNG encoder costs 6–7 ms a card even at compression
// level 0 (its pipeline copies and walks the whole 1200×630 image); deflating the whole card costs
// 4 ms. No PNG library reuses a compressed part of an earlier image, so this module writes the
// PNG itself: the background's rows are deflated once, in blocks that end on a full flush (each
// block is an independent piece of the stream), and a card deflates only the blocks its text
// touches. Rows use PNG filter 0 (none), as sharp did with `adaptiveFiltering: false`.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { RgbRaster } from './card-raster.ts';

const deflateRaw = promisify(zlib.deflateRaw);
/** Rows per reusable block: small enough that text dirties few rows, large enough to compress well. */
const BLOCK_ROWS = 4;
const DEFLATE_OPTIONS = { level: 1, finishFlush: zlib.constants.Z_FULL_FLUSH } as const;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A final, empty stored block: ends a deflate stream whose pieces each end on a flush. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
/** zlib header: deflate, 32 KB window, fastest compression (0x7801 is a multiple of 31). */
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);
const ADLER_BASE = 65521;

/** One block of the background's filtered rows, deflated on its own, with its Adler-32. */
interface Block {
  deflated: Buffer;
  adler: number;
  length: number;
}

/** A background prepared for {@link encodeCardPng}. */
export interface PngBackground {
  raster: RgbRaster;
  blocks: Block[];
}

/** Deflates `raster`'s rows in blocks, once per background. */
export async function preparePngBackground(raster: RgbRaster): Promise<PngBackground> {
  const blocks: Block[] = [];
  for (let row = 0; row < raster.height; row += BLOCK_ROWS) {
    const rows = filteredRows(raster, row, Math.min(raster.height, row + BLOCK_ROWS));
    blocks.push({ deflated: await deflateRaw(rows, DEFLATE_OPTIONS), adler: adler32(rows), length: rows.length });
  }
  return { raster, blocks };
}

/**
 * The PNG of `card` (the background's size, with text blended into rows `dirty` only): untouched
 * blocks are the background's, touched ones are deflated anew, one run of neighbours at a time.
 */
export async function encodeCardPng(
  background: PngBackground,
  card: RgbRaster,
  dirty: ReadonlyArray<readonly [top: number, bottom: number]>,
): Promise<Buffer> {
  const { raster, blocks } = background;
  if (card.width !== raster.width || card.height !== raster.height)
    throw new RangeError(`card is ${card.width}×${card.height}, its background ${raster.width}×${raster.height}`);
  const touched = blocks.map(() => false);
  for (const [top, bottom] of dirty)
    for (let row = Math.max(0, top); row < Math.min(card.height, bottom); row += 1)
      touched[Math.floor(row / BLOCK_ROWS)] = true;
  const pieces: Buffer[] = [];
  let adler = 1;
  for (let index = 0; index < blocks.length;) {
    if (!touched[index]) {
      const block = blocks[index++]!;
      pieces.push(block.deflated);
      adler = combineAdler32(adler, block.adler, block.length);
      continue;
    }
    const first = index;
    while (index < blocks.length && touched[index]) index += 1;
    const rows = filteredRows(card, first * BLOCK_ROWS, Math.min(card.height, index * BLOCK_ROWS));
    pieces.push(await deflateRaw(rows, DEFLATE_OPTIONS));
    adler = combineAdler32(adler, adler32(rows), rows.length);
  }
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler >>> 0);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(card.width, 0);
  header.writeUInt32BE(card.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, filter method 0, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat([ZLIB_HEADER, ...pieces, FINAL_BLOCK, trailer])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rows `from`–`to` of `raster` as PNG scanlines: a filter byte (0, none) before each row. */
function filteredRows(raster: RgbRaster, from: number, to: number): Buffer {
  const stride = raster.width * 3;
  const out = Buffer.allocUnsafe((to - from) * (stride + 1));
  for (let row = from; row < to; row += 1) {
    const at = (row - from) * (stride + 1);
    out[at] = 0;
    raster.data.copy(out, at + 1, row * stride, (row + 1) * stride);
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Adler-32 of `data` (zlib's checksum), summed in runs short enough never to overflow. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let start = 0; start < data.length; start += 3800) {
    const end = Math.min(data.length, start + 3800);
    for (let index = start; index < end; index += 1) {
      a += data[index]!;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two byte runs one after the other, from each run's own (zlib's adler32_combine). */
export function combineAdler32(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let a = first & 0xffff;
  let b = (rem * a) % ADLER_BASE;
  a += (second & 0xffff) + ADLER_BASE - 1;
  b += ((first >>> 16) & 0xffff) + ((second >>> 16) & 0xffff) + ADLER_BASE - rem;
  if (a >= ADLER_BASE) a -= ADLER_BASE;
  if (a >= ADLER_BASE) a -= ADLER_BASE;
  if (b >= ADLER_BASE * 2) b -= ADLER_BASE * 2;
  if (b >= ADLER_BASE) b -= ADLER_BASE;
  return ((b << 16) | a) >>> 0;
}
