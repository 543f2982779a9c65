// Stage: reads and scans the public site's pages while Astro is still writing them, so the output rules find them done.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../../../core/list-files.ts';
import { repeatUntil } from '../../lib/repeat-until.ts';
import { computeScan, isScannedPage, rememberScans, type BuiltFileScans } from '../lib/built-file-scans.ts';
import { readWholeFile, sameFile, type FileStamp } from '../lib/whole-file.ts';
import type { Check } from '../check.ts';
import { heldBackEntries } from '../checks/leak.ts';
import type { Sources } from './collect.ts';
import type { RunState } from './run-checks.ts';

/** What is worth reading ahead for `checks`: the leak rule's text only when something is held back. */
export function prescanKinds(checks: readonly Check[], sources: Sources): Array<keyof BuiltFileScans> {
  const ids = new Set(checks.filter((check) => check.phase === 'output').map((check) => check.id));
  return [
    ...(ids.has('out-link') ? (['scan'] as const) : []),
    ...(ids.has('secret') ? (['secrets'] as const) : []),
    ...(ids.has('leak') && heldBackEntries(sources.content, sources.now).length > 0 ? (['leakText'] as const) : []),
  ];
}

/**
 * How often the prescan lists Astro's work folder again for pages written since: a listing of a
 * thousand pages costs about 15 ms, and the few pages written after the last one are read by the
 * rules themselves.
 */
const ROUND_MS = 300;

/** One page read ahead: its text, as it was on disk then, and what the rules work out from it. */
interface Prescanned {
  stamp: FileStamp;
  text: string;
  scans: Partial<BuiltFileScans>;
}

/** A prescan under way: `adopt` hands what it read to a run, keeping only pages that did not change since. */
export interface OutputPrescan {
  adopt(sources: Sources, state: RunState, dir: string): Promise<number>;
}

/**
 * Reads every page and feed of `draft` (Astro's work folder of the public site) once it is whole,
 * and works out `kinds` for it, one page at a time between Astro's writes, until `until` settles.
 * {@link OutputPrescan.adopt} then gives the run the text and results of each page that is still
 * the same file in the finished site `dir` (root-relative); the rules compute the rest themselves.
 */
export function startOutputPrescan(
  draft: string,
  kinds: ReadonlyArray<keyof BuiltFileScans>,
  until: Promise<unknown>,
): OutputPrescan {
  const read = new Map<string, Prescanned>();
  const scanning = repeatUntil(until, ROUND_MS, async (stopped) => {
    for (const page of listFiles(draft, { patterns: ['**/*.html', '**/*.xml'] })) {
      if (stopped()) break;
      if (read.has(page) || !isScannedPage(page)) continue;
      const whole = await readWholeFile(join(draft, page)).catch(() => 'missing' as const);
      if (typeof whole === 'string') continue;
      const scans: Partial<BuiltFileScans> = {};
      for (const kind of kinds) Object.assign(scans, { [kind]: computeScan[kind](page, whole.text) });
      read.set(page, { ...whole, scans });
      // One page at a time, so Astro's own callbacks are never kept waiting long.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return false;
  });
  scanning.catch(() => undefined);
  return {
    async adopt(sources, state, dir) {
      await scanning.catch(() => undefined);
      let adopted = 0;
      for (const [page, known] of read) {
        const file = `${dir}/${page}`;
        const now = await stat(join(sources.root, file)).catch(() => undefined);
        if (!now || !sameFile(known.stamp, now)) continue;
        sources.remember(file, known.text);
        rememberScans(state.memo, file, known.scans);
        adopted += 1;
      }
      return adopted;
    },
  };
}
