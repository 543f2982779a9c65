// Tests of the facts file reader: valid facts, located bad values, unknown keys.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFacts, factAt } from '../../core/facts.ts';

describe('the facts file', () => {
  test('loads and validates from content/facts.yaml', () => {
    const facts = loadFacts();
    expect(facts.routes.length).toBeGreaterThan(10);
    expect(new Set(facts.routes.map((route) => route.id)).size).toBe(facts.routes.length);
    expect(factAt(facts, 'liveness.offlineAfterSeconds')).toBe(facts.liveness.offlineAfterSeconds);
  });

  test('names the key of a bad value', () => {
    const root = mkdtempSync(join(tmpdir(), 'facts-'));
    mkdirSync(join(root, 'content'));
    const text = readFileSync('content/facts.yaml', 'utf8').replace(
      /offlineAfterSeconds: \d+/,
      'offlineAfterSeconds: soon',
    );
    writeFileSync(join(root, 'content/facts.yaml'), text);
    expect(() => loadFacts(root)).toThrow(
      /^content\/facts\.yaml:\d+:\d+ liveness\.offlineAfterSeconds: Invalid input: expected number, received string$/,
    );
  });

  test('rejects an unknown key so a typo cannot hide a fact', () => {
    const root = mkdtempSync(join(tmpdir(), 'facts-'));
    mkdirSync(join(root, 'content'));
    writeFileSync(
      join(root, 'content/facts.yaml'),
      readFileSync('content/facts.yaml', 'utf8').replace('liveness:', 'liveness:\n  offlineAfterSecs: 60'),
    );
    expect(() => loadFacts(root)).toThrow(/liveness: Unrecognized key: "offlineAfterSecs"/);
  });
});
