// Rule `link`: every link lands on a page the right build will have, on the canonical host.
import type { Check } from '../check.ts';
import { resolveAllReferences } from '../lib/resolve-reference.ts';

/** Every link in sources lands on a page the right build will have; public pieces never link into the launch room. */
export const linkCheck: Check = {
  id: 'link',
  phase: 'source',
  description: 'links and page references resolve to routes of the site that will serve them',
  run(ctx) {
    for (const { ref, resolution } of resolveAllReferences(ctx)) {
      if (resolution.status !== 'broken' || resolution.rule !== 'link') continue;
      ctx.report({
        file: ref.file,
        offset: ref.offset,
        message: `${ref.via}: ${resolution.message}`,
        hint: resolution.hint,
      });
    }
  },
};
