// Re-encodes Chromium's PNG screenshots with sharp: same pixels, smaller files.
import sharp from 'sharp';

/**
 * Re-encodes a PNG losslessly at maximum zlib effort with adaptive row filters. Lossless on
 * purpose: palette quantisation shaves more bytes but fringes small anti-aliased text.
 */
export async function optimisePng(png: Buffer): Promise<Buffer> {
  const optimised = await sharp(png).png({ compressionLevel: 9, adaptiveFiltering: true, effort: 10 }).toBuffer();
  return optimised.length < png.length ? optimised : png;
}
