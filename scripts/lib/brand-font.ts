// The bundled brand font (Inter) shared by the site's OG cards and the generated assets: family, CSS stack, files.
import { fileURLToPath } from 'node:url';

const fontFile = (name: string) => fileURLToPath(new URL(`../assets/fonts/${name}`, import.meta.url));

/**
 * The bundled brand font (Inter, SIL OFL 1.1; see scripts/assets/fonts/README.md). Full TTFs for
 * sharp/Pango text, a Latin-subset woff2 for Chromium and for embedding in diagram SVGs.
 */
export const BRAND_FONT = {
  family: 'Inter',
  /** CSS stack: the bundled face first, then look-alikes for a viewer that blocks embedded fonts. */
  cssStack: "Inter, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif",
  ttf: { regular: fontFile('Inter_400Regular.ttf'), bold: fontFile('Inter_700Bold.ttf') },
  woff2: { regular: fontFile('inter-latin-400-normal.woff2'), bold: fontFile('inter-latin-700-normal.woff2') },
  /** Code points the woff2 subset covers (from @fontsource/inter's latin subset). */
  unicodeRange: [
    [0x20, 0xff],
    [0x131, 0x131],
    [0x152, 0x153],
    [0x2bb, 0x2bc],
    [0x2c6, 0x2c6],
    [0x2da, 0x2da],
    [0x2dc, 0x2dc],
    [0x304, 0x304],
    [0x308, 0x308],
    [0x329, 0x329],
    [0x2000, 0x206f],
    [0x20ac, 0x20ac],
    [0x2122, 0x2122],
    [0x2191, 0x2191],
    [0x2193, 0x2193],
    [0x2212, 0x2212],
    [0x2215, 0x2215],
    [0xfeff, 0xfeff],
    [0xfffd, 0xfffd],
  ] as ReadonlyArray<readonly [number, number]>,
} as const;

/** Every font file a render depends on, for the inputs hash. */
export const BRAND_FONT_FILES = [
  BRAND_FONT.ttf.regular,
  BRAND_FONT.ttf.bold,
  BRAND_FONT.woff2.regular,
  BRAND_FONT.woff2.bold,
] as const;
