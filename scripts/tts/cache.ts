// The tts cache: a script's MP3 and VTT are reused when the manifest's inputs hash and bytes still match.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
// The tts cache: a script's MP3 and VTT are reused when the manifest's inputs hash and bytes still match.
import { hashFile } from '../../core/hash.ts';
import type { Manifest, ManifestEntry } from '../../core/manifest.ts';
import type { VoiceoverPlan } from './plan.ts';
import { computeInputsHash, describeProvider, type ProviderId, type ProviderVersions } from './provider.ts';

/** A script whose recorded MP3 and VTT are current and untouched. */
export interface CacheHit {
  provider: ProviderId;
  audio: ManifestEntry;
  captions: ManifestEntry;
}

/**
 * Looks a script up in the manifest: a hit needs both files recorded with the inputs hash the
 * recording provider would give now (one of `acceptable`), and both files on disk with the bytes
 * that were recorded (a hand-edited or half-copied file is regenerated).
 */
export async function findCachedOutput(
  root: string,
  plan: VoiceoverPlan,
  manifest: Manifest,
  acceptable: readonly ProviderId[],
  versions: ProviderVersions,
): Promise<CacheHit | undefined> {
  const audio = manifest.entries[plan.output];
  const captions = manifest.entries[plan.captions];
  const provider = audio?.provider as ProviderId | undefined;
  if (!audio || !captions || !provider || !acceptable.includes(provider) || captions.provider !== provider)
    return undefined;
  const expected = computeInputsHash(plan, describeProvider(provider, plan, versions));
  if (audio.inputsHash !== expected || captions.inputsHash !== expected) return undefined;
  for (const [path, entry] of [
    [plan.output, audio],
    [plan.captions, captions],
  ] as const) {
    const full = join(root, path);
    if (!existsSync(full) || (await hashFile(full)) !== entry.bytesHash) return undefined;
  }
  return { provider, audio, captions };
}
