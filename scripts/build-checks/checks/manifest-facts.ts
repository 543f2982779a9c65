// Manifest rule, second half: facts a file can prove about itself are checked against the file, not trusted from the manifest.
import { MANIFEST_PATH } from '../../../core/manifest.ts';
import { offsetOfYamlPath } from '../../../core/yaml-path.ts';
import type { Check, CheckContext } from '../check.ts';
import { measureListedAudio, readRecordedPlatform, type AudioFacts } from '../file-facts.ts';

/** A recorded length may differ from the measured one by rounding only. */
const DURATION_SLACK_SECONDS = 0.05;

/** Measured MP3 facts, once per run (the duration rule reads them too). */
export function measuredAudio(ctx: CheckContext): Promise<Map<string, AudioFacts>> {
  return ctx.memo('measured-audio', () => measureListedAudio(ctx.sources.root, ctx.sources.manifest));
}

/**
 * A hand-edited manifest cannot hide a draft or a wrong length: a demo entry must carry the
 * provider its recording names (a stand-in recording is `provider: stand-in`, `draft: true`), an MP3
 * marked DRAFT by tts must be `draft: true`, and `durationSeconds` must be the measured length.
 */
export const manifestFactsCheck: Check = {
  id: 'manifest',
  phase: 'source',
  description: 'manifest provider, draft and duration agree with what the recording or audio file itself says',
  async run(ctx) {
    const { manifest, manifestDoc } = ctx.sources;
    const at = (path: string) => ({
      file: MANIFEST_PATH,
      offset: manifestDoc ? offsetOfYamlPath(manifestDoc, ['entries', path], true) : 0,
    });
    const hint = (command: string) =>
      `never edit marketing/manifest.json by hand; run ${command} to record what the file really is`;
    const audio = await measuredAudio(ctx);
    for (const [path, entry] of Object.entries(manifest.entries).sort(([a], [b]) => a.localeCompare(b))) {
      if (entry.generator === 'demo') {
        const recorded = readRecordedPlatform(ctx.sources.root, path);
        if (recorded === 'stand-in' && (entry.provider !== 'stand-in' || !entry.draft)) {
          ctx.report({
            ...at(path),
            message: `${path} is listed as provider "${entry.provider ?? 'none'}", draft ${entry.draft}, but the recording itself was made on the stand-in platform`,
            hint: hint(entry.command),
          });
        }
      }
      const facts = audio.get(path);
      if (!facts) continue;
      if (facts.draftMarked && !entry.draft) {
        ctx.report({
          ...at(path),
          message: `${path} is listed as final (draft false), but the file is tagged as an espeak-ng DRAFT`,
          hint: hint(entry.command),
        });
      }
      if (
        entry.durationSeconds !== undefined &&
        Math.abs(entry.durationSeconds - facts.durationSeconds) > DURATION_SLACK_SECONDS
      ) {
        ctx.report({
          ...at(path),
          message: `${path} is listed as ${entry.durationSeconds.toFixed(1)} s, but the file measures ${facts.durationSeconds.toFixed(1)} s`,
          hint: hint(entry.command),
        });
      }
    }
  },
};
