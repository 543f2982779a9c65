// What a blog post's share card says, and the date format the site writes everywhere: one definition for the pages, the cards and the tests.

/** Open Graph card size every share image uses. */
export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

/** The words on a share card (the renderer lays them out). */
export interface ShareCardText {
  title: string;
  eyebrow?: string;
  subtitle?: string;
}

// One formatter for the whole build: toLocaleDateString builds a new one per call, which cost
// a second of a 1,000-post build (every post's date shows on its page, index and tags).
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `20 April 2026` in UTC, the way every date on the site is written. */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** A post's card: its title, the blog's eyebrow, and who wrote it when. */
export function blogShareCard(post: { title: string; author: string; published: Date }): ShareCardText {
  return { title: post.title, eyebrow: 'Molecule AI blog', subtitle: `${post.author} · ${formatDate(post.published)}` };
}
