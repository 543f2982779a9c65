// Step 1: runs (or, with --evidence, re-reads) every evidence source once, in table order, and parses what it left.
import { join } from 'node:path';
import { EVIDENCE_SOURCES, UnverifiableError, type EvidenceValues, type SourceKind } from '../evidence-sources.ts';
import { CAPTURE_DIR, loadCapture, saveCapture, type Capture } from '../lib/capture.ts';
import {
  describeCommand,
  readCommit,
  readNpmScripts,
  runEvidenceCommand,
  type EvidenceCommand,
} from '../lib/run-evidence-command.ts';

/** How one source went: its command, when, on which commit, and why it proves nothing (if so). */
export interface SourceOutcome {
  kind: SourceKind;
  command: string | null;
  at: string;
  commit: string | null;
  unverified?: string;
}

/** Everything the blocker rules and the checklist proofs read. */
export interface GatheredEvidence {
  root: string;
  commit: string | null;
  values: Partial<EvidenceValues>;
  outcomes: SourceOutcome[];
  notes: string[];
}

export interface GatherOptions {
  root: string;
  /** Re-read captures from this folder instead of running the commands. */
  evidenceDir?: string;
  offline: boolean;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  progress(line: string): void;
}

async function captureFor(
  kind: SourceKind,
  command: EvidenceCommand | null,
  options: GatherOptions,
  commit: string | null,
  scripts: Set<string>,
): Promise<Capture | string | undefined> {
  if (!command) return undefined;
  if (options.evidenceDir) {
    return (
      (await loadCapture(options.evidenceDir, kind)) ??
      `no recorded run of \`${describeCommand(command)}\` in ${options.evidenceDir}`
    );
  }
  options.progress(`release: ${describeCommand(command)}`);
  const capture = await runEvidenceCommand(command, {
    root: options.root,
    kind,
    commit,
    scripts,
    env: options.env,
    signal: options.signal,
  });
  await saveCapture(join(options.root, CAPTURE_DIR), capture);
  return capture;
}

/** Gathers every source; a source that cannot run or be read is recorded as unverified, never thrown. */
export async function gatherEvidence(options: GatherOptions): Promise<GatheredEvidence> {
  const commit = await readCommit(options.root);
  const scripts = await readNpmScripts(options.root);
  const values: Partial<EvidenceValues> = {};
  const outcomes: SourceOutcome[] = [];
  const notes: string[] = [];
  if (options.evidenceDir) notes.push(`evidence re-read from ${options.evidenceDir}; no command was run`);
  for (const source of EVIDENCE_SOURCES) {
    if (options.signal.aborted) break;
    const command = source.command({ offline: options.offline });
    const capture = await captureFor(source.kind, command, options, commit, scripts);
    const ran = typeof capture === 'object' ? capture : undefined;
    // A re-read capture keeps the command line it really ran with (e.g. without --external).
    const base = {
      kind: source.kind,
      command: ran?.command ?? (command ? describeCommand(command) : null),
      at: ran?.at ?? new Date().toISOString(),
      commit: ran?.commit ?? commit,
    };
    if (typeof capture === 'string') {
      outcomes.push({ ...base, unverified: capture });
      continue;
    }
    if (ran && !ran.available && command && 'npmScript' in command) {
      outcomes.push({ ...base, unverified: `cannot verify: \`npm run ${command.npmScript}\` is not available` });
      continue;
    }
    try {
      (values as Record<string, unknown>)[source.kind] = await source.parse({
        root: options.root,
        capture,
        earlier: values,
      });
      outcomes.push(base);
    } catch (error) {
      // UnverifiableError says why; anything else (a malformed manifest, unreadable content) is shown as it came.
      outcomes.push({
        ...base,
        unverified: error instanceof UnverifiableError ? error.message : `${source.kind}: ${(error as Error).message}`,
      });
    }
  }
  // Said whenever the build ran without --external: on this run (--offline) or on the run whose captures were re-read.
  const checks = outcomes.find((outcome) => outcome.kind === 'checks');
  if (checks?.command && !checks.command.includes('--external'))
    notes.unshift('external links not checked (--offline)');
  if (values.checks) notes.push(...values.checks.notes.map((note) => `build checks: ${note}`));
  const reported = outcomes.find((outcome) => outcome.command)?.commit;
  return { root: options.root, commit: options.evidenceDir ? (reported ?? commit) : commit, values, outcomes, notes };
}
