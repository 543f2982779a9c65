// The blocker a rule finds, before `--accept` decides whether it is accepted.
import type { BlockerKindId } from './blocker-kinds.ts';

/** One thing that stops the launch, at its `path:line:col` (line 0: a command or flag, not a file position). */
export interface Finding {
  kind: BlockerKindId;
  file: string;
  line: number;
  column: number;
  message: string;
  /** The command (or edit) that clears it. */
  fix: string;
}

/** A finding with no file position: located at the command that could not prove something. */
export function findingAt(kind: BlockerKindId, where: string, message: string, fix: string): Finding {
  return { kind, file: where, line: 0, column: 0, message, fix };
}
