// The result of one block in one pass, as every report renders it.
import type { BlockProblem } from './block-verdict.ts';

/** One block of one pass. */
export interface BlockResult {
  line: number;
  pass: string | null;
  status: 'passed' | 'failed' | 'not-run';
  reason?: string;
  /** The reader's text of the lines that ran (redacted). */
  command: string;
  durationMs: number;
  problems: BlockProblem[];
  /** `POST /workspaces → 201`, one per platform call the block made. */
  calls: string[];
}

/** One page: every pass's blocks in order, plus problems of the page itself (teardown). */
export interface PageResult {
  file: string;
  blocks: BlockResult[];
  problems: BlockProblem[];
}

/** Counts of a page or a run. */
export function countBlocks(blocks: readonly BlockResult[]): { passed: number; failed: number; notRun: number } {
  return {
    passed: blocks.filter((block) => block.status === 'passed').length,
    failed: blocks.filter((block) => block.status === 'failed').length,
    notRun: blocks.filter((block) => block.status === 'not-run').length,
  };
}
