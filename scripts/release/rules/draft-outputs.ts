// Draft outputs (espeak audio, stand-in recordings, films and captures) from the manifest, and stale or missing generated files.
import type { ManifestEntry } from '../../../core/manifest.ts';
import { findingAt, type BlockerKindId, type Finding } from '../lib/blocker-kinds.ts';
import type { RuleContext } from './command-outcomes.ts';

function draftKind(path: string, entry: ManifestEntry): BlockerKindId {
  if (path.startsWith('marketing/demo/') || path.startsWith('marketing/video/')) return 'draft-recording';
  if (entry.generator === 'tts' || /\.(mp3|ogg|wav|m4a|vtt)$/.test(path)) return 'draft-audio';
  return 'draft-capture';
}

function draftFix(kind: BlockerKindId, entry: ManifestEntry): string {
  if (kind === 'draft-audio')
    return `${entry.command}${entry.command.includes(' -- ') ? '' : ' --'} --strict (with network access to Edge)`;
  return `PLATFORM_URL=<platform> ADMIN_TOKEN=<token> ${entry.command}`;
}

/** Every manifest entry marked `draft`, at its line in marketing/manifest.json. */
export function findDraftOutputs({ evidence }: RuleContext): Finding[] {
  const manifest = evidence.values.manifest;
  if (!manifest) return [];
  return Object.entries(manifest.manifest.entries)
    .filter(([, entry]) => entry.draft)
    .map(([path, entry]) => {
      const kind = draftKind(path, entry);
      const by = entry.provider ?? entry.generator;
      const what =
        kind === 'draft-audio'
          ? `${path.endsWith('.vtt') ? 'draft captions' : 'draft audio'} (made by ${by})`
          : `a draft ${kind === 'draft-recording' ? 'recording' : 'capture'} made on the ${by}`;
      return {
        kind,
        file: 'marketing/manifest.json',
        ...manifest.locate(path),
        message: `${path} is ${what}, not the final deliverable`,
        fix: draftFix(kind, entry),
      };
    });
}

/** Each generator `--check` that failed: its own issue lines, or one finding at the command. */
export function findStaleOutputs({ evidence }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const kind of ['tts', 'assets', 'video', 'demo'] as const) {
    const check = evidence.values[kind];
    const command = evidence.outcomes.find((outcome) => outcome.kind === kind)?.command ?? `npm run ${kind} -- --check`;
    if (!check || check.ok) continue;
    const errors = check.issues.filter((issue) => issue.severity === 'error');
    for (const issue of errors)
      findings.push({
        kind: 'stale-output',
        file: issue.file,
        line: issue.line,
        column: issue.column,
        message: `[${issue.rule}] ${issue.message}`,
        fix: issue.hint ?? `npm run ${kind}`,
      });
    if (errors.length === 0)
      findings.push(
        findingAt(
          'stale-output',
          command,
          `${command} failed: ${check.output.split('\n')[0] || 'no output'}`,
          `npm run ${kind}`,
        ),
      );
  }
  return findings;
}
