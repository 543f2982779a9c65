// `npm run tts`: the only tts file that reads argv/env and prints; runs on the shared CLI harness under the checkout lock.
import { findRepoRoot } from '../lib/cli/repo-root.ts';
import { runLocked } from '../lib/cli/locked-run.ts';
import { runCommand } from '../lib/cli/run-command.ts';
import { envIssue, usageIssue } from '../lib/cli/usage-issue.ts';
import type { Issue } from '../../core/issue.ts';
import { redact } from '../lib/redact.ts';
import { generateVoiceovers } from './generate.ts';
import type { ProviderChoice } from './run-types.ts';
import { formatFallbackBanner, formatRetryLine, formatScriptLine, formatSummary } from './report.ts';
import { TOOL_INSTALL_HINT, ToolMissingError } from '../lib/run-tool.ts';
import { DEFAULT_EDGE_CONCURRENCY } from './synthesize.ts';

const USAGE = `usage: npm run tts -- [options]

Voice-overs from content/voiceovers/*.md: MP3 + WebVTT at each script's output path.

  --provider auto|edge|espeak  auto (default): Edge read-aloud, espeak-ng draft if Edge is down
                               (a draft never replaces final Edge audio in auto mode)
  --allow-draft                let an espeak-ng draft replace final audio (--provider espeak implies it)
  --strict                     release mode: Edge only, drafts are redone, off-target durations fail
  --force                      synthesise even when the cache is current
  --only <id>                  only this script (voiceovers/<name> or <name>); repeatable
  --check                      synthesise nothing; exit 1 if any output is missing or stale
  --concurrency <n>            Edge requests in flight (default ${DEFAULT_EDGE_CONCURRENCY})
  --no-wait                    fail at once if another run holds the checkout lock
  -h, --help

environment: EDGE_TTS_WSS_URL=ws(s)://host:port/path  send Edge requests there (tests, proxies)`;

const PROVIDERS: readonly ProviderChoice[] = ['auto', 'edge', 'espeak'];

interface TtsOptions {
  provider: ProviderChoice;
  strict: boolean;
  force: boolean;
  check: boolean;
  allowDraft: boolean;
  noWait: boolean;
  only: string[];
  concurrency: number;
  endpoint: string | undefined;
}

await runCommand<TtsOptions>({
  name: 'tts',
  usage: USAGE,
  options: {
    provider: { type: 'string', default: 'auto' },
    strict: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true, default: [] },
    check: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    'allow-draft': { type: 'boolean', default: false },
    'no-wait': { type: 'boolean', default: false },
  },
  parse({ values, env }) {
    const issues: Issue[] = [];
    const provider = values.provider as ProviderChoice;
    if (!PROVIDERS.includes(provider))
      issues.push(usageIssue('--provider', `must be one of ${PROVIDERS.join(', ')}, got "${values.provider}"`));
    if (values.strict && provider === 'espeak')
      issues.push(usageIssue('--strict', '--strict needs Edge; it cannot be combined with --provider espeak'));
    if (values.strict && values['allow-draft'])
      issues.push(usageIssue('--allow-draft', '--strict makes no drafts; it cannot be combined with --allow-draft'));
    const concurrency = values.concurrency === undefined ? DEFAULT_EDGE_CONCURRENCY : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      issues.push(usageIssue('--concurrency', `must be a positive integer, got "${values.concurrency}"`));
    const endpoint = env.EDGE_TTS_WSS_URL?.trim() || undefined;
    if (endpoint && !/^wss?:\/\/[^/\s]+/.test(endpoint))
      issues.push(envIssue('EDGE_TTS_WSS_URL', `must be a ws:// or wss:// URL, got "${redact(endpoint)}"`));
    if (issues.length) return { issues };
    const only = (values.only as string[]).flatMap((id) => id.split(',')).filter(Boolean);
    const options = {
      provider,
      strict: values.strict === true,
      force: values.force === true,
      check: values.check === true,
      noWait: values['no-wait'] === true,
      only,
      concurrency,
      endpoint,
    };
    // Asking for espeak by name is asking for drafts.
    return { options: { ...options, allowDraft: values['allow-draft'] === true || provider === 'espeak' } };
  },
  async run(options, { signal, stdout, stderr }) {
    const root = findRepoRoot(process.cwd());
    const say = (text: string) => stdout.write(`${text}\n`);
    const warn = (text: string) => stderr.write(`${text}\n`);
    const body = async (): Promise<Issue[]> => {
      try {
        const report = await generateVoiceovers({
          root,
          provider: options.provider,
          strict: options.strict,
          force: options.force,
          only: options.only,
          check: options.check,
          allowDraft: options.allowDraft,
          signal,
          edge: { endpoint: options.endpoint, concurrency: options.concurrency },
          onEvent: (event) => {
            if (event.type === 'start') {
              const mode = options.strict
                ? 'strict (Edge only)'
                : options.provider === 'auto'
                  ? 'auto (Edge, espeak-ng fallback)'
                  : options.provider;
              say(
                `tts: ${event.scripts} voice-over ${event.scripts === 1 ? 'script' : 'scripts'}; provider ${mode}; Edge at ${redact(event.target)}${options.check ? '; check only' : ''}`,
              );
            } else if (event.type === 'fallback') warn(formatFallbackBanner(redact(event.reason)));
            else if (event.type === 'retry') warn(formatRetryLine(event));
            else say(formatScriptLine(event.result));
          },
        });
        if (report.results.length) say(`\n${formatSummary(report)}`);
        const drafts = report.results.filter((result) => result.draft).length;
        if (drafts && !options.strict)
          warn(
            `tts: ${drafts} ${drafts === 1 ? 'file is an espeak-ng draft' : 'files are espeak-ng drafts'}; run \`npm run tts -- --strict\` online before release`,
          );
        return report.issues.map((issue) => ({ ...issue, message: redact(issue.message) }));
      } catch (error) {
        if (!(error instanceof ToolMissingError)) throw error;
        return [
          {
            file: 'tts',
            line: 0,
            column: 0,
            rule: 'tts',
            severity: 'error',
            message: error.message,
            hint: TOOL_INSTALL_HINT,
          },
        ];
      }
    };
    // --check writes nothing, so it needs no lock.
    const issues = options.check
      ? await body()
      : await runLocked(root, { command: 'npm run tts', noWait: options.noWait, signal, stderr }, body);
    return { issues };
  },
});
