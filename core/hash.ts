// Content hashes (`sha256:<hex>`) of bytes, files and JSON values with sorted keys: the cache keys of every generator.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** `sha256:<hex>` of bytes or text. */
export function hashBytes(data: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** `sha256:<hex>` of a file's bytes. */
export async function hashFile(path: string): Promise<string> {
  return hashBytes(await readFile(path));
}

/**
 * Stable hash of a JSON-able value: object keys are sorted first, so the same inputs always
 * give the same cache key whatever order they were built in.
 */
export function hashJson(value: unknown): string {
  return hashBytes(stableStringify(value));
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
