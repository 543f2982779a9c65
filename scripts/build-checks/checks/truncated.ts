// Output rule: no built page, feed or asset is empty or cut short, so a corrupted dist/ can never pass.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Check } from '../check.ts';

/** How much of a file's end is read to find its closing tag. */
const TAIL_BYTES = 4096;

function readTail(path: string, size: number): string {
  const length = Math.min(size, TAIL_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/** Why a built file looks truncated, or undefined when it ends as its format requires. */
export function describeTruncation(file: string, size: number, tail: string): string | undefined {
  if (size === 0) return 'is empty (0 bytes)';
  if (/\.html?$/i.test(file) && !/<\/html>/i.test(tail)) return 'has no closing </html>: the page was cut short';
  if (/\.xml$/i.test(file) && !/<\/[\w:-]+>\s*$/.test(tail))
    return 'does not end with a closing tag: the feed was cut short';
  return undefined;
}

/** Every file in dist/public and dist/internal: non-empty; HTML ends with `</html>`, XML with its closing tag. */
export const truncatedCheck: Check = {
  id: 'truncated',
  phase: 'output',
  description: 'built pages, feeds and assets are not empty (0 bytes) or cut short (HTML without </html>)',
  run(ctx) {
    for (const audience of ctx.site?.audiences ?? []) {
      for (const file of [...audience.files].sort()) {
        const full = join(ctx.sources.root, file);
        const { size } = statSync(full);
        const problem = describeTruncation(file, size, size === 0 ? '' : readTail(full, size));
        if (problem)
          ctx.report({
            file,
            line: 1,
            column: 1,
            message: `${file} ${problem}`,
            hint: 'a build was interrupted or two ran at once; run npm run build again',
          });
      }
    }
  },
};
