// Rule `asset`: every file a source points at exists under marketing/ or public/.
import type { Check } from '../check.ts';
import { resolveAllReferences } from '../lib/resolve-reference.ts';

/** Every asset a source points at (Markdown, JSX, frontmatter, facts) exists under marketing/ or public/. */
export const assetCheck: Check = {
  id: 'asset',
  phase: 'source',
  description: 'referenced images, audio, video and downloads exist where the asset rule says',
  run(ctx) {
    for (const { ref, resolution } of resolveAllReferences(ctx)) {
      if (resolution.status !== 'broken' || resolution.rule !== 'asset') continue;
      ctx.report({
        file: ref.file,
        offset: ref.offset,
        message: `${ref.via}: ${resolution.message}`,
        hint: resolution.hint,
      });
    }
  },
};
