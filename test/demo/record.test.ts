// Tests of the recording files: terminal, cast, transcript, JUnit, summary and timeline.
import { describe, expect, test } from 'vitest';
import { parseCast, renderCast } from '../../scripts/demo/record/asciicast.ts';
import { renderJunit } from '../../scripts/demo/record/junit.ts';
import { redactDeep } from '../../scripts/lib/redact-deep.ts';
import { createStepRecord, type RunRecord } from '../../core/demo-run-record.ts';
import { createTerminal } from '../../scripts/demo/terminal.ts';

describe('the recording terminal', () => {
  test('redacts before printing and recording, with secrets learned mid-run', () => {
    const printed: string[] = [];
    const secrets = new Set<string>();
    let now = 0;
    const terminal = createTerminal(
      (chunk) => printed.push(chunk),
      secrets,
      () => now,
    );
    terminal.line('token is abc-secret-123');
    secrets.add('abc-secret-123');
    now = 1500;
    terminal.line('token is abc-secret-123, header Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123');
    expect(printed[1]).toBe('token is «redacted», header Authorization: Bearer «redacted»\n');
    expect(terminal.events[1]).toEqual({
      time: 1.5,
      kind: 'o',
      data: 'token is «redacted», header Authorization: Bearer «redacted»\r\n',
    });
    // The first line went out before the secret was known; the cast is redacted again when written.
    const cast = renderCast(terminal.events, new Date(0), 'title', secrets);
    expect(cast).not.toContain('abc-secret-123');
  });

  test('strips shell integration escapes that carry host and path', () => {
    const printed: string[] = [];
    const terminal = createTerminal((chunk) => printed.push(chunk), new Set());
    terminal.line('\u001b]7;file://laptop/home/me\u0007done');
    expect(printed[0]).toBe('done\n');
  });
});

describe('asciicast v2', () => {
  test('writes a header without a command line, then [time, kind, data] events that parse back', () => {
    const text = renderCast(
      [
        { time: 0.5, kind: 'o', data: 'hi\r\n' },
        { time: 0.6, kind: 'm', data: 'moment' },
      ],
      new Date(1_700_000_000_000),
      'Demo',
      [],
    );
    const { header, events } = parseCast(text);
    expect(header).toEqual({
      version: 2,
      width: 110,
      height: 34,
      timestamp: 1_700_000_000,
      idle_time_limit: 2,
      title: 'Demo',
      env: { TERM: 'xterm-256color', SHELL: '/bin/bash' },
    });
    expect(events).toEqual([
      { time: 0.5, kind: 'o', data: 'hi\r\n' },
      { time: 0.6, kind: 'm', data: 'moment' },
    ]);
  });
});

describe('redactDeep', () => {
  test('masks credential keys, bearer headers and known values anywhere in a body', () => {
    const body = {
      connection: { auth_token: 'whatever-it-is' },
      headers: { Authorization: 'Bearer xyz' },
      list: ['key k1-secret-value'],
      n: 3,
    };
    expect(redactDeep(body, ['k1-secret-value'])).toEqual({
      connection: { auth_token: '«redacted»' },
      headers: { Authorization: 'Bearer «redacted»' },
      list: ['key «redacted»'],
      n: 3,
    });
  });
});

describe('JUnit', () => {
  test('escapes XML and reports the failure with status, body and hint', () => {
    const failed = {
      ...createStepRecord('health', 'Health <check>', 'm1', false, 0),
      status: 'failed' as const,
      error: { message: 'GET /health → 500 "x" & y', status: 500, bodyExcerpt: '{"error":"x"}', hint: 'look' },
    };
    const record: RunRecord = {
      storyboard: { id: 's', file: 'content/storyboards/s.mdx', title: 'S' },
      platform: { kind: 'platform', url: 'http://p', embedded: false },
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1200,
      status: 'failed',
      options: { fast: true, createWithUrl: false, keep: false },
      steps: [failed],
      moments: [],
    };
    const xml = renderJunit(record, 'suite', []);
    expect(xml).toContain('name="health: Health &lt;check&gt;"');
    expect(xml).toContain('<failure message="GET /health → 500 &quot;x&quot; &amp; y" type="DemoStepError">');
    expect(xml).toContain('status: 500\nbody: {&quot;error&quot;:&quot;x&quot;}\nhint: look</failure>');
    expect(xml).toContain('tests="1" failures="1" errors="0" skipped="0" time="1.200"');
  });
});
