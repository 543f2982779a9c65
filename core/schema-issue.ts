// Turns zod issues into located, readable messages with "did you mean" suggestions for unknown keys.
import type { z } from 'astro/zod';

/** Known keys of an object schema (unwrapping refinements and pipes), for "did you mean". */
function knownKeys(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 8 && current; depth++) {
    const def = (current as { def?: Record<string, unknown> }).def;
    if (!def) break;
    if (def.shape) return Object.keys(def.shape as object);
    current = def.in ?? def.innerType ?? def.schema;
  }
  return [];
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

/** The nearest key within two edits, if any. */
export function suggestKey(unknown: string, keys: readonly string[]): string | undefined {
  const ranked = keys
    .map((key) => [key, distance(unknown.toLowerCase(), key.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1]);
  return ranked[0] && ranked[0][1] <= Math.max(2, Math.floor(unknown.length / 3)) ? ranked[0][0] : undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path)
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Turns a zod issue into a message that names the key, plus a hint for unknown keys. */
export function describeSchemaIssue(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  input?: unknown,
): { message: string; hint?: string } {
  const where = issue.path.length ? issue.path.join('.') : 'frontmatter';
  // A required key that is not written at all: say so, instead of zod's "Invalid option" for its absent value.
  if (
    input !== undefined &&
    issue.path.length &&
    (issue.code === 'invalid_value' || issue.code === 'invalid_type') &&
    valueAt(input, issue.path) === undefined
  ) {
    return {
      message: `missing required key "${where}"`,
      hint: `add ${where}: to the frontmatter (${issue.message.replace(/^Invalid (input|option): /, '')})`,
    };
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const top = issue.path.length === 0 ? knownKeys(schema) : [];
    const suggestion = keys.length === 1 ? suggestKey(keys[0]!, top) : undefined;
    const label = keys.map((key) => `"${key}"`).join(', ');
    const prefix = issue.path.length ? `${where}: ` : '';
    return {
      message: `${prefix}unknown key ${label}`,
      hint: suggestion ? `did you mean "${suggestion}"?` : 'remove it or add it to the schema in core/schemas/',
    };
  }
  return { message: `${where}: ${issue.message.replace(/^Invalid input: /, '')}` };
}
