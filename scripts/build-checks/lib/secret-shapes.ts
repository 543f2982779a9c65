/** A token-shaped string found in text; the value itself is never kept. */
export interface SecretHit {
  /** Index of the value in the text. */
  index: number;
  /** What kind of token it looks like, for the message. */
  kind: string;
}

/** Token shapes that fail the build (value in group 1 where a lead word precedes it). */
export const SECRET_SHAPES: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: 'a 43-character base64url token after "Bearer"', pattern: /\bBearer\s+([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g },
  { kind: 'a 43-character base64url token after "auth_token"', pattern: /\bauth_token\b["']?\s*[:=]\s*["']?([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g },
  { kind: 'an "sk-" API key', pattern: /\b(sk-(?:[A-Za-z0-9]+-)?[A-Za-z0-9_-]{20,})/g },
  { kind: 'a "mol_" token', pattern: /\b(mol_[A-Za-z0-9_]{16,})/g },
];

/** Obvious stand-ins (`xxxx`, `your-token`, repeated characters) are documentation, not secrets. */
export function isPlaceholderValue(value: string): boolean {
  if (/x{4,}|X{4,}|example|placeholder|redacted|your|dummy|fake|sample|changeme|\.{3}|…/i.test(value)) return true;
  return new Set(value.replace(/^(sk-|mol_)/, '')).size < 8;
}

/** Finds token-shaped strings in text. */
export function findSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const { kind, pattern } of SECRET_SHAPES) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1]!;
      if (isPlaceholderValue(value)) continue;
      hits.push({ index: match.index + match[0].lastIndexOf(value), kind });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Extensions of files scanned for secrets (text formats only). */
export const TEXT_EXTENSIONS = /\.(html?|xml|json|js|mjs|cjs|css|txt|md|mdx|vtt|srt|svg|cast|ya?ml|csv|webmanifest|map|log|ts)$/i;
