// The runnable-block annotation: `{/* doctest <yaml> */}` just above a fence, parsed with `yaml` and checked with zod.
import { parseDocument } from 'yaml';
import { z } from 'astro/zod';
import { parseExpectation, type Expectation } from './expectation.ts';

/** Marks an MDX comment as a doctest annotation. */
export const ANNOTATION_PREFIX = /^\/\*\s*doctest\b/;

const AnnotationSchema = z
  .object({
    /** Do not run this block; the reason goes into the report. */
    norun: z.string().min(1).optional(),
    /** Runs only in this alternative (a name from the page's `doctest.passes`). */
    pass: z.string().min(1).optional(),
    /** Per alternative, the block's lines that belong to it (`"1-7"`, `"1-3, 9-13"`, 1 = the first code line). */
    lines: z.record(z.string(), z.string()).optional(),
    expect: z.union([z.string(), z.array(z.string())]).optional(),
    /** Shell variables set from the block's last platform answer: `NAME: .jq.path`. */
    capture: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string().startsWith('.')).optional(),
    /** Hidden shell run before / after the block (not shown to readers). */
    setup: z.string().optional(),
    teardown: z.string().optional(),
    /** Runs in the background until the page ends (an agent server, a heartbeat loop). */
    background: z.boolean().optional(),
    /** Ready condition after the block: `port <n|$VAR> [within <s>s]`. */
    wait: z
      .string()
      .regex(/^port \S+( within \d+(\.\d+)?s)?$/, 'expected "port <number or $VAR> [within <seconds>s]"')
      .optional(),
    /** Saves the block as this file in the page's working folder instead of running it. */
    file: z
      .string()
      .regex(/^[\w.-]+$/, 'a plain file name such as agent.py')
      .optional(),
    /** Seconds the block may take (default 20). */
    timeout: z.number().positive().max(600).optional(),
  })
  .strict();

/** A parsed annotation, ready for the runner. */
export interface Annotation {
  norun?: string;
  pass?: string;
  lines?: Record<string, number[]>;
  expect: Expectation[];
  capture: Record<string, string>;
  setup?: string;
  teardown?: string;
  background: boolean;
  wait?: { port: string; timeoutMs: number };
  file?: string;
  timeoutMs: number;
}

/** Default time a block may take. */
export const DEFAULT_BLOCK_TIMEOUT_MS = 20_000;

/** Parses `"1-3, 9-13"` into line numbers; a message on bad input. */
export function parseLineRanges(text: string, max: number): number[] | string {
  const lines: number[] = [];
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return `"${part}" is not a line or a range such as 3-7`;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from < 1 || to > max || from > to) return `${part} is outside the block's lines 1-${max}`;
    for (let line = from; line <= to; line++) lines.push(line);
  }
  return lines;
}

/**
 * Parses the text of a `{/* doctest … *\/}` comment. Returns the annotation, or the problems
 * (YAML errors, unknown keys, bad expectations) as messages with a line offset inside the comment.
 */
export function parseAnnotation(
  comment: string,
  codeLines: number,
): { annotation?: Annotation; problems: Array<{ offsetLine: number; message: string }> } {
  // MDX strips the indentation of lines inside `{…}`, so a line that does not start with `key:`
  // continues the key above (a folded `>-` setup, a long list) and gets its indentation back.
  const yamlText = comment
    .replace(ANNOTATION_PREFIX, '')
    .replace(/\*\/\s*$/, '')
    .split('\n')
    .map((line) => (line.trim() === '' || /^[a-z][\w-]*:(\s|$)/.test(line) ? line : `  ${line}`))
    .join('\n');
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (pos: number | undefined) => yamlText.slice(0, pos ?? 0).split('\n').length - 1;
  if (doc.errors.length)
    return {
      problems: doc.errors.slice(0, 1).map((error) => ({
        offsetLine: lineOf(error.pos?.[0]),
        message: `annotation does not parse: ${error.message.split('\n')[0]}`,
      })),
    };
  const parsed = AnnotationSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.map((key) => `"${key}"`).join(', ')}` : '';
        const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
        const known =
          issue.code === 'unrecognized_keys' ? ` (known: ${Object.keys(AnnotationSchema.shape).join(', ')})` : '';
        return { offsetLine: 0, message: `annotation ${where}${issue.message}${keys}${known}` };
      }),
    };
  }
  const data = parsed.data;
  const problems: Array<{ offsetLine: number; message: string }> = [];
  const expect: Expectation[] = [];
  for (const text of typeof data.expect === 'string' ? [data.expect] : (data.expect ?? [])) {
    const result = parseExpectation(text);
    if (typeof result === 'string') problems.push({ offsetLine: 0, message: result });
    else expect.push(result);
  }
  let lines: Record<string, number[]> | undefined;
  for (const [pass, text] of Object.entries(data.lines ?? {})) {
    const result = parseLineRanges(text, codeLines);
    if (typeof result === 'string') problems.push({ offsetLine: 0, message: `annotation lines.${pass}: ${result}` });
    else (lines ??= {})[pass] = result;
  }
  const waitMatch = data.wait ? /^port (\S+)(?: within (\d+(?:\.\d+)?)s)?$/.exec(data.wait) : null;
  const annotation: Annotation = {
    norun: data.norun,
    pass: data.pass,
    lines,
    expect,
    capture: data.capture ?? {},
    setup: data.setup,
    teardown: data.teardown,
    background: data.background ?? false,
    wait: waitMatch ? { port: waitMatch[1]!, timeoutMs: Number(waitMatch[2] ?? 10) * 1000 } : undefined,
    file: data.file,
    timeoutMs: (data.timeout ?? DEFAULT_BLOCK_TIMEOUT_MS / 1000) * 1000,
  };
  return problems.length ? { problems } : { annotation, problems };
}
