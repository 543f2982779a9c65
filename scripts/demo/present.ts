// How requests, responses and the agent's lines are shown in the recorded terminal.
import { clip, paint, type Terminal } from './terminal.ts';
import type { DemoStepError } from './errors.ts';

/** Prefix of the agent process's lines: the other machine in the story. */
export const AGENT_PREFIX = 'laptop │ ';

/** Compact one-line JSON for the terminal (the transcript keeps the full body). */
export function compactJson(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `$ POST /workspaces {…}` with an optional note about who is calling. */
export function showRequest(terminal: Terminal, method: string, path: string, body: unknown, note?: string): void {
  const head = `${paint.bold('$')} ${paint.cyan(method)} ${path}${note ? paint.dim(`  (${note})`) : ''}`;
  terminal.line(head);
  if (body !== undefined) terminal.line(paint.dim(clip(`  ${compactJson(body)}`)));
}

/** `  201 {…} · 3 ms`, green for 2xx, yellow otherwise. */
export function showResponse(terminal: Terminal, status: number, body: unknown, ms: number): void {
  const code = status < 300 ? paint.green(String(status)) : paint.yellow(String(status));
  terminal.line(`  ${code} ${clip(compactJson(body), 96)}${paint.dim(` · ${ms} ms`)}`);
}

/** An explanatory line under a call. */
export function showNote(terminal: Terminal, text: string): void {
  for (const line of text.split('\n')) terminal.line(paint.dim(`  ↳ ${line}`));
}

/** A line the agent process printed. */
export function showAgentLine(terminal: Terminal, line: string, stream: 'stdout' | 'stderr'): void {
  const text = clip(line, 96);
  terminal.line(paint.magenta(AGENT_PREFIX) + (stream === 'stderr' ? paint.red(text) : text));
}

/** The heading of a storyboard moment. */
export function showMomentHeading(terminal: Terminal, index: number, total: number, title: string): void {
  terminal.line();
  terminal.line(paint.bold(paint.yellow(`▍ ${index}/${total} ${title}`)));
}

/** A failed step: what happened, the status and body excerpt when there is one, and the hint. */
export function showFailure(terminal: Terminal, kind: string, error: DemoStepError): void {
  terminal.line(paint.red(`✗ ${kind} failed: ${error.message}`));
  if (error.hint) terminal.line(paint.red(`  hint: ${error.hint}`));
}
