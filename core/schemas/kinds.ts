// The one registry of content kinds: collection name, folder under content/ and schema, for Astro and scripts alike.
import type { z } from 'astro/zod';
import { BlogPostSchema } from './blog-post.ts';
import { GuideSchema } from './guide.ts';
import { BattlecardSchema } from './battlecard.ts';
import { ObjectionHandlerSchema } from './objection-handler.ts';
import { SalesEnablementSchema } from './sales-enablement.ts';
import { LandingCopySchema } from './landing-copy.ts';
import { OnePagerSchema } from './one-pager.ts';
import { PressReleaseSchema } from './press-release.ts';
import { CommunityAnnouncementSchema } from './community-announcement.ts';
import { HnLaunchGuideSchema } from './hn-launch-guide.ts';
import { SocialPostSetSchema } from './social-post-set.ts';
import { EmailSchema } from './email.ts';
import { VoiceoverSchema } from './voiceover.ts';
import { DemoStoryboardSchema } from './demo-storyboard.ts';
import { VideoPackageSchema } from './video-package.ts';
import { RoadmapBriefSchema } from './roadmap-brief.ts';
import { ChecklistSchema } from './checklist.ts';
import { AssetInventorySchema } from './asset-inventory.ts';

/** One content kind: the Astro collection it becomes, the folder under content/, and its schema. */
export interface ContentKind {
  /** Folder under `content/`. */
  dir: string;
  /** Human name used in messages and the launch room. */
  label: string;
  schema: z.ZodType;
}

/**
 * Every content kind, keyed by Astro collection name. The guides collection is called `docs`
 * because Starlight renders it.
 */
export const CONTENT_KINDS = {
  blog: { dir: 'blog', label: 'blog post', schema: BlogPostSchema },
  docs: { dir: 'guides', label: 'guide', schema: GuideSchema },
  battlecards: { dir: 'battlecards', label: 'battlecard', schema: BattlecardSchema },
  objections: { dir: 'objections', label: 'objection handlers', schema: ObjectionHandlerSchema },
  enablement: { dir: 'enablement', label: 'sales enablement kit', schema: SalesEnablementSchema },
  landing: { dir: 'landing', label: 'landing copy', schema: LandingCopySchema },
  onePagers: { dir: 'one-pagers', label: 'one-pager', schema: OnePagerSchema },
  press: { dir: 'press', label: 'press release', schema: PressReleaseSchema },
  community: { dir: 'community', label: 'community announcement', schema: CommunityAnnouncementSchema },
  hn: { dir: 'hn', label: 'Hacker News launch guide', schema: HnLaunchGuideSchema },
  social: { dir: 'social', label: 'social post set', schema: SocialPostSetSchema },
  emails: { dir: 'emails', label: 'email', schema: EmailSchema },
  voiceovers: { dir: 'voiceovers', label: 'voice-over script', schema: VoiceoverSchema },
  storyboards: { dir: 'storyboards', label: 'demo storyboard', schema: DemoStoryboardSchema },
  video: { dir: 'video', label: 'video production package', schema: VideoPackageSchema },
  roadmap: { dir: 'roadmap', label: 'roadmap brief', schema: RoadmapBriefSchema },
  checklists: { dir: 'checklists', label: 'post-push checklist', schema: ChecklistSchema },
  inventory: { dir: 'inventory', label: 'asset inventory', schema: AssetInventorySchema },
} as const satisfies Record<string, ContentKind>;
export type CollectionName = keyof typeof CONTENT_KINDS;

/** Glob for the files of one kind, relative to `content/`. */
export const CONTENT_PATTERN = '*.{md,mdx}';
