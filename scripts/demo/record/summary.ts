// The recording's Markdown summary: result, platform and step table.
import { redact } from '../../lib/redact.ts';
import { describePlatform } from './transcript.ts';
import type { RunRecord } from '../../../core/demo-run-record.ts';

const ICONS = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' } as const;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown summary (for CI job summaries and the launch room): result, platform, step table. */
export function renderSummary(record: RunRecord, suite: string, secrets: Iterable<string>): string {
  const visible = record.steps.filter((step) => !step.hidden);
  const passed = visible.filter((step) => step.status === 'passed').length;
  const hidden = record.steps.length - visible.length;
  const lines = [
    `# ${suite}: demo run ${record.status}`,
    '',
    `- **Result:** ${record.status} — ${passed} of ${visible.length} steps in ${(record.durationMs / 1000).toFixed(1)} s (${record.startedAt})`,
    `- **Platform:** ${describePlatform(record)}`,
    `- **Storyboard:** \`${record.storyboard.file}\``,
    `- **Mode:** ${record.options.fast ? '--fast intervals' : 'default intervals'}; workspace created ${record.options.createWithUrl ? 'with' : 'without'} the agent's URL`,
    '',
    '| # | Step | Moment | Result | HTTP | Time |',
    '|---|---|---|---|---|---|',
    ...visible.map((step, index) => {
      const calls = step.exchanges
        .map(
          (exchange) =>
            `${exchange.method} ${exchange.path.replace(/[0-9a-f-]{36}/g, ':id')} → ${exchange.status ?? exchange.error}`,
        )
        .join('<br>');
      return `| ${index + 1} | ${cell(`${step.kind}: ${step.title}`)} | ${cell(step.moment ?? '')} | ${ICONS[step.status]} | ${cell(calls)} | ${(step.durationMs / 1000).toFixed(2)} s |`;
    }),
    '',
    `${hidden} hidden setup/cleanup step(s) are in the transcript and JUnit, not in the recording.`,
  ];
  const failed = record.steps.find((step) => step.status === 'failed');
  if (failed?.error) {
    lines.push('', '## Failure', '', `**${failed.kind}:** ${failed.error.message}`);
    if (failed.error.hint) lines.push('', `Hint: ${failed.error.hint}`);
  }
  return `${redact(lines.join('\n'), secrets)}\n`;
}
