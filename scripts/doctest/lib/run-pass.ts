// Runs one pass of one page: a fresh platform, proxy and bash session, the blocks in order, then everything it started is stopped and deleted.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageSpec } from '../steps/collect-pages.ts';
import { judgeBlock, type BlockProblem } from './block-verdict.ts';
import type { BlockResult } from './block-result.ts';
import { deleteWorkspaces, openPlatform, type PlatformChoice } from './platform-target.ts';
import type { PageBlock } from './parse-page.ts';
import { belongsToPass, linesForPass, readerText, runnableText } from './prepare-script.ts';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.ts';
import { redactText, showExcerpt } from './redact-output.ts';
import { startShellSession, type ShellSession } from './shell-session.ts';
import { findFreePort, waitForPort } from './wait-port.ts';
import { captureBlock, runBlockScript } from './block-steps.ts';

/** What every pass of the run shares. */
export interface PassContext {
  platform: PlatformChoice;
  orgId: string | undefined;
  sdkAvailable: boolean;
  requestsAvailable: boolean;
  signal: AbortSignal;
  /** Marks the session's processes so a test can prove none is left. */
  runId: string;
  onPlatform?: (kind: 'stand-in' | 'platform', url: string) => void;
}

function baseEnv(vars: Record<string, string>): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'PYENV_ROOT', 'PYENV_VERSION', 'VIRTUAL_ENV', 'PYTHONPATH'];
  const env = Object.fromEntries(keep.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]));
  return { ...env, TERM: 'dumb', PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', ...vars };
}

function skipReason(block: PageBlock, ctx: PassContext, failedAt: number | undefined): string | undefined {
  if (block.annotation.norun) return block.annotation.norun;
  if (block.needsSdk && !ctx.sdkAvailable) return 'needs molecule-ai-sdk';
  if (block.needsRequests && !ctx.requestsAvailable) return 'needs the requests package (pip install requests)';
  if (failedAt !== undefined) return `an earlier block failed (line ${failedAt})`;
  return undefined;
}

/** Runs `spec` for `pass`; always stops the session, deletes the workspaces, closes proxy and platform, removes the work folder. */
export async function runPass(
  spec: PageSpec,
  pass: string | null,
  ctx: PassContext,
): Promise<{ blocks: BlockResult[]; problems: BlockProblem[] }> {
  const own = spec.blocks.filter((block) => belongsToPass(block, pass));
  // Nothing to run (every block norun or needing what is missing): no platform, no session.
  if (own.every((block) => skipReason(block, ctx, undefined))) {
    const blocks = own.map((block): BlockResult => ({
      line: block.line,
      pass,
      status: 'not-run',
      reason: skipReason(block, ctx, undefined),
      command: readerText(block, linesForPass(block, pass)),
      durationMs: 0,
      problems: [],
      calls: [],
    }));
    return { blocks, problems: [] };
  }
  const workDir = await mkdtemp(join(tmpdir(), 'doctest-'));
  await mkdir(join(workDir, '.doctest'));
  const target = await openPlatform(ctx.platform);
  ctx.onPlatform?.(target.kind, target.url);
  let proxy: RecordingProxy | undefined;
  let session: ShellSession | undefined;
  const results: BlockResult[] = [];
  const problems: BlockProblem[] = [];
  const background: Array<{ block: PageBlock; result: BlockResult; script: string }> = [];
  try {
    proxy = await startRecordingProxy(target.url, { orgId: ctx.orgId });
    const secrets = proxy.secrets;
    if (target.adminToken) secrets.add(target.adminToken);
    const show = (text: string) => showExcerpt(text, secrets);
    const vars = {
      DOCTEST_AGENT_PORT: String(await findFreePort()),
      DOCTEST_RUN_ID: ctx.runId,
      DOCTEST_WORKDIR: workDir,
    };
    session = await startShellSession(
      workDir,
      baseEnv({ ...vars, PLATFORM_URL: proxy.urlFor(0), ADMIN_TOKEN: target.adminToken ?? '' }),
    );
    let failedAt: number | undefined;
    for (const block of own) {
      const lines = linesForPass(block, pass);
      const result: BlockResult = {
        line: block.line,
        pass,
        status: 'passed',
        command: redactText(readerText(block, lines), secrets),
        durationMs: 0,
        problems: [],
        calls: [],
      };
      results.push(result);
      const reason = ctx.signal.aborted ? 'interrupted' : skipReason(block, ctx, failedAt);
      if (reason) {
        Object.assign(result, { status: 'not-run', reason });
        continue;
      }
      const started = Date.now();
      const seen = proxy.exchanges.length;
      const text = runnableText(block, lines, spec.map, vars);
      const step = await runBlockScript({
        block,
        text,
        session,
        workDir,
        url: proxy.urlFor(block.line),
        show,
        signal: ctx.signal,
      });
      if (ctx.signal.aborted) {
        Object.assign(result, { status: 'not-run', reason: 'interrupted' });
        break;
      }
      if (step.script && block.annotation.background) background.push({ block, result, script: step.script });
      result.problems.push(...step.problems);
      if (step.problems.length === 0 && block.annotation.wait) {
        const { port, timeoutMs } = block.annotation.wait;
        const number = Number(
          port.startsWith('$') ? (vars as Record<string, string>)[port.replace(/^\$\{?|\}$/g, '')] : port,
        );
        if (!(await waitForPort(number, timeoutMs, ctx.signal))) {
          const state = step.script ? await session.backgroundState(step.script) : undefined;
          result.problems.push({
            line: block.line,
            severity: 'error',
            rule: 'doctest',
            message: `timed out after ${timeoutMs / 1000} s waiting for port ${number} to accept connections (wait: ${block.annotation.wait.port}) — last output: ${show(state?.output ?? step.output) || '(none)'}`,
          });
        }
      }
      const exchanges = proxy.exchanges.slice(seen).filter((exchange) => exchange.block === block.line);
      if (step.outcome && !block.annotation.background)
        result.problems.push(
          ...(await judgeBlock({
            line: block.line,
            code: block.code,
            lines,
            expect: block.annotation.expect,
            outcome: step.outcome,
            exchanges,
            show,
          })),
        );
      if (!result.problems.some((problem) => problem.severity === 'error'))
        result.problems.push(...(await captureBlock(block, exchanges, session, show)));
      result.durationMs = Date.now() - started;
      result.calls = exchanges.map(
        (exchange) => `${exchange.method} ${exchange.path} → ${exchange.status ?? 'no answer'}`,
      );
      if (result.problems.some((problem) => problem.severity === 'error')) {
        result.status = 'failed';
        failedAt ??= block.line;
      }
    }
    for (const { block, result, script } of background) {
      const state = await session.backgroundState(script);
      // A call still in flight was cut off by the page's end, not refused by the platform.
      const exchanges = proxy.exchanges.filter((exchange) => exchange.block === block.line && exchange.done);
      const outcome = {
        exitCode: state.exitCode ?? 0,
        timedOut: false,
        shellEnded: false,
        failures: state.failures,
        output: state.output,
      };
      result.problems.push(
        ...(await judgeBlock({
          line: block.line,
          code: block.code,
          lines: linesForPass(block, pass),
          expect: block.annotation.expect,
          outcome,
          exchanges,
          show,
        })),
      );
      result.calls = [
        ...new Set(
          exchanges.map((exchange) => `${exchange.method} ${exchange.path} → ${exchange.status ?? 'no answer'}`),
        ),
      ];
      if (result.problems.some((problem) => problem.severity === 'error')) result.status = 'failed';
    }
  } finally {
    await session?.stop();
    const left = proxy ? await deleteWorkspaces(target, proxy.created, ctx.orgId) : [];
    if (left.length)
      problems.push({
        line: 1,
        severity: 'error',
        rule: 'doctest',
        message: `could not delete workspace(s) ${left.join(', ')} the page created`,
      });
    await proxy?.close();
    await target.close();
    await rm(workDir, { recursive: true, force: true });
  }
  return { blocks: results, problems };
}
