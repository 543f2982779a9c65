// Tests of frontmatter validation per kind: unknown keys, dates, types, did-you-mean.
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContentFile } from '../../core/content-files.ts';
import { formatIssue } from '../../core/issue.ts';
import type { CollectionName } from '../../core/schemas/kinds.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'schema-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes one content file into the temp tree and validates it as Node scripts do. */
function validate(collection: CollectionName, dir: string, frontmatter: string, body = 'Body text.\n') {
  mkdirSync(join(root, 'content', dir), { recursive: true });
  const file = `content/${dir}/sample.mdx`;
  writeFileSync(join(root, file), `---\n${frontmatter.trim()}\n---\n\n${body}`);
  return readContentFile(root, collection, file);
}

const BLOG = `
title: Remote workspaces are here
description: Run agents anywhere.
audience: public
status: approved
published: 2026-04-20
owner: DevRel
tags: [launch]`;

const SOCIAL = `
title: Phase 30 social
description: Posts for launch day.
status: review
owner: Social
campaign: phase30
posts:
  - id: x-technical
    channel: x
    label: Technical
    text: Agents can now run anywhere.
  - id: linkedin
    channel: linkedin
    label: LinkedIn
    text: A longer post.
    image: /marketing/assets/social/phase30-linkedin.png`;

const VOICEOVER = `
title: Announcement
description: Launch voice-over.
status: approved
owner: DevRel
targetSeconds: 60
wpm: 150
output: marketing/audio/phase30-announce.mp3`;

describe('frontmatter validation', () => {
  test.each([
    // each kind's happy path produces no issues and normalised data
    ['blog', 'blog', BLOG],
    ['social', 'social', SOCIAL.replace('    image: /marketing/assets/social/phase30-linkedin.png', '')],
    ['voiceovers', 'voiceovers', VOICEOVER],
  ] as const)('accepts a valid %s entry', (collection, dir, frontmatter) => {
    const file = validate(collection, dir, frontmatter);
    expect(file.issues).toEqual([]);
    expect(file.data).toBeDefined();
  });

  test('names the file, the line of the key and a suggestion for a misspelled key', () => {
    const file = validate('blog', 'blog', `${BLOG}\nstauts: approved`);
    expect(file.issues.map(formatIssue)).toEqual([
      'content/blog/sample.mdx:9:1 [schema] unknown key "stauts" — did you mean "status"?',
    ]);
  });

  test('reports a bad date at the value with the key name', () => {
    const file = validate('blog', 'blog', BLOG.replace('2026-04-20', '2026-13-45'));
    expect(file.issues).toHaveLength(1);
    expect(formatIssue(file.issues[0]!)).toBe(
      'content/blog/sample.mdx:6:12 [schema] published: expected a date like 2026-04-20',
    );
  });

  test('reports a wrong type with the key path', () => {
    const file = validate('voiceovers', 'voiceovers', VOICEOVER.replace('wpm: 150', 'wpm: fast'));
    expect(file.issues.map(formatIssue)).toEqual([
      'content/voiceovers/sample.mdx:7:6 [schema] wpm: expected number, received string',
    ]);
  });

  test('points into nested lists and requires alt text for a post image', () => {
    const file = validate('social', 'social', SOCIAL);
    expect(file.issues.map(formatIssue)).toEqual([
      'content/social/sample.mdx:12:5 [schema] posts.1.imageAlt: imageAlt is required when image is set',
    ]);
  });

  test('rejects an audience the kind does not allow', () => {
    const file = validate(
      'battlecards',
      'battlecards',
      `
title: LangGraph Cloud
description: Card.
audience: public
status: review
owner: Sales
competitor: LangGraph Cloud
theirPitch: Managed graphs.
buyerConcern: Where agents run.
comparison:
  - { dimension: a, them: b, us: c }
  - { dimension: a, them: b, us: c }
  - { dimension: a, them: b, us: c }`,
    );
    expect(file.issues).toHaveLength(1);
    expect(formatIssue(file.issues[0]!)).toMatch(/^content\/battlecards\/sample\.mdx:4:11 \[schema\] audience: /);
  });

  test('reports YAML syntax errors with their position', () => {
    const file = validate('blog', 'blog', `${BLOG}\ntitle: duplicate`);
    expect(file.issues[0]).toMatchObject({ file: 'content/blog/sample.mdx', rule: 'schema', line: 9 });
    expect(file.issues[0]!.message).toMatch(/unique/i);
  });

  test('reports a missing frontmatter block', () => {
    mkdirSync(join(root, 'content/blog'), { recursive: true });
    writeFileSync(join(root, 'content/blog/bare.mdx'), '# no frontmatter\n');
    const file = readContentFile(root, 'blog', 'content/blog/bare.mdx');
    expect(file.issues.map(formatIssue)).toEqual([
      'content/blog/bare.mdx:1:1 [schema] missing frontmatter (--- … ---)',
    ]);
  });
});
