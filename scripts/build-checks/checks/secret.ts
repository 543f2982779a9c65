// Rule `secret`: no token or API key in content/, marketing/, public/ or dist/ (the value is never printed).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Check, CheckContext } from '../check.ts';
import { findSecrets, TEXT_EXTENSIONS } from '../lib/secret-shapes.ts';
import { listFiles } from '../lib/repo-files.ts';
import { builtFileScan, isScannedPage } from '../lib/built-file-scans.ts';

/** Files larger than this are not text we wrote (and would slow the scan). */
export const MAX_SCANNED_BYTES = 50 * 1024 * 1024;

function scan(ctx: CheckContext, files: Iterable<string>, built = false): void {
  for (const file of files) {
    if (!TEXT_EXTENSIONS.test(file)) continue;
    const full = join(ctx.sources.root, file);
    if (statSync(full).size > MAX_SCANNED_BYTES) continue;
    const text = () => readFileSync(full, 'utf8');
    // A built page may have been read ahead while Astro wrote the site (steps/output-prescan.ts).
    const hits = built && isScannedPage(file) ? builtFileScan(ctx, 'secrets', file, text) : findSecrets(text());
    for (const hit of hits) {
      ctx.report({
        file,
        offset: hit.index,
        message: `${hit.kind} (value withheld)`,
        hint: 'never publish tokens: replace it with a placeholder such as $WORKSPACE_TOKEN and rotate the real one',
      });
    }
  }
}

/** No token-shaped strings in content/, marketing/ or public/. */
export const secretSourceCheck: Check = {
  id: 'secret',
  phase: 'source',
  description: 'no Bearer/auth_token 43-character tokens, sk-… or mol_… keys in content/, marketing/, public/',
  run(ctx) {
    const { content, files } = ctx.sources;
    scan(ctx, [
      ...content.map((entry) => entry.file),
      ...listFiles(ctx.sources.root, 'content').filter((file) => !file.endsWith('.mdx') && !file.endsWith('.md')),
      ...files.marketing,
      ...files.public,
    ]);
  },
};

/** No token-shaped strings anywhere in the built sites. */
export const secretOutputCheck: Check = {
  id: 'secret',
  phase: 'output',
  description: 'no token-shaped strings anywhere in dist/',
  run(ctx) {
    for (const audience of ctx.site?.audiences ?? []) scan(ctx, [...audience.files].sort(), true);
  },
};
