// Reads the `path:line:col [rule] message — hint` lines every command prints back into issues.
import type { Issue } from '../../../core/issue.ts';

const LINE = /^(\S+?):(\d+):(\d+) (warning )?\[([\w-]+)\] (.*)$/;
const BARE = /^(\S+) (warning )?\[([\w-]+)\] (.*)$/;

function splitHint(text: string): { message: string; hint?: string } {
  const at = text.indexOf(' — ');
  return at < 0 ? { message: text } : { message: text.slice(0, at), hint: text.slice(at + 3) };
}

/** Every issue line in a command's output (stdout and stderr together); other lines are ignored. */
export function parseIssueLines(output: string): Issue[] {
  const issues: Issue[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trimEnd();
    const located = LINE.exec(line);
    if (located) {
      const [, file, row, column, warning, rule, rest] = located;
      issues.push({
        file: file!,
        line: Number(row),
        column: Number(column),
        rule: rule!,
        severity: warning ? 'warning' : 'error',
        ...splitHint(rest!),
      });
      continue;
    }
    const bare = BARE.exec(line);
    if (bare && !bare[1]!.endsWith(':')) {
      const [, file, warning, rule, rest] = bare;
      issues.push({
        file: file!,
        line: 0,
        column: 0,
        rule: rule!,
        severity: warning ? 'warning' : 'error',
        ...splitHint(rest!),
      });
    }
  }
  return issues;
}
