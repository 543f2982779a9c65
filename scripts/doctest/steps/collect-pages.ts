// Stage 1: reads every guide and post, parses its runnable blocks and annotations, and checks them (the whole of `--check`).
import { execaSync } from 'execa';
import { readContent, readContentFile } from '../../../core/content-files.ts';
import { locationAt } from '../../../core/source-location.ts';
import type { Issue } from '../../../core/issue.ts';
import type { DoctestFrontmatter } from '../../../core/schemas/doctest-frontmatter.ts';
import { parsePageBlocks, type PageBlock } from '../lib/parse-page.ts';

/** A page ready to run: its alternatives (null = the one pass of a page without any), mappings and runnable blocks. */
export interface PageSpec {
  file: string;
  passes: Array<string | null>;
  map: DoctestFrontmatter['map'];
  blocks: PageBlock[];
}

/** Rule id of every annotation problem. */
export const ANNOTATION_RULE = 'doctest-annotation';

function jqCompiles(filter: string): string | undefined {
  const result = execaSync('jq', ['-n', `empty | (${filter})`], { reject: false });
  return result.exitCode === 0 ? undefined : String(result.stderr).split('\n')[0];
}

function checkPage(
  file: string,
  text: string,
  frontmatter: DoctestFrontmatter,
  blocks: PageBlock[],
  offsetOf: (path: (string | number)[]) => number | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const at = (line: number, message: string, hint?: string) =>
    issues.push({
      file,
      line,
      column: 1,
      rule: ANNOTATION_RULE,
      severity: 'error',
      message,
      ...(hint ? { hint } : {}),
    });
  const passes = frontmatter.passes ?? [];
  for (const block of blocks) {
    const { pass, lines, expect } = block.annotation;
    for (const name of [pass, ...Object.keys(lines ?? {})].filter((name): name is string => name !== undefined)) {
      if (!passes.includes(name))
        at(
          block.line,
          `pass "${name}" is not one of the page's doctest.passes (${passes.join(', ') || 'none declared'})`,
          'declare the alternatives once in the frontmatter: doctest: { passes: [Path A, Path B] }',
        );
    }
    for (const expectation of expect) {
      const problem = expectation.kind === 'jq' ? jqCompiles(expectation.filter) : undefined;
      if (problem) at(block.line, `expect "${expectation.text}" is not a valid jq test: ${problem}`);
    }
    for (const [name, path] of Object.entries(block.annotation.capture)) {
      const problem = jqCompiles(path);
      if (problem) at(block.line, `capture ${name}: "${path}" is not a valid jq path: ${problem}`);
    }
  }
  frontmatter.map.forEach((mapping, index) => {
    if (blocks.some((block) => block.runner && block.code.includes(mapping.find))) return;
    const offset = offsetOf(['doctest', 'map', index, 'find']);
    at(
      offset === undefined ? 1 : locationAt(text, offset).line,
      `doctest.map[${index}] finds "${mapping.find}" in no runnable block`,
      'the block changed: update the mapping to the text the reader runs now',
    );
  });
  return issues;
}

/**
 * Reads content/guides and content/blog (or just `only`) and returns each page's runnable blocks
 * plus every annotation problem at its line. Pages without runnable blocks are left out.
 */
export function collectPages(root: string, only: readonly string[] = []): { pages: PageSpec[]; issues: Issue[] } {
  const files = only.length
    ? only.map((file) => readContentFile(root, file.includes('/blog/') ? 'blog' : 'docs', file))
    : readContent(root, ['docs', 'blog']);
  const pages: PageSpec[] = [];
  const issues: Issue[] = [];
  for (const content of files) {
    issues.push(...content.issues);
    const { blocks, problems } = parsePageBlocks(content.text, content.file);
    for (const problem of problems)
      issues.push({
        file: content.file,
        line: problem.line,
        column: 1,
        rule: ANNOTATION_RULE,
        severity: 'error',
        message: problem.message,
        ...(problem.hint ? { hint: problem.hint } : {}),
      });
    const frontmatter = (content.data as { doctest?: DoctestFrontmatter } | undefined)?.doctest ?? { map: [] };
    const runnable = blocks.filter((block) => block.runner);
    issues.push(...checkPage(content.file, content.text, frontmatter, runnable, (path) => content.offsetOf(path)));
    if (runnable.length === 0) continue;
    pages.push({ file: content.file, passes: frontmatter.passes ?? [null], map: frontmatter.map, blocks: runnable });
  }
  return { pages, issues };
}
