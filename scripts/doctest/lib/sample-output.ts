// Drift: the sample answers a shell block shows in comments (`# 201 {"id":"…",…}`) compared with what the platform really answered.
import type { Exchange } from './recording-proxy.ts';

/** A sample answer written in the doc, with its line inside the block (1-based). */
export interface SampleOutput {
  offsetLine: number;
  status?: number;
  text: string;
  shape: unknown;
}

// `…`, `<workspace uuid>` and friends stand for any value; a bare `…` in an object means "more keys".
const ANY = '__doctest_any__';
const MORE = '__doctest_more__';

function toShape(json: string): unknown {
  // Outside strings a bare `…` is "more keys" in an object and "more items" in an array; a string
  // holding `…` or written `<like this>` stands for any value.
  const stack: string[] = [];
  let out = '';
  for (let index = 0; index < json.length; index++) {
    const char = json[index]!;
    if (char === '"') {
      let end = index + 1;
      while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const literal = json.slice(index, end + 1);
      out += /…|^"<[^>]*>"$/.test(literal) ? `"${ANY}"` : literal;
      index = end;
      continue;
    }
    if (char === '{' || char === '[') stack.push(char);
    if (char === '}' || char === ']') stack.pop();
    out += char === '…' ? (stack.at(-1) === '{' ? `"${MORE}":1` : `"${MORE}"`) : char;
  }
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

/** Reads the sample answers from a block's comment lines; lines that hold no JSON object are not samples. */
export function readSampleOutputs(code: string, lines: readonly number[]): SampleOutput[] {
  const samples: SampleOutput[] = [];
  code.split('\n').forEach((text, index) => {
    if (!lines.includes(index + 1)) return;
    const match = /^\s*#\s*(?:([1-5]\d\d)\s+)?[^{]*?(\{.*\})\s*$/.exec(text);
    if (!match) return;
    const shape = toShape(match[2]!);
    if (shape !== undefined)
      samples.push({ offsetLine: index + 1, status: match[1] ? Number(match[1]) : undefined, text: match[2]!, shape });
  });
  return samples;
}

function matches(sample: unknown, actual: unknown): boolean {
  if (sample === ANY) return actual !== undefined;
  if (Array.isArray(sample))
    return Array.isArray(actual) && sample.every((item, index) => item === MORE || matches(item, actual[index]));
  if (sample && typeof sample === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const entries = Object.entries(sample).filter(([key]) => key !== MORE);
    const open = MORE in sample;
    const extra = Object.keys(actual).filter((key) => !(key in sample));
    return (
      entries.every(([key, value]) => matches(value, (actual as Record<string, unknown>)[key])) &&
      (open || extra.length === 0)
    );
  }
  return sample === actual;
}

/** The samples no answer of the block fits (same status when given, same keys and literal values). */
export function findDrift(
  samples: readonly SampleOutput[],
  exchanges: readonly Exchange[],
): Array<{ sample: SampleOutput; closest: Exchange | undefined }> {
  return samples.flatMap((sample) => {
    const fits = exchanges.some((exchange) => {
      if (sample.status !== undefined && exchange.status !== sample.status) return false;
      try {
        return matches(sample.shape, JSON.parse(exchange.body));
      } catch {
        return false;
      }
    });
    return fits ? [] : [{ sample, closest: exchanges.at(-1) }];
  });
}
