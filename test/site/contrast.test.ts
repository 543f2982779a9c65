// Tests of the brand palette: every text colour meets WCAG AA, and the stylesheets write no colour of their own.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { BRAND_PALETTE, renderPaletteCss } from '../../core/brand-palette.ts';
import { contrastRatio, readColorVariables, WCAG_AA_TEXT } from '../../src/lib/contrast.ts';

// The variables exactly as pages receive them (the injected palette style).
const brand = readColorVariables(renderPaletteCss());

describe('brand palette contrast', () => {
  test('computes the known ratios of the fleet-diagram palette', () => {
    // #94A3B8 body text on the #0A0E1A page: flagged as borderline in the diagram notes; it is 7.5:1.
    expect(contrastRatio('#94a3b8', '#0a0e1a')).toBeCloseTo(7.51, 2);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    // Purple as text fails AA on panels, which is why purple text uses a lighter tint.
    expect(contrastRatio('#8b5cf6', '#111827')).toBeLessThan(WCAG_AA_TEXT);
  });

  // Every text colour the site uses, on every background it sits on (names from core/brand-palette.ts).
  test.each([
    ['text', 'bg'],
    ['text', 'panel'],
    ['text', 'panel-high'],
    ['text', 'edge'],
    ['muted', 'bg'],
    ['muted', 'panel'],
    ['muted', 'panel-high'],
    ['muted', 'edge'],
    ['title', 'bg'],
    ['title', 'panel'],
    ['title', 'panel-high'],
    ['title', 'edge'],
    ['link', 'bg'],
    ['link', 'panel'],
    ['link', 'panel-high'],
    ['heading', 'bg'],
    ['heading', 'panel'],
    ['heading', 'panel-high'],
    ['purple-text', 'bg'],
    ['purple-text', 'panel'],
    ['green', 'bg'],
    ['green', 'panel'],
    ['amber', 'bg'],
    ['amber', 'panel'],
    ['amber', 'panel-high'],
    ['red', 'bg'],
    ['red', 'panel'],
    // Buttons and the INTERNAL banner put the page colour on the accent.
    ['on-accent', 'blue'],
    ['on-accent', 'amber'],
  ])('--brand-%s on --brand-%s meets WCAG AA', (foreground, background) => {
    const fg = brand[`brand-${foreground}`];
    const bg = brand[`brand-${background}`];
    expect(fg && bg, `missing --brand-${foreground} or --brand-${background} in core/brand-palette.ts`).toBeTruthy();
    expect(contrastRatio(fg!, bg!)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
  });

  test('the stylesheets take every colour from the palette instead of writing it again', () => {
    const sheets = readdirSync('src/styles').filter((name) => name.endsWith('.css'));
    const literals = sheets.flatMap((name) =>
      [...readFileSync(`src/styles/${name}`, 'utf8').matchAll(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/gi)].map(
        (match) => `${name}: ${match[0]}`,
      ),
    );
    expect(literals).toEqual([]);
    expect(Object.keys(brand)).toHaveLength(Object.keys(BRAND_PALETTE).length);
  });
});
