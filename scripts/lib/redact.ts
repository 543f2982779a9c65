/** What a secret becomes in any output. */
export const REDACTED = '«redacted»';

const TOKEN_SHAPES: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9_-]{20,}/gi,
  /("?auth_token"?\s*[:=]\s*"?)[A-Za-z0-9_-]{20,}/gi,
  // Any credential-named assignment or JSON/YAML value (WORKSPACE_AUTH_TOKEN=…, "apiKey": "…") and ?token= query parameters.
  /(\b[A-Za-z0-9_.-]*(?:token|key|secret|password)["']?\s*[:=]\s*["']?)(?=[A-Za-z0-9_\-+/=.]*\d)[A-Za-z0-9_\-+/=.]{20,}/gi,
  /([?&](?:[A-Za-z0-9_.-]*(?:token|key|secret)|sig|signature)=)[A-Za-z0-9_\-+/=.%]{16,}/gi,
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
