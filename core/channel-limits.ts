// Channel limits (X, LinkedIn, Discord, Slack, HN, email) and how each channel counts a text's length.
import twitterText from 'twitter-text';

/** Every channel whose length we police, with its limit and how it counts. */
export const CHANNEL_LIMITS = {
  x: { limit: 280, unit: 'weighted characters' },
  linkedin: { limit: 3000, unit: 'characters' },
  discord: { limit: 2000, unit: 'characters' },
  slack: { limit: 4000, unit: 'characters' },
  reddit: { limit: 40000, unit: 'characters' },
  'reddit-title': { limit: 300, unit: 'characters' },
  'hn-title': { limit: 80, unit: 'characters' },
  'email-subject': { limit: 60, unit: 'characters' },
  'email-preview': { limit: 100, unit: 'characters' },
} as const;
export type Channel = keyof typeof CHANNEL_LIMITS;

/** A measured piece of text against its channel's limit. */
export interface Measurement {
  channel: Channel;
  length: number;
  limit: number;
  unit: string;
  ok: boolean;
}

/**
 * Measures text the way the channel does: X uses twitter-text's own weighting (URLs count
 * 23, CJK and emoji count double); the others count Unicode code points.
 */
export function measureText(channel: Channel, text: string): Measurement {
  const { limit, unit } = CHANNEL_LIMITS[channel];
  const length = channel === 'x' ? twitterText.parseTweet(text).weightedLength : [...text].length;
  return { channel, length, limit, unit, ok: length <= limit };
}
