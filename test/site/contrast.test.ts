import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio, readColorVariables, WCAG_AA_TEXT } from '../../src/lib/contrast.ts';

const brand = readColorVariables(readFileSync('src/styles/brand.css', 'utf8'));

describe('brand palette contrast', () => {
  test('computes the known ratios of the fleet-diagram palette', () => {
    // #94A3B8 body text on the #0A0E1A page: flagged as borderline in the diagram notes; it is 7.5:1.
    expect(contrastRatio('#94a3b8', '#0a0e1a')).toBeCloseTo(7.51, 2);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    // Purple as text fails AA on panels, which is why purple text uses a lighter tint.
    expect(contrastRatio('#8b5cf6', '#111827')).toBeLessThan(WCAG_AA_TEXT);
  });

  // Every text colour the site uses, on every background it sits on (names from brand.css).
  test.each([
    ['text', 'bg'], ['text', 'panel'], ['text', 'panel-high'], ['text', 'edge'],
    ['muted', 'bg'], ['muted', 'panel'], ['muted', 'panel-high'], ['muted', 'edge'],
    ['title', 'bg'], ['title', 'panel'], ['title', 'panel-high'], ['title', 'edge'],
    ['link', 'bg'], ['link', 'panel'], ['link', 'panel-high'],
    ['heading', 'bg'], ['heading', 'panel'], ['heading', 'panel-high'],
    ['purple-text', 'bg'], ['purple-text', 'panel'],
    ['green', 'bg'], ['green', 'panel'], ['amber', 'bg'], ['amber', 'panel'], ['amber', 'panel-high'],
    ['red', 'bg'], ['red', 'panel'],
    // Buttons and the INTERNAL banner put the page colour on the accent.
    ['on-accent', 'blue'], ['on-accent', 'amber'],
  ])('--brand-%s on --brand-%s meets WCAG AA', (foreground, background) => {
    const fg = brand[`brand-${foreground}`];
    const bg = brand[`brand-${background}`];
    expect(fg && bg, `missing --brand-${foreground} or --brand-${background} in brand.css`).toBeTruthy();
    expect(contrastRatio(fg!, bg!)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
  });
});
