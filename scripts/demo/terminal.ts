// The recorded terminal: clipped lines, colours and the cast events they become.
import { performance } from 'node:perf_hooks';
import { redact } from '../lib/redact.ts';

/** Columns of the recorded terminal; printed lines are clipped to fit. */
export const CAST_WIDTH = 110;
/** Rows of the recorded terminal. */
export const CAST_HEIGHT = 34;

/** One asciicast v2 event: output (`o`) or a marker (`m`), at seconds since the start. */
export interface CastEvent {
  time: number;
  kind: 'o' | 'm';
  data: string;
}

/** The demo's terminal: every line is redacted, then printed and recorded with its real time. */
export interface Terminal {
  line(text?: string): void;
  /** A named marker in the cast (a storyboard moment starts here); returns its time. */
  marker(label: string): number;
  /** Seconds since the terminal started, as recorded in the cast. */
  elapsed(): number;
  readonly events: CastEvent[];
  readonly startedAt: Date;
}

const ESC = '\u001b[';
/** ANSI styles used in the recording. */
export const paint = {
  bold: (text: string) => `${ESC}1m${text}${ESC}22m`,
  dim: (text: string) => `${ESC}2m${text}${ESC}22m`,
  red: (text: string) => `${ESC}31m${text}${ESC}39m`,
  green: (text: string) => `${ESC}32m${text}${ESC}39m`,
  yellow: (text: string) => `${ESC}33m${text}${ESC}39m`,
  magenta: (text: string) => `${ESC}35m${text}${ESC}39m`,
  cyan: (text: string) => `${ESC}36m${text}${ESC}39m`,
};

/** Removes ANSI styling (for plain-text output such as a pipe or the golden transcript). */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Cuts text to `width` visible characters with an ellipsis. */
export function clip(text: string, width = CAST_WIDTH): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text;
}

/**
 * Creates the terminal. `write` receives each redacted chunk (the CLI prints it); `secrets` is
 * read at every write, so a token learned mid-run is masked from that moment on. Cast lines
 * end in CR LF, as a real terminal emits them.
 */
export function createTerminal(
  write: (chunk: string) => void,
  secrets: ReadonlySet<string>,
  now: () => number = () => performance.now(),
): Terminal {
  const origin = now();
  const events: CastEvent[] = [];
  const elapsed = () => Number(((now() - origin) / 1000).toFixed(6));
  return {
    events,
    startedAt: new Date(),
    elapsed,
    line(text = '') {
      // Shell integration sequences (OSC 7, 1337…) carry host and path: never recorded.
      const safe = redact(text, secrets).replace(/\u001b\][^\u0007]*(\u0007|\u001b\\)/g, '');
      write(`${safe}\n`);
      events.push({ time: elapsed(), kind: 'o', data: `${safe}\r\n` });
    },
    marker(label) {
      const time = elapsed();
      events.push({ time, kind: 'm', data: label });
      return time;
    },
  };
}
