// The recording's transcript JSON: every step and HTTP exchange, the agent's included.
import { redactDeep } from '../../lib/redact-deep.ts';
import type { RunRecord } from '../../../core/demo-run-record.ts';

/** Version of the transcript JSON layout. */
export const TRANSCRIPT_VERSION = 1;

/** What the platform line of every report says about where the run happened. */
export function describePlatform(record: RunRecord): string {
  if (record.platform.kind === 'stand-in') {
    return `${record.platform.embedded ? 'the embedded' : 'a'} stand-in platform (contract-faithful, not a Molecule deployment): a draft recording`;
  }
  return `the platform at ${record.platform.url}`;
}

/** The transcript file: every step (hidden ones flagged) with every HTTP exchange, redacted. */
export function renderTranscript(record: RunRecord, secrets: Iterable<string>): string {
  const transcript = {
    version: TRANSCRIPT_VERSION,
    generator: 'npm run demo',
    storyboard: record.storyboard,
    platform: { ...record.platform, note: describePlatform(record) },
    startedAt: record.startedAt,
    durationMs: record.durationMs,
    status: record.status,
    options: record.options,
    steps: record.steps,
  };
  return `${JSON.stringify(redactDeep(transcript, secrets), null, 2)}\n`;
}
