// Redacts secrets, token shapes and credential keys everywhere in a JSON value before it is recorded.
import { redact, REDACTED } from './redact.ts';

// Whatever these keys hold is a credential, whether or not its value is known.
const SECRET_KEYS = new Set(['auth_token', 'authorization', 'token', 'admin_token']);

/** Redacts every string in a JSON-able value: known secrets, token shapes, and credential keys. */
export function redactDeep<T>(value: T, secrets: Iterable<string>): T {
  const known = [...secrets];
  const walk = (item: unknown, key?: string): unknown => {
    if (typeof item === 'string')
      return key && SECRET_KEYS.has(key.toLowerCase()) && item !== ''
        ? item.startsWith('Bearer ')
          ? `Bearer ${REDACTED}`
          : REDACTED
        : redact(item, known);
    if (Array.isArray(item)) return item.map((entry) => walk(entry));
    if (item && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([name, entry]) => [name, walk(entry, name)]));
    return item;
  };
  return walk(value) as T;
}
