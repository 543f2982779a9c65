// One `expect:` line of an annotation: `status 201`, `exit 0`, `output contains …`, or a jq test such as `.status == "registered"`.
import { suggestKey } from '../../../core/schema-issue.ts';

/** What a block must do. `jq` expectations run `jq -e` on the block's last platform answer. */
export type Expectation =
  | { kind: 'status'; status: number; text: string }
  | { kind: 'exit'; code: number; text: string }
  | { kind: 'output'; contains: string; text: string }
  | { kind: 'jq'; filter: string; text: string };

const WORDS = ['status', 'exit', 'output'];

/** Parses one expectation; a message naming what is wrong otherwise. */
export function parseExpectation(text: string): Expectation | string {
  const trimmed = text.trim();
  if (trimmed.startsWith('.')) return { kind: 'jq', filter: trimmed, text: trimmed };
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const argument = rest.join(' ');
  if (word === 'status') {
    return /^[1-5]\d\d$/.test(argument)
      ? { kind: 'status', status: Number(argument), text: trimmed }
      : `expect status needs an HTTP status such as 201, got "${argument}"`;
  }
  if (word === 'exit')
    return /^\d+$/.test(argument)
      ? { kind: 'exit', code: Number(argument), text: trimmed }
      : `expect exit needs a number, got "${argument}"`;
  if (word === 'output') {
    const match = /^contains\s+(.+)$/.exec(argument);
    return match
      ? { kind: 'output', contains: match[1]!.replace(/^"(.*)"$/, '$1'), text: trimmed }
      : 'expect output needs "contains <text>"';
  }
  const guess = suggestKey(word, WORDS);
  return `unknown expectation "${trimmed}"${guess ? ` — did you mean "${guess} …"?` : ''} (known: status <code>, exit <code>, output contains <text>, or a jq test starting with ".")`;
}
