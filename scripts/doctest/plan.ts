// What `npm run doctest` would write now and with which inputs hash, without running anything (for the manifest's stale check).
import type { GeneratorPlan } from '../../core/manifest.ts';
import { collectPages } from './steps/collect-pages.ts';
import { doctestInputsHash } from './lib/inputs-hash.ts';
import { DEFAULT_OUT_DIR, REPORT_FILES } from './steps/write-reports.ts';

/** The three report files, hashed over the pages that have runnable blocks and the runner's code. */
export const planDoctestReports: GeneratorPlan = async (root) => {
  const { pages } = collectPages(root);
  if (pages.length === 0) return [];
  const inputsHash = doctestInputsHash(
    root,
    pages.map((page) => page.file),
  );
  return Object.values(REPORT_FILES).map((name) => ({
    path: `${DEFAULT_OUT_DIR}/${name}`,
    inputsHash,
    command: 'npm run doctest',
  }));
};
