// npm run bench: runs every bench/*.bench.ts module in turn, or only the ones named on the command line.
import { readdirSync } from 'node:fs';

/**
 * `npm run bench`: imports every `bench/*.bench.ts` module and awaits its exported
 * `run(): Promise<void>`, one after another (they time things, so never in parallel).
 * Modules print their own figures as ratios against their targets. A failing module is
 * reported and the others still run; the exit code is 1 if any failed.
 * Optional filter: `npm run bench -- out-link` runs only modules whose name contains it.
 */
const filter = process.argv[2];
const modules = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.bench.ts') && (!filter || name.includes(filter)))
  .sort();
let failed = 0;
for (const name of modules) {
  process.stdout.write(`\n## ${name.replace(/\.bench\.ts$/, '')}\n`);
  const started = performance.now();
  try {
    const module = (await import(new URL(name, import.meta.url).href)) as { run?: () => Promise<void> };
    if (typeof module.run !== 'function') throw new Error('does not export run(): Promise<void>');
    await module.run();
    process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    failed++;
    process.stdout.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  }
}
if (modules.length === 0) process.stdout.write(`no bench modules${filter ? ` matching "${filter}"` : ''}\n`);
process.exitCode = failed > 0 ? 1 : 0;
