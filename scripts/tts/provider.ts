// Provider identity for the cache key: which synthesiser, its version and settings, without loading either client.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hashJson } from '../../core/hash.ts';
import { runToolSync } from '../lib/run-tool.ts';

/** The espeak-ng executable. */
export const ESPEAK_BINARY = 'espeak-ng';

/** The format msedge-tts asks for; the one format the reference client (edge-tts) relies on. */
export const EDGE_OUTPUT_FORMAT = 'audio-24khz-48kbitrate-mono-mp3';

/** Version of the msedge-tts client, part of the cache key. */
export function readMsEdgeTtsVersion(): string {
  const path = createRequire(import.meta.url).resolve('msedge-tts/package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

const VOICES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(zh|cmn)\b/i, 'cmn'],
  [/^en-(gb|uk)\b/i, 'en-gb+f3'],
  [/^en\b/i, 'en-us+f3'],
];

/** espeak-ng voice for a script language: Mandarin uses `cmn`, English a female `+f3` variant. */
export function espeakVoiceFor(language: string): string {
  return VOICES.find(([pattern]) => pattern.test(language))?.[1] ?? language.toLowerCase();
}

/** espeak-ng pitch (0–99, 50 normal) closest to an SSML pitch offset such as `+10Hz`. */
export function espeakPitchFor(pitch: string): number {
  const hertz = Number(/^([+-]\d+)Hz$/.exec(pitch)?.[1] ?? 0);
  return Math.max(0, Math.min(99, Math.round(50 + hertz / 2)));
}

let espeakVersion: string | undefined;

/** Installed espeak-ng version, e.g. `1.51` (probed once per process). */
export function readEspeakVersion(): string {
  espeakVersion ??=
    /(\d+\.\d+(?:\.\d+)?)/.exec(runToolSync(ESPEAK_BINARY, ['--version'], 'probe espeak-ng'))?.[1] ?? 'unknown';
  return espeakVersion;
}

/** The parts of a script plan a provider's settings depend on. */
export interface ProviderSettingsSource {
  language: string;
  prosody: { pitch: string };
  wpm: number;
}

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
export function describeProvider(
  id: ProviderId,
  plan: ProviderSettingsSource,
  versions: ProviderVersions,
): ProviderIdentity {
  if (id === 'edge') return { id, version: versions.edge(), settings: { format: EDGE_OUTPUT_FORMAT } };
  return {
    id,
    version: versions.espeak(),
    settings: { voice: espeakVoiceFor(plan.language), pitch: espeakPitchFor(plan.prosody.pitch), wpm: plan.wpm },
  };
}

/**
 * The cache key stored as `inputsHash` on a script's MP3 and VTT: normalised text, voice,
 * prosody, mastering settings and pipeline version (the plan's content hash), plus the provider
 * and its version.
 */
export function computeInputsHash(plan: { contentHash: string }, provider: ProviderIdentity): string {
  return hashJson({ content: plan.contentHash, provider });
}
