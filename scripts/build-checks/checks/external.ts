// Rule `external` (with --external only): links to other sites answer, cached between runs.
import { join } from 'node:path';
import type { Check } from '../check.ts';
import { checkExternalUrls, DEFAULT_EXTERNAL_CACHE } from '../lib/external-links.ts';
import { resolveAllReferences } from '../lib/resolve-reference.ts';

/** With `--external`, links to other sites answer (cached); without it, nothing is fetched. */
export const externalCheck: Check = {
  id: 'external',
  phase: 'source',
  description: 'external links answer (only with --external; results cached)',
  async run(ctx) {
    if (!ctx.options.external) return;
    const external = resolveAllReferences(ctx).flatMap(({ ref, resolution }) =>
      resolution.status === 'external' ? [{ ref, url: resolution.url }] : [],
    );
    const results = await checkExternalUrls(
      external.map(({ url }) => url),
      { cacheFile: join(ctx.sources.root, DEFAULT_EXTERNAL_CACHE) },
    );
    for (const { ref, url } of external) {
      const result = results.get(url);
      if (!result || result.ok) continue;
      ctx.report({
        file: ref.file,
        offset: ref.offset,
        message: `${url} ${result.status ? `answered ${result.status}` : `failed: ${result.error}`}`,
        hint: 'fix or remove the link; results are cached for an hour',
      });
    }
  },
};
