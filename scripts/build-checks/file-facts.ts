// What generated files prove about themselves: an MP3's measured length and draft marker, the platform a demo recording was made on.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Manifest } from '../../core/manifest.ts';
import { probeAudio } from '../lib/measure-audio.ts';

/** Measurements are cached by the file's bytes hash: the same bytes always measure the same. */
export const AUDIO_FACTS_CACHE = 'node_modules/.cache/build-checks/audio-facts.json';

/** What ffprobe reads from an MP3. */
export interface AudioFacts {
  durationSeconds: number;
  /** The ID3 comment tts writes on espeak-ng output ("DRAFT: …"). */
  draftMarked: boolean;
}

/**
 * Measures every MP3 the manifest lists (ffprobe, once per distinct bytes hash across runs).
 * A file that cannot be measured is left out; the manifest rule reports missing or edited files.
 */
export async function measureListedAudio(root: string, manifest: Manifest): Promise<Map<string, AudioFacts>> {
  const cachePath = join(root, AUDIO_FACTS_CACHE);
  let cache: Record<string, AudioFacts> = {};
  try {
    cache = JSON.parse(readFileSync(cachePath, 'utf8')) as Record<string, AudioFacts>;
  } catch {
    // no cache yet
  }
  const measured = new Map<string, AudioFacts>();
  let changed = false;
  for (const [path, entry] of Object.entries(manifest.entries)) {
    if (!path.endsWith('.mp3') || !existsSync(join(root, path))) continue;
    let facts = cache[entry.bytesHash];
    if (!facts) {
      try {
        const probe = await probeAudio(join(root, path));
        facts = { durationSeconds: probe.durationSeconds, draftMarked: /^DRAFT\b/i.test(probe.tags.comment ?? '') };
      } catch {
        continue;
      }
      cache[entry.bytesHash] = facts;
      changed = true;
    }
    measured.set(path, facts);
  }
  if (changed) {
    mkdirSync(dirname(cachePath), { recursive: true });
    writeFileSync(cachePath, `${JSON.stringify(cache)}\n`);
  }
  return measured;
}

/**
 * The platform a demo recording says it was made on: `platform.kind` of the transcript beside
 * it, else the cast header's title ("recorded on the stand-in platform"). Undefined when neither says.
 */
export function readRecordedPlatform(root: string, path: string): 'stand-in' | 'platform' | undefined {
  const base = path.replace(/\.(cast|transcript\.json|junit\.xml|summary\.md|timeline\.json)$/, '');
  try {
    const transcript = JSON.parse(readFileSync(join(root, `${base}.transcript.json`), 'utf8')) as {
      platform?: { kind?: string };
    };
    if (transcript.platform?.kind === 'stand-in' || transcript.platform?.kind === 'platform')
      return transcript.platform.kind;
  } catch {
    // fall back to the cast header
  }
  try {
    const header = JSON.parse(readFileSync(join(root, `${base}.cast`), 'utf8').split('\n')[0]!) as { title?: string };
    if (/stand-in/i.test(header.title ?? '')) return 'stand-in';
  } catch {
    // no readable cast either
  }
  return undefined;
}
