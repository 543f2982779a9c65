// Every kind of release blocker and the group it is reported under, and the finding a rule returns.

/** The groups, in the order reports print them. */
export const BLOCKER_GROUPS = [
  'Draft and stale outputs',
  'Content not ready',
  'Not verified on a real platform',
  'Check errors',
  'Live site',
  'Cannot verify',
] as const;
export type BlockerGroup = (typeof BLOCKER_GROUPS)[number];

/** One kind: its group and a short description (also the `--accept` help). */
export interface BlockerKind {
  group: BlockerGroup;
  describes: string;
}

/** Every kind `--accept` takes, keyed by its id. */
export const BLOCKER_KINDS = {
  'draft-audio': {
    group: 'Draft and stale outputs',
    describes: 'voice-over audio or captions made by the espeak-ng fallback',
  },
  'draft-recording': {
    group: 'Draft and stale outputs',
    describes: 'a demo recording or film made on the stand-in platform',
  },
  'draft-capture': {
    group: 'Draft and stale outputs',
    describes: 'a screenshot or capture made on the stand-in platform',
  },
  'stale-output': {
    group: 'Draft and stale outputs',
    describes: 'a generated file that is missing or older than its inputs',
  },
  placeholder: { group: 'Content not ready', describes: 'an open placeholder ([NAME], TBD, {{…}}) in a piece' },
  unapproved: { group: 'Content not ready', describes: 'a launch piece whose status is not approved' },
  embargo: { group: 'Content not ready', describes: 'a press release whose embargo has not passed' },
  'demo-platform': {
    group: 'Not verified on a real platform',
    describes: 'the last demo run was made on the stand-in',
  },
  'demo-failed': {
    group: 'Not verified on a real platform',
    describes: 'the last demo run failed or left no recording',
  },
  'doc-unverified': {
    group: 'Not verified on a real platform',
    describes: 'a doc block not verified against a real platform',
  },
  'doc-failed': { group: 'Not verified on a real platform', describes: 'a guide block whose last doctest failed' },
  'channel-limit': { group: 'Check errors', describes: 'a post, title or email over its channel limit' },
  fact: { group: 'Check errors', describes: 'a figure or route that disagrees with content/facts.yaml' },
  claim: { group: 'Check errors', describes: 'a claim without a source' },
  'external-link': { group: 'Check errors', describes: 'an external link that does not answer' },
  'check-error': { group: 'Check errors', describes: 'any other build-check error' },
  'site-url': { group: 'Live site', describes: 'a live-site URL that does not answer 200 with the right content type' },
  unverified: { group: 'Cannot verify', describes: 'a command whose evidence could not be produced' },
} as const satisfies Record<string, BlockerKind>;
export type BlockerKindId = keyof typeof BLOCKER_KINDS;

/** The ids, for usage text and "did you mean". */
export const BLOCKER_KIND_IDS = Object.keys(BLOCKER_KINDS) as BlockerKindId[];

/** True when `value` names a kind. */
export function isBlockerKind(value: string): value is BlockerKindId {
  return Object.hasOwn(BLOCKER_KINDS, value);
}

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
