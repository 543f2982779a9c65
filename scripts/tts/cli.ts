// npm run tts: reads argv, runs the voice-over generator and prints its progress and summary.
import { parseArgs } from 'node:util';
import { formatIssue, sortIssues, summarizeIssues } from '../../core/issue.ts';
import { redact } from '../lib/redact.ts';
import { generateVoiceovers, type ProviderChoice } from './generate.ts';
import { formatFallbackBanner, formatRetryLine, formatScriptLine, formatSummary } from './report.ts';
import { TOOL_INSTALL_HINT, ToolMissingError } from './run-tool.ts';
import { DEFAULT_EDGE_CONCURRENCY } from './synthesize.ts';

const USAGE = `usage: npm run tts -- [options]

Voice-overs from content/voiceovers/*.md: MP3 + WebVTT at each script's output path.

  --provider auto|edge|espeak  auto (default): Edge read-aloud, espeak-ng draft if Edge is down
  --strict                     release mode: Edge only, drafts are redone, off-target durations fail
  --force                      synthesise even when the cache is current
  --only <id>                  only this script (voiceovers/<name> or <name>); repeatable
  --check                      synthesise nothing; exit 1 if any output is missing or stale
  --concurrency <n>            Edge requests in flight (default ${DEFAULT_EDGE_CONCURRENCY})
  -h, --help

environment: EDGE_TTS_WSS_URL=ws(s)://host:port/path  send Edge requests there (tests, proxies)`;

const PROVIDERS: readonly ProviderChoice[] = ['auto', 'edge', 'espeak'];

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        provider: { type: 'string', default: 'auto' },
        strict: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true, default: [] },
        check: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`tts: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const provider = values.provider as ProviderChoice;
  if (!PROVIDERS.includes(provider)) {
    console.error(`tts: --provider must be one of ${PROVIDERS.join(', ')}, got "${values.provider}"`);
    return 2;
  }
  if (values.strict && provider === 'espeak') {
    console.error('tts: --strict needs Edge; it cannot be combined with --provider espeak');
    return 2;
  }
  const concurrency = values.concurrency === undefined ? DEFAULT_EDGE_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    console.error(`tts: --concurrency must be a positive integer, got "${values.concurrency}"`);
    return 2;
  }
  const endpoint = process.env.EDGE_TTS_WSS_URL?.trim() || undefined;
  const only = values.only.flatMap((id) => id.split(',')).filter(Boolean);

  const report = await generateVoiceovers({
    root: process.cwd(), provider, strict: values.strict, force: values.force, only, check: values.check,
    edge: { endpoint, concurrency },
    onEvent: (event) => {
      if (event.type === 'start') {
        const mode = values.strict ? 'strict (Edge only)' : provider === 'auto' ? 'auto (Edge, espeak-ng fallback)' : provider;
        console.log(`tts: ${event.scripts} voice-over ${event.scripts === 1 ? 'script' : 'scripts'}; provider ${mode}; Edge at ${redact(event.target)}${values.check ? '; check only' : ''}`);
      } else if (event.type === 'fallback') console.error(formatFallbackBanner(redact(event.reason)));
      else if (event.type === 'retry') console.error(formatRetryLine(event));
      else console.log(formatScriptLine(event.result));
    },
  });

  const issues = sortIssues(report.issues);
  if (issues.length) {
    console.error('');
    for (const issue of issues) console.error(formatIssue({ ...issue, message: redact(issue.message) }));
    console.error(summarizeIssues(issues));
  }
  console.log(`\n${formatSummary(report)}`);
  const drafts = report.results.filter((result) => result.draft).length;
  if (drafts && !values.strict) console.error(`tts: ${drafts} ${drafts === 1 ? 'file is an espeak-ng draft' : 'files are espeak-ng drafts'}; run \`npm run tts -- --strict\` online before release`);
  const failed = report.results.some((result) => result.status === 'failed' || result.status === 'stale');
  return failed || issues.some((issue) => issue.severity === 'error') ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const hint = error instanceof ToolMissingError ? ` — ${TOOL_INSTALL_HINT}` : '';
  console.error(`tts: ${error instanceof Error ? error.message : String(error)}${hint}`);
  process.exitCode = 1;
}
