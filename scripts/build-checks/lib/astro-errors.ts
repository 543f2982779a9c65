// Turns Astro's error output into located `astro` issues: plain text, at the line of the source that caused them.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Issue } from '../../../core/issue.ts';

const LOCATION = /((?:\/|\.\/)?[\w@./-]+\.(?:mdx?|astro|ts|mjs|js|ya?ml|json)):(\d+)(?::(\d+))?/;
// Vite/rolldown: "[UNRESOLVED_IMPORT] Could not resolve '../x.astro' in content/blog/y.mdx".
const UNRESOLVED = /Could not resolve ['"]([^'"]+)['"] in (\S+)/;
// The bundler's summary line carries no cause; the cause is on the next line.
const SUMMARY = /^✗?\s*Build failed in [\d.]+m?s$/;

interface Location {
  file: string;
  line: number;
  column: number;
}

/**
 * Finds `import … from '<specifier>'` in the source file itself: Vite reports an MDX import at its
 * line in the compiled module, which is not where the author wrote it.
 */
/**
 * The absolute path of a file Astro named: paths under the project were made project-relative
 * above; a path climbing out (`../../content/x.mdx`) is relative to the root Astro built from,
 * which for the launch room is its own folder under .cache/.
 */
function fullPath(file: string, root: string, astroRoot: string): string {
  if (isAbsolute(file)) return file;
  return file.startsWith('../') ? resolve(astroRoot, file) : join(root, file);
}

function locateImport(root: string, astroRoot: string, file: string, specifier: string): Location | undefined {
  const full = fullPath(file, root, astroRoot);
  if (!existsSync(full)) return undefined;
  const lines = readFileSync(full, 'utf8').split('\n');
  const index = lines.findIndex(
    (text) => /^\s*import\b/.test(text) && (text.includes(`'${specifier}'`) || text.includes(`"${specifier}"`)),
  );
  if (index === -1) return undefined;
  return { file: relative(root, full), line: index + 1, column: lines[index]!.indexOf(specifier) + 1 };
}

function locateNearby(nearby: string, root: string, astroRoot: string): Location | undefined {
  const where = LOCATION.exec(nearby);
  if (!where) return undefined;
  const file = relative(root, fullPath(where[1]!.replace(/^\.\//, ''), root, astroRoot));
  return { file, line: Number(where[2]), column: where[3] ? Number(where[3]) : 1 };
}

/** Turns Astro's output (ANSI colours and all) into located issues, one per reported error. */
export function parseAstroErrors(output: string, root: string, audience: string, astroRoot = root): Issue[] {
  // Paths under the root become repo-relative first, so a root with spaces in its name still matches.
  const lines = stripVTControlCharacters(output).split(`${root}/`).join('').split('\n');
  const issues: Issue[] = [];
  lines.forEach((line, index) => {
    if (!/\[ERROR\]|^\s*error\s|^\S*Error:/.test(line)) return;
    let message = line
      .replace(/^.*?\[ERROR\]\s*(\[[\w:-]+\]\s*)?/, '')
      .replace(/^\s*error\s+/, '')
      .trim();
    if (SUMMARY.test(message)) message = (lines.slice(index + 1).find((next) => next.trim()) ?? message).trim();
    const nearby = lines.slice(index, index + 12).join('\n');
    const unresolved = UNRESOLVED.exec(message);
    const at =
      (unresolved && locateImport(root, astroRoot, unresolved[2]!, unresolved[1]!)) ||
      locateNearby(nearby, root, astroRoot);
    const issue: Issue = {
      file: at?.file ?? 'astro.config.mjs',
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      rule: 'astro',
      severity: 'error',
      message: `astro build (${audience}): ${message || 'failed'}`,
    };
    if (!issues.some((seen) => seen.file === issue.file && seen.line === issue.line && seen.message === issue.message))
      issues.push(issue);
  });
  return issues;
}
