// Schema of a community announcement: one post per Discord, Slack or Reddit channel.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** One message for one community channel. */
export const CommunityPostSchema = z
  .object({
    /** Platform: limits differ (Discord 2,000 characters). */
    platform: z.enum(['discord', 'slack', 'reddit']),
    /** Channel or subreddit, e.g. "#announcements" or "r/LocalLLaMA". */
    room: z.string().min(1),
    /** Reddit needs a title. */
    title: z.string().optional(),
    /** The message as it will be pasted. */
    text: z.string().min(1),
  })
  .strict();

/** Community announcements (Discord, Slack, Reddit); MDX body holds posting notes. */
export const CommunityAnnouncementSchema = defineKindSchema(
  {
    /** When to post, e.g. "launch day 09:00 UTC". */
    postAt: z.string().min(1),
    posts: z.array(CommunityPostSchema).min(1),
  },
  ['internal'],
);
export type CommunityAnnouncement = z.output<typeof CommunityAnnouncementSchema>;
