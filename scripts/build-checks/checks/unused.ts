// Rule `unused` (warning): a marketing/ file nothing references and the inventory does not list.
import { MANIFEST_PATH } from '../../../core/manifest.ts';
import type { Check } from '../check.ts';
import { resolveAllReferences } from '../lib/resolve-reference.ts';

/** A file under marketing/ that no source references and the asset inventory does not list (warning). */
export const unusedCheck: Check = {
  id: 'unused',
  phase: 'source',
  description: 'files in marketing/ that nothing references and the inventory does not list',
  run(ctx) {
    const used = new Set<string>();
    for (const { resolution } of resolveAllReferences(ctx)) {
      if (resolution.status === 'ok' && resolution.repoFile) used.add(resolution.repoFile);
    }
    // A voice-over script owns its MP3; a used MP3 brings its caption track.
    for (const entry of ctx.sources.content) {
      if (entry.collection === 'voiceovers' && typeof entry.data?.output === 'string') used.add(entry.data.output);
    }
    for (const file of [...used]) if (file.endsWith('.mp3')) used.add(file.replace(/\.mp3$/, '.vtt'));
    for (const file of [...ctx.sources.files.marketing].sort()) {
      if (file === MANIFEST_PATH || used.has(file)) continue;
      ctx.report({
        file,
        line: 1,
        column: 1,
        severity: 'warning',
        message: `${file} is not referenced by any content and not listed in the asset inventory`,
        hint: 'use it, list it in content/inventory/, or stop generating it',
      });
    }
  },
};
