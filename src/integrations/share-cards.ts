// Renders every published post's share card beside the public build and places it at /og/blog/<name>.png.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';
import { readContent } from '../../core/content-files.ts';
import { isPublishable, parseBuildNow, type PublishableFields } from '../../core/publishable.ts';
import { blogShareCard, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH } from '../../core/share-card.ts';
import { ogImagePath, pathForEntry } from '../../core/site-urls.ts';
import { locationAt } from '../../core/source-location.ts';
import { createBrandCardCache, type BrandCardCache } from '../../scripts/lib/brand-card-cache.ts';
import type { BrandCardOptions } from '../../scripts/lib/brand-card.ts';
import { renderCardsOffThread, type CardJob } from '../../scripts/lib/card-worker.ts';
import { linkFile } from '../../scripts/lib/link-tree.ts';

/** One card the public site needs: the post it belongs to and where the site serves it. */
interface PlannedCard {
  /** `content/blog/x.mdx:3:1`, where the title that goes on the card is written. */
  source: string;
  /** Site path of the post's page, `/blog/x/`. */
  page: string;
  /** Site path of its card, `/og/blog/x.png`. */
  path: string;
  card: BrandCardOptions;
}

type PostData = PublishableFields & { title: string; author: string; published: Date };

/** The cards of the posts the public build publishes at `now`: the same files and the same rule as its loaders. */
function planCards(root: string, now: Date): PlannedCard[] {
  return readContent(root, ['blog']).flatMap((file) => {
    const data = file.data as PostData | undefined;
    // An invalid post fails Astro's own schema check, with its location; it gets no card.
    if (!data || !isPublishable(data, now)) return [];
    const at = locationAt(file.text, file.offsetOf(['title']) ?? 0);
    return [
      {
        source: `${file.file}:${at.line}:${at.column}`,
        page: pathForEntry(file.id),
        path: ogImagePath(file.id),
        card: { ...blogShareCard(data), width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT },
      },
    ];
  });
}

/**
 * The public site's post cards, outside Astro's page loop: a card is an image, not a page, and as
 * an endpoint each cost Astro ~7 ms of its one-page-at-a-time rendering even when cached. Missing
 * cards render on a worker thread from the start of the build; when it is done, each is
 * hard-linked from the card cache (node_modules/.cache/og-cards) into the site. `astro dev`
 * renders them on request.
 */
export function shareCards(audience: 'public' | 'internal'): AstroIntegration {
  let root = '';
  let cache: BrandCardCache | undefined;
  let planned: PlannedCard[] = [];
  let rendering: CardJob | undefined;
  const openCache = () => (cache ??= createBrandCardCache({ root }));
  return {
    name: 'share-cards',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        root = fileURLToPath(new URL('..', config.srcDir));
        if (audience !== 'public' || command !== 'build') return;
        planned = planCards(root, parseBuildNow(process.env.BUILD_NOW));
        rendering = renderCardsOffThread(
          root,
          planned.map((item) => item.card),
        );
      },
      'astro:server:setup': ({ server }) => {
        if (audience !== 'public') return;
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? '').split('?')[0]!;
          if (!path.startsWith('/og/blog/')) return next();
          const wanted = planCards(root, parseBuildNow(process.env.BUILD_NOW)).find((item) => item.path === path);
          if (!wanted) return next();
          openCache()
            .render(wanted.card)
            .then((png) => response.setHeader('Content-Type', 'image/png').end(png), next);
        });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!rendering) return;
        const started = performance.now();
        const results = await rendering.results();
        const failed = results.flatMap((result, index) =>
          'error' in result ? [`${planned[index]!.source} share card not rendered: ${result.error}`] : [],
        );
        if (failed.length > 0) throw new Error(failed.join('\n'));
        const mismatches = findCardMismatches(planned, pages);
        if (mismatches.length > 0) throw new Error(`share cards and post pages disagree:\n${mismatches.join('\n')}`);
        const outDir = fileURLToPath(dir);
        const placeAll = pLimit(32);
        await Promise.all(
          results.map((result, index) =>
            placeAll(async () => {
              if ('error' in result) return;
              const target = join(outDir, planned[index]!.path);
              await mkdir(dirname(target), { recursive: true });
              // The cache could not store it (a full or read-only disk): its bytes are written instead.
              await (result.png ? writeFile(target, result.png) : linkFile(result.path, target));
            }),
          ),
        );
        logger.info(
          `${results.length} share cards placed in ${Math.round(performance.now() - started)} ms after the pages`,
        );
      },
    },
  };
}

/**
 * What disagrees between the cards (from the content rule) and the post pages (from Astro's
 * loaders): a post page without its card, or a card without its page. Both would be a bug.
 */
export function findCardMismatches(
  planned: ReadonlyArray<Pick<PlannedCard, 'source' | 'page'>>,
  pages: ReadonlyArray<{ pathname: string }>,
): string[] {
  const built = new Set(pages.map((page) => `/${page.pathname}`.replace(/\/?$/, '/').replace(/^\/\//, '/')));
  const carded = new Set(planned.map((item) => item.page));
  const posts = [...built].filter((path) => /^\/blog\/(?!tags\/)[^/]+\/$/.test(path));
  return [
    ...posts.filter((path) => !carded.has(path)).map((path) => `${path} was built without a share card`),
    ...planned
      .filter((item) => !built.has(item.page))
      .map((item) => `${item.source} has a share card but its page ${item.page} was not built`),
  ];
}
