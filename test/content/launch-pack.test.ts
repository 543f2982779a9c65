// Tests that the Phase 30 launch pack is complete and consistent.
import { describe, expect, test } from 'vitest';
import { readContent, type ContentFile } from '../../core/content-files.ts';
import { measureText } from '../../core/channel-limits.ts';
import { estimateSpeech } from '../../core/speech-estimate.ts';
import type { SocialPostSet } from '../../core/schemas/social-post-set.ts';
import type { Voiceover } from '../../core/schemas/voiceover.ts';
import type { DemoStoryboard } from '../../core/schemas/demo-storyboard.ts';
import type { SalesEnablement } from '../../core/schemas/sales-enablement.ts';
import type { Battlecard } from '../../core/schemas/battlecard.ts';

const content = readContent(process.cwd());
const byId = new Map(content.map((entry) => [entry.id, entry]));
const dataOf = <T,>(id: string) => byId.get(id)?.data as T;
const ofCollection = (collection: ContentFile['collection']) => content.filter((entry) => entry.collection === collection);

/** Every deliverable of the Phase 30 pack (issue 4), by content id. */
const DELIVERABLES = [
  // five public blog posts
  'blog/remote-workspaces-ga', 'blog/chrome-devtools-mcp', 'blog/container-vs-remote', 'blog/secure-by-design', 'blog/deploy-anywhere',
  // four public guides
  'guides/remote-workspaces', 'guides/remote-workspaces-faq', 'guides/same-origin-canvas-fetches', 'guides/quickstart-audio',
  // community, HN, social
  'community/phase30', 'hn/phase30', 'social/phase30', 'social/chrome-devtools-mcp',
  // sales
  'landing/phase30', 'battlecards/langgraph-cloud', 'battlecards/crewai', 'battlecards/autogen', 'battlecards/modal-railway',
  'battlecards/cursor-copilot', 'battlecards/windsurf-devin',
  'objections/phase30', 'one-pagers/phase30', 'press/phase30',
  // the SE kit: pre-demo checklist, 3-minute demo script, objection → champion table
  'enablement/phase30',
  // demos
  'storyboards/phase30-remote-agent', 'storyboards/agents-md-auto-generation', 'storyboards/cloudflare-artifacts',
  // audio scripts
  'voiceovers/phase30-announce', 'voiceovers/phase30-video-vo', 'voiceovers/phase30-video-vo-mandarin',
  'voiceovers/agents-md-narration', 'voiceovers/cloudflare-artifacts-narration', 'voiceovers/quickstart-audio',
  'voiceovers/chrome-devtools-mcp-summary',
  // launch operations
  'inventory/phase30', 'video/phase30-launch-video', 'roadmap/phase30', 'emails/phase30-day-1', 'emails/phase30-day-3',
  'emails/phase30-day-7', 'checklists/phase30-post-push',
];

describe('the Phase 30 launch pack', () => {
  test.each(DELIVERABLES)('has %s as valid content', (id) => {
    const entry = byId.get(id);
    expect(entry, `${id} is missing`).toBeDefined();
    expect(entry!.issues).toEqual([]);
  });

  test('publishes the blog posts and guides on the public site', () => {
    for (const entry of [...ofCollection('blog'), ...ofCollection('docs')]) {
      expect(entry.data, entry.file).toMatchObject({ audience: 'public', status: 'approved' });
    }
  });

  test('writes the announcement to phase30-announce.mp3 and the Mandarin cut in a Mandarin voice', () => {
    expect(dataOf<Voiceover>('voiceovers/phase30-announce').output).toBe('marketing/audio/phase30-announce.mp3');
    expect(dataOf<Voiceover>('voiceovers/phase30-video-vo').output).toBe('marketing/audio/phase30-video-vo.mp3');
    expect(dataOf<Voiceover>('voiceovers/phase30-video-vo-mandarin').voice).toMatch(/^zh-CN-/);
  });

  test.each(ofCollection('voiceovers').map((entry) => [entry.id, entry] as const))(
    'sizes %s so words ÷ WPM land within 10 % of its target',
    (_id, entry) => {
      const script = entry.data as Voiceover;
      const { seconds } = estimateSpeech(entry.body, script.wpm, script.language);
      expect(Math.abs(seconds - script.targetSeconds) / script.targetSeconds).toBeLessThanOrEqual(0.1);
    },
  );

  test('keeps every X post within 280 weighted characters and every post names its image', () => {
    for (const set of ofCollection('social')) {
      for (const post of (set.data as SocialPostSet).posts) {
        expect(post.image, `${set.file} ${post.id}`).toBe(`/marketing/assets/social/${(set.data as SocialPostSet).campaign}-${post.id}.png`);
        const measured = measureText(post.channel, post.text);
        expect(measured.ok, `${set.file} ${post.id}: ${measured.length}/${measured.limit}`).toBe(true);
      }
    }
  });

  test('has four X versions and a LinkedIn post for Phase 30, three and one for Chrome DevTools MCP', () => {
    const channels = (id: string) => dataOf<SocialPostSet>(id).posts.map((post) => post.channel).sort();
    expect(channels('social/phase30')).toEqual(['linkedin', 'x', 'x', 'x', 'x']);
    expect(channels('social/chrome-devtools-mcp')).toEqual(['linkedin', 'x', 'x', 'x']);
  });

  test('drives the live demo from a five-moment storyboard that covers every demo step', () => {
    const board = dataOf<DemoStoryboard>('storyboards/phase30-remote-agent');
    expect(board.live).toBe(true);
    expect(board.moments).toHaveLength(5);
    expect(new Set(board.moments.flatMap((moment) => moment.steps)).size).toBeGreaterThanOrEqual(8);
  });

  test('times the SE demo script at three minutes in 30/60/60/30-second segments', () => {
    const kit = dataOf<SalesEnablement>('enablement/phase30');
    expect(kit.demoSeconds).toBe(180);
    expect(kit.demoScript.map((segment) => segment.end - segment.start)).toEqual([30, 60, 60, 30]);
  });

  test('sources every battlecard statement about Cursor, Copilot, Windsurf and Devin with a footnote URL', () => {
    for (const id of ['battlecards/cursor-copilot', 'battlecards/windsurf-devin']) {
      const card = dataOf<Battlecard>(id);
      const body = byId.get(id)!.body;
      const refs = [...JSON.stringify([card.theirPitch, card.comparison, card.theyWinWhen]).matchAll(/\[\^([\w-]+)\]/g)].map((match) => match[1]!);
      expect(refs.length, id).toBeGreaterThan(2);
      for (const ref of refs) expect(body, `${id} [^${ref}]`).toMatch(new RegExp(`^\\[\\^${ref}\\]: .*https://`, 'm'));
    }
  });

  test('plays the Chrome DevTools MCP summary on its post and lists it in the inventory', () => {
    expect(dataOf<Voiceover>('voiceovers/chrome-devtools-mcp-summary').output).toBe('marketing/audio/chrome-devtools-mcp-summary.mp3');
    expect(byId.get('blog/chrome-devtools-mcp')!.body).toContain('<VoiceoverPlayer id="voiceovers/chrome-devtools-mcp-summary" />');
    const listed = (byId.get('inventory/phase30')!.data as { items: Array<{ path: string }> }).items.map((asset) => asset.path);
    expect(listed).toEqual(expect.arrayContaining(['marketing/audio/chrome-devtools-mcp-summary.mp3', 'marketing/audio/chrome-devtools-mcp-summary.vtt']));
  });

  test('covers Discord, Slack and Reddit in the community announcements', () => {
    const platforms = new Set((byId.get('community/phase30')!.data as { posts: Array<{ platform: string }> }).posts.map((post) => post.platform));
    expect([...platforms].sort()).toEqual(['discord', 'reddit', 'slack']);
  });
});
