// The one table of evidence: each source names its kind, the command that produces it (null: files only) and how to read it.
import { readContent, type ContentFile } from '../../core/content-files.ts';
import type { Issue } from '../../core/issue.ts';
import type { Capture } from './lib/capture.ts';
import type { DoctestReport } from '../../core/schemas/doctest-report.ts';
import { readDoctestEvidence } from './lib/doctest-evidence.ts';
import { parseIssueLines } from './lib/issue-lines.ts';
import { readDemoRun, readManifestEvidence, type DemoRun, type ManifestEvidence } from './lib/recorded-outputs.ts';
import type { EvidenceCommand } from './lib/run-evidence-command.ts';

/** The build checks' JSON report. */
export interface ChecksEvidence {
  issues: Issue[];
  notes: string[];
}

/** A generator's `--check`: exit 0 when every output is present and fresh. */
export interface GeneratorCheck {
  ok: boolean;
  issues: Issue[];
  output: string;
}

/** What each source yields, by kind. */
export interface EvidenceValues {
  checks: ChecksEvidence;
  doctest: DoctestReport;
  tts: GeneratorCheck;
  assets: GeneratorCheck;
  video: GeneratorCheck;
  demo: GeneratorCheck;
  manifest: ManifestEvidence;
  content: ContentFile[];
  'demo-run': DemoRun;
}
export type SourceKind = keyof EvidenceValues;

/** Read-only inputs of a parse: the checkout, the run's capture (for commands) and what was read before. */
export interface ParseContext {
  root: string;
  capture: Capture | undefined;
  earlier: Partial<EvidenceValues>;
}

/** Raised by a parse when the evidence cannot be trusted; becomes an `unverified` blocker. */
export class UnverifiableError extends Error {}

/** One source of evidence. */
export interface EvidenceSource<K extends SourceKind = SourceKind> {
  kind: K;
  command(options: { offline: boolean }): EvidenceCommand | null;
  parse(context: ParseContext): Promise<EvidenceValues[K]> | EvidenceValues[K];
}

function generatorCheck(kind: 'tts' | 'assets' | 'video' | 'demo'): EvidenceSource<typeof kind> {
  return {
    kind,
    command: () => ({ npmScript: kind, args: ['--check'] }),
    parse({ capture }) {
      const run = capture!;
      if (run.exitCode === 2)
        throw new UnverifiableError(`\`${run.command}\` is not supported yet (usage error, exit 2)`);
      if (run.exitCode !== 0 && run.exitCode !== 1)
        throw new UnverifiableError(`\`${run.command}\` ended with exit ${run.exitCode}`);
      const output = `${run.stdout}\n${run.stderr}`;
      return { ok: run.exitCode === 0, issues: parseIssueLines(output), output: output.trim() };
    },
  };
}

/** Run in this order, once each. */
export const EVIDENCE_SOURCES: ReadonlyArray<{ [K in SourceKind]: EvidenceSource<K> }[SourceKind]> = [
  {
    kind: 'checks',
    command: ({ offline }) => ({
      node: 'scripts/build-checks/cli.ts',
      args: ['build', '--format', 'json', ...(offline ? [] : ['--external'])],
    }),
    parse({ capture }) {
      try {
        const report = JSON.parse(capture!.stdout) as { issues?: Issue[]; notes?: string[] };
        if (!Array.isArray(report.issues)) throw new Error('no issues array');
        return { issues: report.issues, notes: report.notes ?? [] };
      } catch (error) {
        const tail = capture!.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
        throw new UnverifiableError(
          `\`${capture!.command}\` printed no JSON report (${(error as Error).message})${tail ? `: ${tail}` : ''}`,
        );
      }
    },
  },
  {
    kind: 'doctest',
    command: () => ({ npmScript: 'doctest', args: [] }),
    async parse({ root }) {
      const read = await readDoctestEvidence(root);
      if ('problem' in read) throw new UnverifiableError(`${read.problem} after \`npm run doctest\``);
      return read.report;
    },
  },
  generatorCheck('tts'),
  generatorCheck('assets'),
  generatorCheck('video'),
  generatorCheck('demo'),
  { kind: 'manifest', command: () => null, parse: ({ root }) => readManifestEvidence(root) },
  { kind: 'content', command: () => null, parse: ({ root }) => readContent(root) },
  {
    kind: 'demo-run',
    command: () => null,
    async parse({ root, earlier }) {
      return readDemoRun(root, earlier.manifest ?? (await readManifestEvidence(root)));
    },
  },
];
