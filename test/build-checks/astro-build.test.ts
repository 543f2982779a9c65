// Tests of the astro build stage: errors located where Astro says.
import { expect, test } from 'vitest';
import { parseAstroErrors } from '../../scripts/build-checks/lib/astro-errors.ts';

test('locates an Astro error at the file, line and column Astro names', () => {
  const output = [
    '09:12:01 [build] output: "static"',
    '09:12:03 [ERROR] [MDXError] Could not parse expression with acorn',
    '  Location:',
    '    /repo/content/blog/remote-workspaces-ga.mdx:42:7',
    '  Stack trace:',
  ].join('\n');
  expect(parseAstroErrors(output, '/repo', 'public')).toEqual([
    {
      file: 'content/blog/remote-workspaces-ga.mdx',
      line: 42,
      column: 7,
      rule: 'astro',
      severity: 'error',
      message: 'astro build (public): Could not parse expression with acorn',
    },
  ]);
});

test('falls back to the config file when Astro names no location', () => {
  const [issue] = parseAstroErrors('[ERROR] [config] SITE_AUDIENCE is wrong', '/repo', 'internal');
  expect(issue).toMatchObject({
    file: 'astro.config.mjs',
    line: 1,
    column: 1,
    message: 'astro build (internal): SITE_AUDIENCE is wrong',
  });
});
