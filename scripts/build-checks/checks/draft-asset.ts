// Rule `draft-asset` (warning): a generated file marked draft is not the final deliverable.
import { MANIFEST_PATH } from '../../../core/manifest.ts';
import type { Check } from '../check.ts';
import { offsetOfYamlPath } from '../../../core/yaml-path.ts';

/** A generated file marked `draft` (fallback voice, stand-in recording) is not the final deliverable (warning). */
export const draftAssetCheck: Check = {
  id: 'draft-asset',
  phase: 'source',
  description: 'generated files marked draft (fallback audio, stand-in recordings)',
  run(ctx) {
    const doc = ctx.sources.manifestDoc;
    for (const [path, entry] of Object.entries(ctx.sources.manifest.entries).sort(([a], [b]) => a.localeCompare(b))) {
      if (!entry.draft) continue;
      const kind = /\.(mp3|ogg|wav|m4a)$/.test(path)
        ? 'draft audio'
        : path.endsWith('.vtt')
          ? 'draft captions'
          : 'a draft';
      ctx.report({
        file: MANIFEST_PATH,
        offset: doc ? offsetOfYamlPath(doc, ['entries', path], true) : 0,
        severity: 'warning',
        message: `${path} is ${kind}${entry.provider ? ` (made by ${entry.provider})` : ''}, not the final deliverable`,
        hint: `run ${entry.command} again when the real provider is reachable`,
      });
    }
  },
};
