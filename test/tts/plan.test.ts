// Tests of voice-over planning: sentence splitting, chunks, pauses and pace.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { planScripts } from '../../scripts/tts/plan.ts';
import { parseScriptBody, type SpeechPart } from '../../core/voiceover-script.ts';
import { countSpokenUnits, splitSentences } from '../../core/sentences.ts';
import { buildEdgeSsml, buildEspeakSsml, chunkSpeechPart, escapeSsml } from '../../scripts/tts/ssml.ts';

const FRONTMATTER = `---
title: Test script
description: A test.
audience: internal
status: draft
owner: DevRel
targetSeconds: 10
wpm: 150
output: marketing/audio/test.mp3
---
`;

function parse(body: string) {
  const text = FRONTMATTER + body;
  return parseScriptBody({ file: 'content/voiceovers/test.md', text, bodyOffset: FRONTMATTER.length });
}

function sentencesOf(text: string): string[] {
  return splitSentences(text).map(({ start, end }) => text.slice(start, end));
}

describe('sentence splitting', () => {
  test.each([
    // plain sentences keep their own punctuation
    ['Phase 30 is here. Remote Workspaces are GA!', ['Phase 30 is here.', 'Remote Workspaces are GA!']],
    // abbreviations and a lower-case continuation do not end a sentence
    [
      'Use a tunnel, e.g. Cloudflare Tunnel. Then register.',
      ['Use a tunnel, e.g. Cloudflare Tunnel.', 'Then register.'],
    ],
    ['It works on macOS etc. and on Linux.', ['It works on macOS etc. and on Linux.']],
    // domains and decimals have no space after the dot
    ['Visit moleculesai.app today. It takes 1.5 minutes.', ['Visit moleculesai.app today.', 'It takes 1.5 minutes.']],
    // closing quotes stay with their sentence
    ['She said “it is done.” Then it shipped?! Yes.', ['She said “it is done.”', 'Then it shipped?!', 'Yes.']],
    // Chinese full stops need no space
    [
      '远程工作区来了。智能体可以运行！详细指南请访问 moleculesai.app。',
      ['远程工作区来了。', '智能体可以运行！', '详细指南请访问 moleculesai.app。'],
    ],
  ])('splits %j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  test('counts words for English and Han characters plus Latin words for Chinese', () => {
    expect(countSpokenUnits('An agent — on your laptop — registers.')).toBe(6);
    expect(countSpokenUnits('有了 Phase 30 远程工作区。')).toBe(2 + 2 + 5);
  });
});

describe('script markup', () => {
  test('turns pause lines into silence and *words* into emphasis, dropping comments and link targets', () => {
    const { parts, issues } = parse(
      'Step one. *Create* a workspace.\n<!-- note for the writer -->\n\n[pause 600ms]\n\nRead [the guide](https://example.com/guide).\n[pause 1.5s]\n',
    );
    expect(issues).toEqual([]);
    expect(parts.map((part) => part.kind)).toEqual(['speech', 'pause', 'speech', 'pause']);
    const first = parts[0] as SpeechPart;
    expect(first.text).toBe('Step one. Create a workspace.');
    expect(first.emphasis.map(({ start, end }) => first.text.slice(start, end))).toEqual(['Create']);
    expect(first.sentences.map(({ start, end, line }) => [first.text.slice(start, end), line])).toEqual([
      ['Step one.', 11],
      ['Create a workspace.', 11],
    ]);
    expect(parts[1]).toEqual({ kind: 'pause', ms: 600, line: 14 });
    expect((parts[2] as SpeechPart).text).toBe('Read the guide.');
    expect(parts[3]).toMatchObject({ ms: 1500 });
  });

  test.each([
    // a pause in running text
    ['Hello [pause 200ms] world.', '11:7 [tts-text] a pause must be on its own line'],
    // a directive we do not know
    ['Hello.\n[music fades]', '12:1 [tts-text] unknown directive "[music fades]"'],
    // pauses outside the allowed range
    ['Hello.\n[pause 20s]', '12:1 [tts-text] pause of 20000 ms is out of range'],
    // emphasis left open
    ['Hello *world.\n\nBye.', '11:7 [tts-text] unclosed *emphasis*'],
    // a heading would be read aloud
    ['# Title\nHello.', '11:1 [tts-text] a Markdown heading would be read aloud'],
    // nothing to read
    ['[pause 500ms]\n', '11:1 [tts-text] voice-over script has no text'],
  ])('reports %j at its line and column', (body, expected) => {
    const { issues } = parse(body);
    expect(issues.map((issue) => `${issue.line}:${issue.column} [${issue.rule}] ${issue.message}`)).toContain(expected);
    expect(issues.find((issue) => issue.message === expected.split('] ')[1])?.severity).toBe('error');
  });
});

describe('SSML and chunks', () => {
  test('escapes every XML special character', () => {
    expect(escapeSsml(`R&D <fast> "quoted" it's`)).toBe('R&amp;D &lt;fast&gt; &quot;quoted&quot; it&apos;s');
    const ssml = buildEdgeSsml('Tom & Jerry <3', 'en-US-AriaNeural', 'en-US', {
      rate: '+10%',
      pitch: '+0Hz',
      volume: '+0%',
    });
    expect(ssml).toBe(
      "<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='en-US'><voice name='en-US-AriaNeural'><prosody pitch='+0Hz' rate='+10%' volume='+0%'>Tom &amp; Jerry &lt;3</prosody></voice></speak>",
    );
  });

  test('splits long text only between sentences, within the byte limit', () => {
    const { parts } = parse(
      Array.from({ length: 12 }, (_unused, index) => `Sentence number ${index + 1} talks about R&D.`).join(' '),
    );
    const part = parts[0] as SpeechPart;
    const chunks = chunkSpeechPart(part, 0, 120);
    expect(chunks.length).toBeGreaterThan(3);
    const sentenceEnds = new Set(part.sentences.map((sentence) => sentence.end));
    for (const chunk of chunks) {
      expect(Buffer.byteLength(escapeSsml(chunk.text))).toBeLessThanOrEqual(120);
      expect(sentenceEnds.has(chunk.end)).toBe(true);
      expect(chunk.text).toBe(part.text.slice(chunk.start, chunk.end));
    }
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(part.text);
  });

  test('cuts a sentence over the limit at a comma or space, never inside an entity', () => {
    const { parts } = parse(`${'Tom & Jerry, '.repeat(20)}and friends.`);
    const chunks = chunkSpeechPart(parts[0] as SpeechPart, 0, 64);
    for (const chunk of chunks) {
      expect(Buffer.byteLength(escapeSsml(chunk.text))).toBeLessThanOrEqual(64);
      expect(chunk.text).toMatch(/^\S.*[,.]$/);
    }
  });

  test('marks emphasis for espeak-ng, escaped', () => {
    const { parts } = parse('Step *one & two*. Done.');
    const part = parts[0] as SpeechPart;
    const [chunk] = chunkSpeechPart(part, 0);
    expect(buildEspeakSsml({ ...chunk!, index: 0 }, part.emphasis)).toBe(
      '<speak>Step <emphasis>one &amp; two</emphasis>. Done.</speak>',
    );
  });
});

describe('planning scripts', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'tts-plan-'));
    await mkdir(join(root, 'content/voiceovers'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('warns at targetSeconds when words ÷ wpm miss the target by more than 10 %', async () => {
    await writeFile(join(root, 'content/voiceovers/test.md'), `${FRONTMATTER}${'word '.repeat(50)}end.\n`);
    const { plans, issues } = planScripts(root);
    expect(plans[0]!.expectedSeconds).toBeCloseTo((51 / 150) * 60, 5);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'content/voiceovers/test.md',
        line: 7,
        column: 16,
        rule: 'tts-pace',
        severity: 'warning',
        message: '51 words at 150 per minute take about 20.4 s, target is 10 s (+104.0 %)',
      }),
    ]);
  });

  test('refuses two scripts writing the same file', async () => {
    await writeFile(join(root, 'content/voiceovers/a.md'), `${FRONTMATTER}Hello there, this is script a.\n`);
    await writeFile(join(root, 'content/voiceovers/b.md'), `${FRONTMATTER}Hello there, this is script b.\n`);
    const { plans, issues } = planScripts(root);
    expect(plans).toHaveLength(1);
    expect(issues.filter((issue) => issue.rule === 'tts-output')).toEqual([
      expect.objectContaining({
        file: 'content/voiceovers/b.md',
        line: 9,
        column: 9,
        message: 'output marketing/audio/test.mp3 is already written by content/voiceovers/a.md',
      }),
    ]);
  });

  test('changes the content hash with the text but not with line moves', async () => {
    const file = join(root, 'content/voiceovers/test.md');
    await writeFile(file, `${FRONTMATTER}Hello there. This is it.\n`);
    const first = planScripts(root).plans[0]!.contentHash;
    await writeFile(file, `${FRONTMATTER}\n\nHello there.\nThis is it.\n`);
    expect(planScripts(root).plans[0]!.contentHash).toBe(first);
    await writeFile(file, `${FRONTMATTER}Hello there. This is *it*.\n`);
    expect(planScripts(root).plans[0]!.contentHash).not.toBe(first);
  });
});
