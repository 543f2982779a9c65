// Step 4: what the evidence proves for each checklist item a command can tick, with when and on which commit.
import type { EvidenceItem, ReleaseBlocker, ReleaseEvidence } from '../../../core/schemas/release-report.ts';
import type { GatheredEvidence, SourceOutcome } from './gather-evidence.ts';
import type { LocatedProbe } from './probe-live-site.ts';

interface ProofInputs {
  evidence: GatheredEvidence;
  blockers: readonly ReleaseBlocker[];
  generatedAt: string;
  site?: LocatedProbe[];
}

function count(blockers: readonly ReleaseBlocker[], kinds: readonly string[]): number {
  return blockers.filter((blocker) => kinds.includes(blocker.kind)).length;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One evidence entry per provable item; a failed or missing source proves nothing (ok: false). */
export function proveChecklist({ evidence, blockers, generatedAt, site }: ProofInputs): ReleaseEvidence[] {
  const outcome = (kind: string) => evidence.outcomes.find((entry) => entry.kind === kind);
  const stamp = (source?: SourceOutcome) => ({
    at: source?.at ?? generatedAt,
    commit: source?.commit ?? evidence.commit,
  });
  const prove = (item: EvidenceItem, ok: boolean, detail: string, source?: SourceOutcome): ReleaseEvidence => ({
    item,
    ok,
    ...stamp(source),
    detail,
  });
  const checks = outcome('checks');
  const checkErrors = count(blockers, ['channel-limit', 'fact', 'claim', 'external-link', 'check-error']);
  const checkWarnings = evidence.values.checks?.issues.filter((issue) => issue.severity === 'warning').length ?? 0;
  const drafts = count(blockers, ['draft-audio']);
  const generators = ['tts', 'assets', 'video', 'demo'].map(outcome);
  const stale = count(blockers, ['stale-output']);
  const unchecked = generators
    .filter((source) => !source || source.unverified)
    .map((source) => source?.command ?? 'a generator --check');
  const demo = evidence.values['demo-run'];
  const demoBlocks = count(blockers, ['demo-platform', 'demo-failed']);
  const docs = count(blockers, ['doc-unverified', 'doc-failed']);
  const siteItem = (item: EvidenceItem): ReleaseEvidence => {
    if (!site) return prove(item, false, 'not checked: run npm run release -- --site <url> after deploy');
    const mine = site.filter((probe) => probe.item === item);
    const bad = mine.filter((probe) => !probe.ok);
    return prove(
      item,
      bad.length === 0 && mine.length > 0,
      bad.length
        ? `${bad.length} of ${mine.length} URLs failed: ${bad.map((probe) => `${probe.path} ${probe.problem}`).join('; ')}`
        : `${plural(mine.length, 'URL')} answered 200 with the right content type`,
    );
  };
  return [
    checks?.unverified
      ? prove('checks-pass', false, checks.unverified, checks)
      : prove(
          'checks-pass',
          checkErrors === 0,
          `source and output checks of both audiences: ${plural(checkErrors, 'error')}, ${plural(checkWarnings, 'warning')}`,
          checks,
        ),
    prove(
      'no-placeholders',
      count(blockers, ['placeholder']) === 0,
      `${plural(count(blockers, ['placeholder']), 'open placeholder')} across content/`,
      outcome('content'),
    ),
    prove(
      'no-draft-audio',
      drafts === 0,
      `${plural(drafts, 'draft audio file')} (espeak) in the manifest`,
      outcome('manifest'),
    ),
    prove(
      'outputs-current',
      stale === 0 && unchecked.length === 0,
      `${plural(stale, 'stale or missing output')}${unchecked.length ? `; not verified: ${unchecked.join(', ')}` : '; every generator --check ran'}`,
      generators[0],
    ),
    prove(
      'demo-real-platform',
      demo !== undefined && demoBlocks === 0,
      demo?.recorded
        ? `last run ${demo.at ?? ''} on ${demo.provider ?? 'an unknown platform'}: ${demo.passed ? 'passed' : `${demo.failures} failed step(s)`}`
        : 'no demo recording',
      outcome('demo-run'),
    ),
    outcome('doctest')?.unverified
      ? prove('docs-verified', false, outcome('doctest')!.unverified!, outcome('doctest'))
      : prove(
          'docs-verified',
          docs === 0,
          `${plural(docs, 'doc block')} failed or not verified on a real platform`,
          outcome('doctest'),
        ),
    siteItem('site-pages'),
    siteItem('site-files'),
  ];
}
