// What the output rules work out from each built page on its own, under one memo key each, so a page can be read ahead.
import type { CheckContext } from '../check.ts';
import { scanHtml, scanXml, type HtmlScan } from './html-scan.ts';
import { findSecrets } from './secret-shapes.ts';
import { normalizeText, type NormalizedText } from './text-match.ts';

/** The per-file results, each computed from the file's text alone. */
export interface BuiltFileScans {
  /** Links, images and ids (rule `out-link`). */
  scan: HtmlScan;
  /** Token-shaped strings (rule `secret`). */
  secrets: ReturnType<typeof findSecrets>;
  /** Searchable text (rule `leak`, public site only). */
  leakText: NormalizedText;
}

const KEYS = {
  scan: (file: string) => `scan:${file}`,
  secrets: (file: string) => `secrets:${file}`,
  leakText: (file: string) => `leak-text:${file}`,
} as const;

/** Whether a built file is a page or feed the rules scan this way (HTML or XML outside Pagefind). */
export function isScannedPage(file: string): boolean {
  return /\.(html|xml)$/.test(file) && !file.includes('/pagefind/');
}

/** Each result for `file` from its `text`: what a rule computes when nothing was read ahead. */
export const computeScan = {
  scan: (file: string, text: string) => (file.endsWith('.xml') ? scanXml(text) : scanHtml(text)),
  secrets: (_file: string, text: string) => findSecrets(text),
  leakText: (file: string, text: string) => normalizeText(text, /\.(html|xml)$/.test(file)),
} satisfies { [K in keyof BuiltFileScans]: (file: string, text: string) => BuiltFileScans[K] };

/** The result `kind` for `file`, read ahead or computed now from `text()` and kept for the run. */
export function builtFileScan<K extends keyof BuiltFileScans>(
  ctx: Pick<CheckContext, 'memo'>,
  kind: K,
  file: string,
  text: () => string,
): BuiltFileScans[K] {
  return ctx.memo(KEYS[kind](file), () => computeScan[kind](file, text()) as BuiltFileScans[K]);
}

/** Stores results read ahead for `file`, as {@link builtFileScan} finds them. */
export function rememberScans(memo: Map<string, unknown>, file: string, scans: Partial<BuiltFileScans>): void {
  for (const kind of Object.keys(scans) as Array<keyof BuiltFileScans>) memo.set(KEYS[kind](file), scans[kind]);
}
