// Replays the demo cast into @xterm/headless and snapshots each distinct screen as rows of styled cells.
import xtermHeadless from '@xterm/headless';
import type { CastEvent } from '../../demo/terminal.ts';

/** A run of cells with one style. */
export interface CellRun {
  text: string;
  bold: boolean;
  dim: boolean;
  /** ANSI palette index 0–15, or -1 for the default colour. */
  fg: number;
}

/** One screen: its rows, and the cast time at which it became visible. */
export interface TerminalScreen {
  t: number;
  rows: CellRun[][];
  /** Index of the last cast event written (screens are cut only after whole lines). */
  eventIndex: number;
}

function write(term: InstanceType<typeof xtermHeadless.Terminal>, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

function snapshot(term: InstanceType<typeof xtermHeadless.Terminal>): CellRun[][] {
  const buffer = term.buffer.active;
  const rows: CellRun[][] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    const runs: CellRun[] = [];
    for (let x = 0; line && x < term.cols; x++) {
      const cell = line.getCell(x);
      if (!cell || cell.getWidth() === 0) continue;
      const style = {
        bold: cell.isBold() !== 0,
        dim: cell.isDim() !== 0,
        fg: cell.isFgPalette() ? cell.getFgColor() : -1,
      };
      const chars = cell.getChars() || ' ';
      const last = runs.at(-1);
      if (last && last.bold === style.bold && last.dim === style.dim && last.fg === style.fg) last.text += chars;
      else runs.push({ text: chars, ...style });
    }
    const tail = runs.at(-1);
    if (tail) tail.text = tail.text.replace(/\s+$/, '');
    rows.push(runs.filter((run) => run.text.length > 0));
  }
  return rows;
}

/**
 * Writes every output event into a headless terminal of the cast's size and takes a screen after
 * each group of events recorded within `groupSeconds` of each other. Every event ends in CR LF, so
 * a screen never shows half a line. Deterministic: the same cast always gives the same screens.
 */
export async function replayCast(
  events: readonly CastEvent[],
  size: { cols: number; rows: number },
  groupSeconds = 0.04,
): Promise<TerminalScreen[]> {
  const term = new xtermHeadless.Terminal({ cols: size.cols, rows: size.rows, allowProposedApi: true, scrollback: 0 });
  const screens: TerminalScreen[] = [];
  try {
    for (let index = 0; index < events.length; index++) {
      const event = events[index]!;
      if (event.kind !== 'o') continue;
      await write(term, event.data);
      const next = events.slice(index + 1).find((candidate) => candidate.kind === 'o');
      if (next && next.time - event.time < groupSeconds) continue;
      screens.push({ t: event.time, rows: snapshot(term), eventIndex: index });
    }
  } finally {
    term.dispose();
  }
  return screens;
}
