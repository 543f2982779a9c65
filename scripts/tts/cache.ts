import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashFile, hashJson } from '../../core/hash.ts';
import type { Manifest, ManifestEntry } from '../../core/manifest.ts';
import { espeakPitchFor, espeakVoiceFor, readEspeakVersion } from './offline-voice.ts';
import { EDGE_OUTPUT_FORMAT, readMsEdgeTtsVersion } from './synthesize.ts';
import type { VoiceoverPlan } from './plan.ts';

/** The two synthesisers. */
export type ProviderId = 'edge' | 'espeak';

/** A provider as the cache key sees it: engine, its version, and the settings it was given. */
export interface ProviderIdentity {
  id: ProviderId;
  version: string;
  settings: Record<string, string | number>;
}

/** Installed provider versions, probed at most once each. */
export interface ProviderVersions {
  edge(): string;
  espeak(): string;
}

/**
 * Lazily probes `msedge-tts` (its package.json) and espeak-ng (`--version`). With
 * `tolerateMissing`, a missing espeak-ng reads as version `missing` (the build's staleness check
 * must not crash) instead of throwing.
 */
export function probeProviderVersions(options: { tolerateMissing?: boolean } = {}): ProviderVersions {
  const memo: Partial<Record<ProviderId, string>> = {};
  const guard = (probe: () => string) => {
    try {
      return probe();
    } catch (error) {
      if (options.tolerateMissing) return 'missing';
      throw error;
    }
  };
  return {
    edge: () => (memo.edge ??= `msedge-tts@${guard(readMsEdgeTtsVersion)}`),
    espeak: () => (memo.espeak ??= `espeak-ng@${guard(readEspeakVersion)}`),
  };
}

/** The provider part of a script's cache key. espeak-ng's speed follows the script's wpm, so wpm is in it. */
export function describeProvider(id: ProviderId, plan: VoiceoverPlan, versions: ProviderVersions): ProviderIdentity {
  if (id === 'edge') return { id, version: versions.edge(), settings: { format: EDGE_OUTPUT_FORMAT } };
  return { id, version: versions.espeak(), settings: { voice: espeakVoiceFor(plan.language), pitch: espeakPitchFor(plan.prosody.pitch), wpm: plan.wpm } };
}

/**
 * The cache key stored as `inputsHash` on a script's MP3 and VTT: normalised text, voice,
 * prosody, mastering settings and pipeline version (the plan's content hash), plus the provider
 * and its version.
 */
export function computeInputsHash(plan: Pick<VoiceoverPlan, 'contentHash'>, provider: ProviderIdentity): string {
  return hashJson({ content: plan.contentHash, provider });
}

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
  if (!audio || !captions || !provider || !acceptable.includes(provider) || captions.provider !== provider) return undefined;
  const expected = computeInputsHash(plan, describeProvider(provider, plan, versions));
  if (audio.inputsHash !== expected || captions.inputsHash !== expected) return undefined;
  for (const [path, entry] of [[plan.output, audio], [plan.captions, captions]] as const) {
    const full = join(root, path);
    if (!existsSync(full) || (await hashFile(full)) !== entry.bytesHash) return undefined;
  }
  return { provider, audio, captions };
}
