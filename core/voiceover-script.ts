// Parses voice-over markup (prose, `[pause …]`, *emphasis*) into speech and pause parts with located problems.
import type { Issue } from './issue.ts';
import { createLocator } from './source-location.ts';
import { splitSentences, type TextRange } from './sentences.ts';

/** Spoken text between two pauses: sentences and emphasised spans are ranges of `text`. */
export interface SpeechPart {
  kind: 'speech';
  text: string;
  sentences: Array<TextRange & { line: number }>;
  emphasis: TextRange[];
}

/** Silence written as a line `[pause 600ms]`. */
export interface PausePart {
  kind: 'pause';
  ms: number;
  line: number;
}

export type ScriptPart = SpeechPart | PausePart;

/** Where the body sits in its file, so problems point at the right line and column. */
export interface BodySource {
  file: string;
  /** Whole file text. */
  text: string;
  /** Offset of the body in the file. */
  bodyOffset: number;
}

/** Shortest and longest pause a script may ask for. */
export const PAUSE_RANGE_MS = { min: 50, max: 10_000 } as const;

const PAUSE_LINE = /^\[pause\s+(\d+(?:\.\d+)?)\s*(ms|s)\]$/;
const PAUSE_HINT = 'write a pause on its own line as [pause 600ms] or [pause 1.5s]';

/**
 * Turns a voice-over body into speech parts and pauses. The markup is small on purpose:
 * a line `[pause 600ms]` (or `[pause 1.5s]`) is silence, `*words*` are emphasised, blank lines
 * separate paragraphs, `<!-- comments -->` are not read, and a Markdown link is read as its text.
 * Anything else that would be read aloud by mistake (headings, code fences, stray markup) is reported.
 */
export function parseScriptBody(source: BodySource): { parts: ScriptPart[]; issues: Issue[] } {
  const locate = createLocator(source.text);
  const issues: Issue[] = [];
  const report = (offset: number, message: string, hint?: string, severity: Issue['severity'] = 'error') => {
    const { line, column } = locate(source.bodyOffset + offset);
    issues.push({ file: source.file, line, column, rule: 'tts-text', severity, message, hint });
  };
  const body = source.text
    .slice(source.bodyOffset)
    .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const parts: ScriptPart[] = [];
  let paragraph: Array<{ text: string; offset: number }> = [];
  let speech: SpeechPart | undefined;
  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    speech ??= { kind: 'speech', text: '', sentences: [], emphasis: [] };
    appendParagraph(speech, paragraph, report, (offset) => locate(source.bodyOffset + offset).line);
    paragraph = [];
  };
  const flushSpeech = () => {
    flushParagraph();
    if (speech && speech.sentences.length > 0) parts.push(speech);
    speech = undefined;
  };
  let offset = 0;
  for (const rawLine of body.split('\n')) {
    const lineOffset = offset;
    offset += rawLine.length + 1;
    const line = rawLine.trim();
    const at = lineOffset + rawLine.indexOf(line);
    if (line === '') {
      flushParagraph();
      continue;
    }
    if (line.startsWith('[') && line.endsWith(']') && !/^\[[^\]]*\]\(/.test(line)) {
      const pause = PAUSE_LINE.exec(line);
      if (!pause) {
        report(at, `unknown directive "${line}"`, PAUSE_HINT);
        continue;
      }
      const ms = Math.round(Number(pause[1]) * (pause[2] === 's' ? 1000 : 1));
      if (ms < PAUSE_RANGE_MS.min || ms > PAUSE_RANGE_MS.max) {
        report(
          at,
          `pause of ${ms} ms is out of range`,
          `use ${PAUSE_RANGE_MS.min} ms to ${PAUSE_RANGE_MS.max / 1000} s`,
        );
        continue;
      }
      flushSpeech();
      parts.push({ kind: 'pause', ms, line: locate(source.bodyOffset + at).line });
      continue;
    }
    if (/\[pause\b/i.test(line)) report(at + line.search(/\[pause\b/i), 'a pause must be on its own line', PAUSE_HINT);
    else if (/^#{1,6}\s/.test(line))
      report(at, 'a Markdown heading would be read aloud', 'move it into the title or remove it');
    else if (line.startsWith('```'))
      report(at, 'a code block would be read aloud', 'voice-over scripts are prose only');
    else if (/<\/?[a-z][^>]*>/i.test(line))
      report(
        at + line.search(/<\/?[a-z]/i),
        'looks like an SSML or HTML tag; it is escaped and read as text',
        'use [pause 600ms] or *emphasis* instead',
        'warning',
      );
    paragraph.push({ text: rawLine, offset: lineOffset });
  }
  flushSpeech();
  if (!parts.some((part) => part.kind === 'speech'))
    report(0, 'voice-over script has no text', `add a paragraph to ${source.file}`);
  return { parts, issues };
}

/** Adds one paragraph's plain text, emphasis ranges and sentences to a speech part. */
function appendParagraph(
  speech: SpeechPart,
  lines: Array<{ text: string; offset: number }>,
  report: (offset: number, message: string, hint?: string) => void,
  lineOf: (offset: number) => number,
): void {
  // Build the plain text one character at a time, remembering each character's source offset
  // (for sentence line numbers) and whether it is emphasised.
  const chars: Array<{ char: string; offset: number; emphasis: boolean }> = [];
  let emphasisOpenAt: number | undefined;
  for (const { text, offset } of lines) {
    if (chars.length > 0) chars.push({ char: ' ', offset, emphasis: emphasisOpenAt !== undefined });
    const unlinked = text.replace(/\[([^\]]+)\]\([^)]*\)/g, (_all, label: string) =>
      label.padEnd(_all.length, '\u0000'),
    );
    for (let index = 0; index < unlinked.length; index++) {
      const char = unlinked[index]!;
      if (char === '\u0000' || char === '`') continue;
      if (char === '*') {
        if (unlinked[index + 1] === '*') index++;
        emphasisOpenAt = emphasisOpenAt === undefined ? offset + index : undefined;
        continue;
      }
      chars.push({
        char: /[\u0000-\u001f\u007f]/.test(char) ? ' ' : char,
        offset: offset + index,
        emphasis: emphasisOpenAt !== undefined,
      });
    }
  }
  if (emphasisOpenAt !== undefined)
    report(emphasisOpenAt, 'unclosed *emphasis*', 'close it with a second * in the same paragraph');
  const collapsed = chars.filter(
    (entry, index) => !(/\s/.test(entry.char) && (index === 0 || /\s/.test(chars[index - 1]!.char))),
  );
  while (collapsed.length > 0 && /\s/.test(collapsed.at(-1)!.char)) collapsed.pop();
  if (collapsed.length === 0) return;
  const text = collapsed
    .map((entry) => (/\s/.test(entry.char) ? ' ' : entry.char))
    .join('')
    .normalize('NFC');
  // NFC may merge characters; fall back to the unmerged text so offsets stay aligned.
  const plain = text.length === collapsed.length ? text : collapsed.map((entry) => entry.char).join('');
  const base = speech.text.length === 0 ? 0 : speech.text.length + 1;
  speech.text = speech.text.length === 0 ? plain : `${speech.text} ${plain}`;
  for (const range of splitSentences(plain)) {
    speech.sentences.push({
      start: base + range.start,
      end: base + range.end,
      line: lineOf(collapsed[range.start]!.offset),
    });
  }
  let open: number | undefined;
  collapsed.forEach((entry, index) => {
    if (entry.emphasis && open === undefined) open = index;
    if (!entry.emphasis && open !== undefined) {
      speech.emphasis.push({ start: base + open, end: base + index });
      open = undefined;
    }
  });
  if (open !== undefined) speech.emphasis.push({ start: base + open, end: base + collapsed.length });
}
