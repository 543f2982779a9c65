// Reads the voice-over's WebVTT cues and writes them again shifted onto a film's timeline.
import { formatVtt, type Cue } from '../../tts/captions.ts';

function parseTimestamp(text: string): number {
  const parts = text.trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** The cues of a WebVTT file (text lines joined with spaces). */
export function parseVtt(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of text.replace(/\r/g, '').split(/\n\n+/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing < 0) continue;
    const [start, end] = lines[timing]!.split('-->');
    const cueText = lines
      .slice(timing + 1)
      .join(' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .trim();
    cues.push({ start: parseTimestamp(start!), end: parseTimestamp(end!.trim().split(/\s/)[0]!), text: cueText });
  }
  return cues;
}

/** The film's caption file: every cue moved by `offsetSeconds` and cut at the film's end. */
export function shiftCaptions(cues: readonly Cue[], offsetSeconds: number, filmSeconds: number, note: string): string {
  const shifted = cues
    .map((cue) => ({ ...cue, start: cue.start + offsetSeconds, end: Math.min(cue.end + offsetSeconds, filmSeconds) }))
    .filter((cue) => cue.end > cue.start);
  return formatVtt(shifted, note);
}
