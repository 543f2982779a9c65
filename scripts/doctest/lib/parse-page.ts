// Finds a page's code blocks and the doctest annotation written just above each one (MDX comment), with file lines.
import { mdxToMdast, markdownToMdast } from 'satteri';
import { ANNOTATION_PREFIX, DEFAULT_BLOCK_TIMEOUT_MS, parseAnnotation, type Annotation } from './annotation.ts';

/** How a block runs: in the page's bash session, as a Python script from it, or not at all. */
export type BlockRunner = 'shell' | 'python';

/** One fenced block of a page. */
export interface PageBlock {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  runner: BlockRunner | undefined;
  /** The block's text exactly as the reader sees it. */
  code: string;
  annotation: Annotation;
  /** Imports or installs the Molecule SDK. */
  needsSdk: boolean;
  /** A Python block that imports `requests` (runs only where it is importable). */
  needsRequests: boolean;
}

/** A problem at a line of the page. */
export interface PageProblem {
  line: number;
  message: string;
  hint?: string;
}

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh']);
const PYTHON_LANGS = new Set(['python', 'py', 'python3']);
const REQUESTS_USE = /^\s*(?:import requests\b|from requests\b)/m;
const SDK_USE = /\b(?:import molecule_agent|from molecule_agent\b|pip3? install\b[^\n]*\bmolecule-ai-sdk\b)/;

interface Node {
  type: string;
  lang?: string | null;
  value?: string;
  position?: { start: { line: number }; end: { line: number } };
  children?: Node[];
}

function runnerFor(lang: string): BlockRunner | undefined {
  if (SHELL_LANGS.has(lang)) return 'shell';
  return PYTHON_LANGS.has(lang) ? 'python' : undefined;
}

const emptyAnnotation = (): Annotation => ({
  expect: [],
  capture: {},
  background: false,
  timeoutMs: DEFAULT_BLOCK_TIMEOUT_MS,
});

/**
 * Parses the page text (frontmatter included, so lines are file lines). An annotation belongs to
 * the code block that follows it directly; one followed by anything else is a problem.
 */
export function parsePageBlocks(text: string, file: string): { blocks: PageBlock[]; problems: PageProblem[] } {
  const problems: PageProblem[] = [];
  let tree: Node;
  try {
    tree = (file.endsWith('.mdx') ? mdxToMdast(text) : markdownToMdast(text)) as unknown as Node;
  } catch (error) {
    const where = /^(\d+):/.exec((error as Error).message);
    return {
      blocks: [],
      problems: [{ line: Number(where?.[1] ?? 1), message: `page does not parse: ${(error as Error).message}` }],
    };
  }
  const blocks: PageBlock[] = [];
  const visit = (nodes: Node[]) => {
    nodes.forEach((node, index) => {
      if (node.type === 'mdxFlowExpression' && ANNOTATION_PREFIX.test(node.value?.trim() ?? '')) {
        const next = nodes[index + 1];
        if (next?.type !== 'code')
          problems.push({
            line: node.position!.start.line,
            message: 'doctest annotation is not followed by a code block',
            hint: 'write it on the lines just above the fence it describes',
          });
      }
      if (node.type === 'code') {
        const line = node.position!.start.line;
        const lang = (node.lang ?? '').toLowerCase();
        const code = node.value ?? '';
        const previous = nodes[index - 1];
        const comment =
          previous?.type === 'mdxFlowExpression' && ANNOTATION_PREFIX.test(previous.value?.trim() ?? '')
            ? previous
            : undefined;
        let annotation = emptyAnnotation();
        if (comment) {
          const result = parseAnnotation(comment.value!.trim(), code.split('\n').length);
          for (const problem of result.problems)
            problems.push({ line: comment.position!.start.line + problem.offsetLine, message: problem.message });
          if (result.annotation) annotation = result.annotation;
        }
        const runner = runnerFor(lang);
        if (comment && !runner)
          problems.push({
            line,
            message: `a doctest annotation on a "${lang || 'plain'}" block: only bash/sh and python blocks run`,
          });
        blocks.push({
          line,
          lang,
          runner,
          code,
          annotation,
          needsSdk: SDK_USE.test(code),
          needsRequests: runnerFor(lang) === 'python' && REQUESTS_USE.test(code),
        });
      }
      if (node.children) visit(node.children);
    });
  };
  visit(tree.children ?? []);
  return { blocks, problems };
}
