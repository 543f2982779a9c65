// `npm run video`: the narrated walkthrough, the launch video, the canvas shot and the registration GIF, from the demo recording.
import { runCommand } from '../lib/cli/run-command.ts';
import { envIssue } from '../lib/cli/usage-issue.ts';
import { redact } from '../lib/redact.ts';
import { runVideo, type VideoOptions } from './steps/run-video.ts';

const USAGE = `usage: npm run video -- [--check] [--force] [--only <name>]… [--no-wait]

Renders from the demo recording (marketing/demo/) and the voice-overs (marketing/audio/):
  marketing/video/phase30-walkthrough.{mp4,vtt,timeline.json} + -poster.png   (the live storyboard)
  marketing/video/phase30-launch-video.{mp4,vtt,timeline.json} + -poster.png  (content/video/phase30-launch-video.mdx)
  marketing/assets/phase30-canvas-remote-badge.png                             (the canvas view, or CANVAS_URL)
  marketing/assets/phase30-registration-flow.gif

  --check        render nothing; exit 1 if an output is missing or stale
  --force        render everything again, cached or not
  --only <name>  one output (repeatable): walkthrough, launch-video, canvas-remote-badge, registration-flow,
                 films, captures, or an output path
  --no-wait      fail at once if another command holds the checkout lock

env: CANVAS_URL (capture the real canvas instead of the launch kit's view), CANVAS_SESSION_COOKIE (name=value)
     or CANVAS_TOKEN (bearer) for its auth; PUPPETEER_EXECUTABLE_PATH / CHROME_PATH for the browser`;

await runCommand<VideoOptions>({
  name: 'video',
  usage: USAGE,
  options: {
    check: { type: 'boolean' },
    force: { type: 'boolean' },
    only: { type: 'string', multiple: true },
    'no-wait': { type: 'boolean' },
  },
  parse({ values, env }) {
    let canvas: VideoOptions['canvas'];
    if (env.CANVAS_URL) {
      try {
        const url = new URL(env.CANVAS_URL);
        if (!/^https?:$/.test(url.protocol)) throw new Error('not http(s)');
        canvas = {
          url: url.toString(),
          cookie: env.CANVAS_SESSION_COOKIE || undefined,
          token: env.CANVAS_TOKEN || undefined,
        };
      } catch {
        return {
          issues: [
            envIssue(
              'CANVAS_URL',
              `is not an http(s) URL: "${redact(env.CANVAS_URL, [])}"`,
              'e.g. CANVAS_URL=https://acme.example.com/',
            ),
          ],
        };
      }
    }
    return {
      options: {
        root: process.cwd(),
        check: values.check === true,
        force: values.force === true,
        only: (values.only as string[] | undefined) ?? [],
        noWait: values['no-wait'] === true,
        canvas,
        env,
      },
    };
  },
  async run(options, { signal, stdout }) {
    const started = performance.now();
    const report = await runVideo(options, { signal, log: (line) => stdout.write(`${line}\n`) });
    if (signal.aborted) return { issues: report.issues };
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const parts = [`${report.rendered.length} rendered`, `${report.upToDate.length} up to date`];
    if (report.frames > 0) parts.push(`${report.frames} frames`);
    stdout.write(`video: ${parts.join(', ')} in ${seconds} s\n`);
    return { issues: report.issues };
  },
});
