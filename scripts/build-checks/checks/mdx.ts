// Rule `mdx`: every body parses as MDX (or Markdown), so Astro's compiler will not stop on it.
import type { Check } from '../check.ts';
import { bodyOf } from '../lib/text-units.ts';

/** Every body parses as MDX (or Markdown for .md), so Astro's compiler will not stop on it. */
export const mdxCheck: Check = {
  id: 'mdx',
  phase: 'source',
  description: 'bodies parse as MDX or Markdown',
  run(ctx) {
    for (const entry of ctx.sources.content) {
      const error = bodyOf(ctx, entry).error;
      if (error)
        ctx.report({
          file: entry.file,
          line: error.line,
          column: error.column,
          message: error.message,
          hint: 'MDX treats < and { as JSX; escape them as \\< and \\{ in prose',
        });
    }
  },
};
