// Token shapes the secret rule looks for, and the test that tells a real-looking value from a placeholder.

/** A token-shaped string found in text; the value itself is never kept. */
export interface SecretHit {
  /** Index of the value in the text. */
  index: number;
  /** What kind of token it looks like, for the message. */
  kind: string;
}

/** A key name that holds a credential: `…token`, `…key`, `…secret`, `password` in any case and separator style. */
const SECRET_NAME = String.raw`[A-Za-z0-9_.-]*(?:token|key|secret|password|passwd)`;
/** A credential-looking value: 20+ characters of the token alphabets (base64, base64url, hex). */
const VALUE = String.raw`[A-Za-z0-9_\-+/=.]{20,}`;

/** Token shapes that fail the build (the value in group 1). Names are matched case-insensitively. */
export const SECRET_SHAPES: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  {
    kind: 'a 43-character base64url token after "Bearer"',
    pattern: /\bbearer\s+([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/gi,
  },
  {
    kind: 'a 43-character base64url token after "auth_token"',
    pattern: /\bauth_token\b["']?\s*[:=]\s*["']?([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/gi,
  },
  { kind: 'an "sk-" API key', pattern: /\b(sk-(?:[A-Za-z0-9]+-)?[A-Za-z0-9_-]{20,})/g },
  { kind: 'a "mol_" token', pattern: /\b(mol_[A-Za-z0-9_]{16,})/g },
  // WORKSPACE_AUTH_TOKEN=…, export X_KEY="…", "apiKey": "…", token: … (shell, .env, JSON, YAML).
  {
    kind: 'a credential assigned to a token/key/secret name',
    pattern: new RegExp(String.raw`\b${SECRET_NAME}["']?\s*[:=]\s*["']?(${VALUE})(?![A-Za-z0-9_\-+/=])`, 'gi'),
  },
  {
    kind: 'a credential in a URL query parameter',
    pattern: new RegExp(String.raw`[?&](?:${SECRET_NAME}|sig|signature)=(${VALUE.replace('{20,}', '{16,}')})`, 'gi'),
  },
];

/** Obvious stand-ins (`xxxx`, `your-token`, repeated characters, words only) are documentation, not secrets. */
export function isPlaceholderValue(value: string): boolean {
  if (/x{4,}|X{4,}|example|placeholder|redacted|your|dummy|fake|sample|changeme|\.{3}|…/i.test(value)) return true;
  const bare = value.replace(/^(sk-|mol_)/, '');
  if (new Set(bare).size < 8) return true;
  // Real credentials mix letters and digits; `remote-workspaces-launch-guide` is prose in a key's clothing.
  return !/\d/.test(bare) || !/[A-Za-z]/.test(bare);
}

/** Finds token-shaped strings in text, each value once (the first, most specific shape names it). */
export function findSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const seen = new Set<number>();
  for (const { kind, pattern } of SECRET_SHAPES) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1]!;
      if (isPlaceholderValue(value)) continue;
      const index = match.index + match[0].lastIndexOf(value);
      if (seen.has(index)) continue;
      seen.add(index);
      hits.push({ index, kind });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Extensions of files scanned for secrets (text formats only). */
export const TEXT_EXTENSIONS =
  /\.(html?|xml|json|js|mjs|cjs|css|txt|md|mdx|vtt|srt|svg|cast|ya?ml|csv|webmanifest|map|log|ts|env|sh)$/i;
