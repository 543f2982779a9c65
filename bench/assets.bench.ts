// Bench: ten diagrams in one browser session against ten mmdc runs (target ≥ 3× faster).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { applyBrandClasses, BRAND_MERMAID_CONFIG, DIAGRAM_BACKGROUND } from '../scripts/assets/brand-theme.ts';
import { DIAGRAM_SCALE, openDiagramSession } from '../scripts/assets/diagram-session.ts';
import { chromiumArgs, findChromium } from '../scripts/lib/find-chromium.ts';

const runFile = promisify(execFile);
/** How many diagrams each side renders. */
export const DIAGRAM_COUNT = 10;
/** The speed-up the issue asks for. */
export const TARGET_RATIO = 3;
const SOURCE = fileURLToPath(new URL('../content/diagrams/phase30-fleet-diagram.mmd', import.meta.url));
// The package exports only its API, so find the CLI entry beside it (src/index.js → src/cli.js).
const MMDC = fileURLToPath(new URL('./cli.js', import.meta.resolve('@mermaid-js/mermaid-cli')));

/**
 * Ten diagrams in one browser session (how `npm run assets` works: SVG and 2× PNG each) against
 * ten `mmdc` runs with the same Chromium, theme, background and scale (PNG only, so mmdc does
 * less work per diagram than we do). Prints both times and the ratio; target ≥ 3×.
 */
export async function run(): Promise<{
  name: string;
  sessionMs: number;
  mmdcMs: number;
  ratio: number;
  target: number;
  passed: boolean;
}> {
  const executablePath = findChromium();
  const base = await readFile(SOURCE, 'utf8');
  // Ten distinct definitions: the fleet diagram with a numbered title.
  const definitions = Array.from({ length: DIAGRAM_COUNT }, (_, index) =>
    applyBrandClasses(base.replace(/^title: "(.*)"$/m, `title: "$1 (${index + 1})"`)),
  );
  const dir = await mkdtemp(join(tmpdir(), 'assets-bench-'));
  try {
    const sessionStart = performance.now();
    const session = await openDiagramSession({ executablePath, config: BRAND_MERMAID_CONFIG });
    try {
      for (const [index, definition] of definitions.entries()) {
        const rendered = await session.render(definition, { svgId: `bench-${index}` });
        await writeFile(join(dir, `session-${index}.svg`), rendered.svg);
        await writeFile(join(dir, `session-${index}.png`), rendered.png);
      }
    } finally {
      await session.close();
    }
    const sessionMs = performance.now() - sessionStart;

    await writeFile(
      join(dir, 'puppeteer.json'),
      JSON.stringify({ executablePath, args: chromiumArgs(), headless: true }),
    );
    await writeFile(join(dir, 'mermaid.json'), JSON.stringify(BRAND_MERMAID_CONFIG));
    const mmdcStart = performance.now();
    for (const [index, definition] of definitions.entries()) {
      const input = join(dir, `mmdc-${index}.mmd`);
      await writeFile(input, definition);
      await runFile(
        process.execPath,
        [
          MMDC,
          '-q',
          '-i',
          input,
          '-o',
          join(dir, `mmdc-${index}.png`),
          '-p',
          join(dir, 'puppeteer.json'),
          '-c',
          join(dir, 'mermaid.json'),
          '-b',
          DIAGRAM_BACKGROUND,
          '-s',
          String(DIAGRAM_SCALE),
        ],
        { timeout: 120_000 },
      );
    }
    const mmdcMs = performance.now() - mmdcStart;

    const ratio = mmdcMs / sessionMs;
    const passed = ratio >= TARGET_RATIO;
    console.log(
      `assets: ${DIAGRAM_COUNT} diagrams, one session ${(sessionMs / 1000).toFixed(1)} s (SVG + PNG each) vs ${DIAGRAM_COUNT}× mmdc ${(mmdcMs / 1000).toFixed(1)} s (PNG each)`,
    );
    console.log(`assets: ${ratio.toFixed(1)}× faster (target ≥ ${TARGET_RATIO}×) ${passed ? 'ok' : 'BELOW TARGET'}`);
    return {
      name: 'assets: one session vs mmdc',
      sessionMs: Math.round(sessionMs),
      mmdcMs: Math.round(mmdcMs),
      ratio: Math.round(ratio * 10) / 10,
      target: TARGET_RATIO,
      passed,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
