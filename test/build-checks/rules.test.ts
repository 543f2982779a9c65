// Tests of every build-check rule on the passing and failing fixtures.
import { beforeAll, describe, expect, test } from 'vitest';
import type { CheckRun } from '../../scripts/build-checks/check.ts';
import { ALL_CHECKS } from '../../scripts/build-checks/all-checks.ts';
import { sortIssues } from '../../core/issue.ts';
import { checkFixture, describeIssues } from './check-fixture.ts';

let failing: CheckRun;
let passing: CheckRun;
beforeAll(async () => {
  failing = await checkFixture('checks-fail');
  passing = await checkFixture('checks-pass');
});

// Every row is one planted defect in test/fixtures/checks-fail/: rule, file, line, column, and
// a fragment of the message. test/fixtures/checks-pass/ is the same tree without the defects.
const PLANTED: Array<[rule: string, file: string, line: number, column: number, message: string]> = [
  // a video package whose film has not been rendered: its timecodes cannot be checked
  ['timecode', 'content/video/unrendered.mdx', 10, 1, 'has not been rendered, so its timecodes are unchecked'],
  // a misspelled frontmatter key is reported where the key is written
  ['schema', 'content/blog/misspelled.mdx', 8, 1, 'unknown key "tittle"'],
  // an unclosed JSX tag, where the MDX parser gives up
  ['mdx', 'content/guides/broken-jsx.mdx', 9, 11, 'expected a valid JSX tag'],
  // a Markdown image whose file is not under marketing/
  ['asset', 'content/guides/missing-image.mdx', 9, 22, 'missing file marketing/assets/nope.png'],
  // an HTML <img> whose file is not under public/
  ['asset', 'content/guides/missing-image.mdx', 11, 11, 'missing file public/img/missing-logo.png'],
  // a link to a post that does not exist
  ['link', 'content/guides/bad-link.mdx', 9, 5, 'no page at /blog/nope/'],
  // a public page linking into the launch room
  ['link', 'content/guides/bad-link.mdx', 9, 37, 'held back from the public site'],
  // an old, non-canonical host
  ['link', 'content/guides/bad-link.mdx', 11, 6, "docs.molecule.ai is not the site's host"],
  // bytes changed after the generator wrote them
  ['manifest', 'marketing/manifest.json', 26, 5, 'edited.svg was changed after assets:mermaid wrote it'],
  // a listed file that is gone
  ['manifest', 'marketing/manifest.json', 36, 5, 'listed file marketing/assets/gone.png is missing'],
  // the diagram's source changed since it was rendered: says which command regenerates it
  ['manifest', 'inputs/diagram.mmd', 1, 1, 'diagram.svg is stale'],
  // a hand-made file dropped into marketing/
  ['manifest', 'marketing/assets/hand-made.png', 1, 1, 'is not in marketing/manifest.json'],
  // one binary under two names
  ['manifest', 'marketing/manifest.json', 4, 5, 'has the same bytes as marketing/assets/diagram-copy.svg'],
  // a generated file nothing uses (warning)
  ['unused', 'marketing/assets/orphan.svg', 1, 1, 'not referenced by any content'],
  // fallback audio (warning)
  [
    'draft-asset',
    'marketing/manifest.json',
    56,
    5,
    'intro.mp3 is draft audio (made by espeak), not the final deliverable',
  ],
  // an X post over 280 weighted characters
  ['len', 'content/social/too-long.mdx', 12, 11, 'X post "x-long" is 288 weighted characters; the limit is 280'],
  // "the only" without a footnote
  ['claim', 'content/guides/claims.mdx', 9, 16, '"the only platform" needs a source'],
  // a footnote that cites nothing checkable
  ['claim', 'content/guides/claims.mdx', 11, 14, 'footnote [^bench] gives no link or repo path'],
  // a liveness figure the facts contradict
  ['fact', 'content/guides/wrong-facts.mdx', 9, 35, 'says 60 seconds but the facts say offline after 90 s'],
  // a route with the wrong method (the secrets values route is GET …/secrets/values)
  [
    'fact',
    'content/guides/wrong-facts.mdx',
    11,
    20,
    'route GET /workspaces/:id/secrets is not in content/facts.yaml routes',
  ],
  // the plugin download mounted at the wrong place
  ['fact', 'content/guides/wrong-facts.mdx', 11, 67, 'route /plugins/:name/download'],
  // a token format the facts contradict
  ['fact', 'content/guides/wrong-facts.mdx', 13, 19, 'tokens are 43 base64url characters, not hex'],
  // a figure that holds only with the Docker provisioner, stated without that condition
  ['fact', 'content/guides/wrong-facts.mdx', 17, 40, '"90 s" holds only with the Docker provisioner (contract §4)'],
  // a bare <Fact> of that figure in a sentence that does not state the condition either
  ['fact', 'content/guides/wrong-facts.mdx', 19, 34, 'holds only with the Docker provisioner'],
  // a conditional <Fact> prints its own unit, so "seconds" after it doubles
  [
    'fact',
    'content/guides/wrong-facts.mdx',
    21,
    23,
    'prints its unit and condition ("90 s (with the Docker provisioner; otherwise 180 s)")',
  ],
  // a <Fact> key that does not exist
  ['fact', 'content/guides/wrong-facts.mdx', 15, 21, '<Fact k="liveness.ttl">: no such scalar fact'],
  // an environment variable nothing in the product reads, exported in a shell block
  ['vocab', 'content/guides/unknown-names.mdx', 10, 8, 'unknown environment variable FLY_API_TOKEN'],
  // a header spelled differently from the product's
  ['vocab', 'content/guides/unknown-names.mdx', 11, 61, 'unknown header X-Molecule-Org-ID'],
  // a constructor argument the SDK does not take
  ['vocab', 'content/guides/unknown-names.mdx', 16, 94, 'unknown SDK parameter auth_token'],
  // a misspelled SDK method
  ['vocab', 'content/guides/unknown-names.mdx', 17, 21, 'unknown SDK method pull_secret'],
  // a package name that is not the SDK's
  ['vocab', 'content/guides/unknown-names.mdx', 20, 30, 'unknown pip package molecule-sdk'],
  // an event the platform never sends
  ['vocab', 'content/guides/unknown-names.mdx', 20, 71, 'unknown event WORKSPACE_DELETED'],
  // sixty words cannot be read in ten seconds
  ['duration', 'content/voiceovers/long.md', 7, 1, '60 words at 120 per minute ≈ 30.0 s'],
  // the measured audio (from the manifest) misses its target
  ['duration', 'content/voiceovers/intro.md', 7, 1, 'intro.mp3 measures 20.2 s'],
  // a merge field the email does not declare
  ['placeholder', 'content/emails/day-2.mdx', 16, 44, 'placeholder {{company}} in an approved piece'],
  // a bracket placeholder in an approved piece
  ['placeholder', 'content/emails/day-2.mdx', 16, 69, 'placeholder [Date]'],
  // a real-looking bearer token in a code sample; the value itself is never printed
  ['secret', 'content/guides/secret.mdx', 10, 32, 'token after "Bearer" (value withheld)'],
  // a mol_ key in the built launch room
  ['secret', 'built/internal/debug/index.html', 3, 34, '"mol_" token (value withheld)'],
  // built output: a missing image, a missing OG image, a JSON-LD URL and a missing anchor
  ['out-link', 'built/public/blog/hello/index.html', 6, 11, 'img[src]: /marketing/assets/gone.png does not resolve'],
  ['out-link', 'built/public/blog/hello/index.html', 3, 36, 'meta[og:image]'],
  ['out-link', 'built/public/blog/hello/index.html', 4, 95, 'json-ld: https://moleculesai.app/blog/hello-world/'],
  ['out-link', 'built/public/blog/hello/index.html', 8, 10, 'no element with id "nope"'],
  // a launch-room page cut short mid-write (no closing </html>)
  ['truncated', 'built/internal/cut/index.html', 1, 1, 'has no closing </html>'],
  // an internal page built into the public site
  ['leak', 'built/public/battlecards/rival/index.html', 1, 1, 'page of battlecards/rival (audience is internal)'],
  // an internal sentence quoted on a public page
  ['leak', 'built/public/guides/start/index.html', 4, 19, 'text of battlecards/rival'],
  // an embargoed press title in the compressed Pagefind index
  ['leak', 'built/public/pagefind/fragment/en_press.pf_fragment', 1, 1, 'title of press/launch (status is review)'],
];

describe('failing fixture', () => {
  test.each(PLANTED)('reports [%s] at %s:%i:%i', (rule, file, line, column, message) => {
    const match = failing.issues.find(
      (issue) => issue.rule === rule && issue.file === file && issue.line === line && issue.column === column,
    );
    expect(match, describeIssues(failing.issues).join('\n')).toBeDefined();
    expect(match!.message).toContain(message);
  });

  test('reports every problem of the tree in one run, and nothing it should not', () => {
    const unexpected = failing.issues.filter(
      (issue) =>
        !PLANTED.some(
          ([rule, file, line, column]) =>
            issue.rule === rule && issue.file === file && issue.line === line && issue.column === column,
        ),
    );
    // Beyond the table: overlapping claim words, unused files that the manifest rows also flag, the leaked page's title.
    expect(describeIssues(sortIssues(unexpected))).toMatchInlineSnapshot(`
      [
        "built/public/battlecards/rival/index.html:2:30 [leak] title of battlecards/rival (audience is internal) appears in the public build: "molecule against rival cloud"",
        "content/guides/claims.mdx:11:10 [claim] "10x faster" needs a source (statistic claim): footnote [^bench] gives no link or repo path",
        "marketing/assets/diagram-copy.svg:1:1 [unused] marketing/assets/diagram-copy.svg is not referenced by any content and not listed in the asset inventory",
        "marketing/assets/edited.svg:1:1 [unused] marketing/assets/edited.svg is not referenced by any content and not listed in the asset inventory",
        "marketing/assets/hand-made.png:1:1 [unused] marketing/assets/hand-made.png is not referenced by any content and not listed in the asset inventory",
      ]
    `);
  });

  test('suggests the known name for a misspelled one', () => {
    const hints = failing.issues
      .filter((issue) => issue.rule === 'vocab')
      .map((issue) => `${issue.message.split(':')[0]} → ${issue.hint}`);
    expect(hints).toEqual(
      expect.arrayContaining([
        'unknown header X-Molecule-Org-ID → did you mean X-Molecule-Org-Id?',
        'unknown SDK method pull_secret → did you mean pull_secrets?',
        'unknown pip package molecule-sdk → did you mean molecule-ai-sdk?',
        'unknown event WORKSPACE_DELETED → did you mean WORKSPACE_REMOVED?',
      ]),
    );
  });

  test('marks only unused and draft files as warnings', () => {
    const warnings = new Set(failing.issues.filter((issue) => issue.severity === 'warning').map((issue) => issue.rule));
    expect([...warnings].sort()).toEqual(['draft-asset', 'unused']);
  });

  test('never prints a token value', () => {
    expect(JSON.stringify(failing.issues)).not.toContain('DDD1j2q3rNFRpfD_S0j-QfhN0ksTBD7a3oiDYoFTus8');
    expect(JSON.stringify(failing.issues)).not.toContain('Zq81kWcPe04LxRtY7bNv');
  });
});

describe('passing fixture', () => {
  const rules = [...new Set(ALL_CHECKS.map((check) => check.id))];

  test.each(rules)('has no [%s] problems', (rule) => {
    expect(describeIssues(passing.issues.filter((issue) => issue.rule === rule))).toEqual([]);
  });

  test('every rule has a planted failure', () => {
    const planted = new Set(PLANTED.map(([rule]) => rule));
    // `external` fetches the network and runs only with --external; it has its own tests.
    expect(rules.filter((rule) => !planted.has(rule))).toEqual(['external']);
  });
});
