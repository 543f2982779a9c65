// The registry of every build-check rule, in run order: source rules first, then the output rules.
import type { Check } from './check.ts';
import { schemaCheck } from './checks/schema.ts';
import { mdxCheck } from './checks/mdx.ts';
import { assetCheck } from './checks/asset.ts';
import { linkCheck } from './checks/link.ts';
import { manifestCheck } from './checks/manifest.ts';
import { manifestFactsCheck } from './checks/manifest-facts.ts';
import { unusedCheck } from './checks/unused.ts';
import { draftAssetCheck } from './checks/draft-asset.ts';
import { lenCheck } from './checks/len.ts';
import { claimCheck } from './checks/claim.ts';
import { factCheck } from './checks/fact.ts';
import { vocabCheck } from './checks/vocab.ts';
import { durationCheck } from './checks/duration.ts';
import { timecodeCheck } from './checks/timecode.ts';
import { placeholderCheck } from './checks/placeholder.ts';
import { secretOutputCheck, secretSourceCheck } from './checks/secret.ts';
import { outLinkCheck } from './checks/out-link.ts';
import { leakCheck } from './checks/leak.ts';
import { externalCheck } from './checks/external.ts';
import { truncatedCheck } from './checks/truncated.ts';

/** Every rule, in run order: source checks first, then the ones that read dist/. */
export const ALL_CHECKS: readonly Check[] = [
  schemaCheck,
  mdxCheck,
  assetCheck,
  linkCheck,
  externalCheck,
  manifestCheck,
  manifestFactsCheck,
  unusedCheck,
  draftAssetCheck,
  lenCheck,
  claimCheck,
  factCheck,
  vocabCheck,
  durationCheck,
  timecodeCheck,
  placeholderCheck,
  secretSourceCheck,
  truncatedCheck,
  outLinkCheck,
  secretOutputCheck,
  leakCheck,
];
