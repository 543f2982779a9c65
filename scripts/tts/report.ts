// How a tts run is printed: a line per script, retries, the fallback banner and the summary.
import type { GenerateEvent, GenerateReport, ScriptResult } from './run-types.ts';
import { formatPercent } from '../lib/duration-rule.ts';

const STATUS_LABEL: Record<ScriptResult['status'], string> = {
  cached: 'cached',
  new: 'new',
  stale: 'stale',
  failed: 'FAILED',
};

function describeDuration(result: ScriptResult): string {
  if (result.durationSeconds === undefined) return `target ${result.targetSeconds} s`;
  const miss = result.durationSeconds / result.targetSeconds - 1;
  return `${result.durationSeconds.toFixed(1)} s (target ${result.targetSeconds} s, ${formatPercent(miss)})`;
}

/** The progress line printed as each script finishes. */
export function formatScriptLine(result: ScriptResult): string {
  const provider = result.provider ?? '-';
  const chunks = `${result.chunks} ${result.chunks === 1 ? 'chunk' : 'chunks'}`;
  const tail = result.status === 'failed' ? `  ${result.error ?? ''}` : result.draft ? '  DRAFT' : '';
  return `  ${STATUS_LABEL[result.status].padEnd(6)}  ${result.id.padEnd(42)} ${provider.padEnd(6)} ${chunks.padEnd(9)} ${describeDuration(result)}${tail}`;
}

/** One line for a failed Edge try that will be retried. */
export function formatRetryLine(event: Extract<GenerateEvent, { type: 'retry' }>): string {
  const next = event.delayMs === undefined ? 'giving up' : `retrying in ${(event.delayMs / 1000).toFixed(1)} s`;
  return `  retry   ${event.id} chunk ${event.chunk + 1}, try ${event.attempt}: ${event.error}; ${next}`;
}

/** The loud banner printed once when a run falls back to espeak-ng. */
export function formatFallbackBanner(reason: string): string {
  const rule = '!'.repeat(78);
  return [
    rule,
    '!!! WARNING: EDGE READ-ALOUD IS UNAVAILABLE, FALLING BACK TO ESPEAK-NG',
    `!!! ${reason}`,
    '!!! The audio made in this run is a robotic DRAFT, recorded as draft: true in',
    '!!! marketing/manifest.json. The build warns about it and the checklist lists it.',
    '!!! Do not ship it: run `npm run tts -- --strict` with network access to replace it.',
    rule,
  ].join('\n');
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, index) => cell.padEnd(widths[index]!))
    .join('  ')
    .trimEnd();
}

/** Summary table of every script, then the totals line ("7 up to date" when nothing changed). */
export function formatSummary(report: GenerateReport): string {
  const header = ['script', 'provider', 'chunks', 'duration', 'target', 'Δ', 'loudness', 'status'];
  const rows = report.results.map((result) => [
    result.id,
    result.provider ?? '-',
    String(result.chunks),
    result.durationSeconds === undefined ? '-' : `${result.durationSeconds.toFixed(1)} s`,
    `${result.targetSeconds} s`,
    result.durationSeconds === undefined ? '-' : formatPercent(result.durationSeconds / result.targetSeconds - 1),
    result.loudness
      ? `${result.loudness.integratedLufs.toFixed(1)} LUFS / ${result.loudness.truePeakDbtp.toFixed(1)} dBTP`
      : '-',
    `${STATUS_LABEL[result.status]}${result.draft ? ' (draft)' : ''}`,
  ]);
  const widths = header.map((_cell, index) =>
    Math.max(header[index]!.length, ...rows.map((row) => row[index]!.length)),
  );
  const lines = [
    pad(header, widths),
    pad(
      widths.map((width) => '-'.repeat(width)),
      widths,
    ),
    ...rows.map((row) => pad(row, widths)),
  ];
  return `${lines.join('\n')}\n${formatTotals(report)}`;
}

/** `7 up to date` or `2 new, 5 up to date, 2 drafts (espeak-ng); 6 synthesis calls, 1 retry; 3.2 s`. */
export function formatTotals(report: GenerateReport): string {
  const count = (status: ScriptResult['status']) => report.results.filter((result) => result.status === status).length;
  const drafts = report.results.filter((result) => result.draft).length;
  const parts = [
    count('new') && `${count('new')} new`,
    count('cached') && `${count('cached')} up to date`,
    count('stale') && `${count('stale')} stale`,
    count('failed') && `${count('failed')} failed`,
  ].filter(Boolean);
  const head = parts.length ? parts.join(', ') : 'no scripts';
  const draftNote = drafts ? `, ${drafts} ${drafts === 1 ? 'draft' : 'drafts'} (espeak-ng)` : '';
  const calls = `${report.counters.synthesisCalls} synthesis ${report.counters.synthesisCalls === 1 ? 'call' : 'calls'}`;
  const retries = report.counters.retries
    ? `, ${report.counters.retries} ${report.counters.retries === 1 ? 'retry' : 'retries'}`
    : '';
  return `${head}${draftNote}; ${calls}${retries}; ${(report.elapsedMs / 1000).toFixed(1)} s`;
}
