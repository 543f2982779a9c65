/** What a secret becomes in any output. */
export const REDACTED = '«redacted»';

const TOKEN_SHAPES: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9_-]{20,}/g,
  /("?auth_token"?\s*[:=]\s*"?)[A-Za-z0-9_-]{20,}/g,
  /()\bsk-[A-Za-z0-9_-]{16,}/g,
  /()\bmol_[A-Za-z0-9_]{8,}/g,
];

/**
 * Replaces known secret values and token-shaped strings with {@link REDACTED}.
 * Known values are replaced first (longest first) so a secret inside a larger match still goes.
 */
export function redact(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text;
  const values = [...knownSecrets].filter((value) => value.length >= 4).sort((a, b) => b.length - a.length);
  for (const value of values) out = out.split(value).join(REDACTED);
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, (_match, lead: string) => `${lead}${REDACTED}`);
  return out;
}
