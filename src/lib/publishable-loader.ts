// Wraps an Astro loader so the public build keeps only publishable entries.
import type { Loader, LoaderContext } from 'astro/loaders';
import { explainUnpublishable, type PublishableFields } from '../../core/publishable.ts';

/**
 * Wraps a content loader so unpublishable entries never enter the store (public build only):
 * Starlight, feeds, the sitemap and Pagefind can only see what is stored, and an MDX file that
 * is never stored is never compiled into the bundle. Each held-back entry is logged with why.
 */
export function withPublishableFilter(loader: Loader, now: Date): Loader {
  return {
    ...loader,
    name: `publishable(${loader.name})`,
    load: async (context: LoaderContext) => {
      const held = new Set<string>();
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'set') {
            return (entry: Parameters<LoaderContext['store']['set']>[0]) => {
              const reason = explainUnpublishable(entry.data as unknown as PublishableFields, now);
              if (reason === undefined) return target.set(entry);
              held.add(`${entry.id} (${reason})`);
              target.delete(entry.id);
              return false;
            };
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      await loader.load({ ...context, store });
      // A cached store from an older build may still hold entries that are no longer publishable.
      for (const [id, entry] of context.store.entries()) {
        const reason = explainUnpublishable(entry.data as unknown as PublishableFields, now);
        if (reason !== undefined) {
          held.add(`${id} (${reason})`);
          context.store.delete(id);
        }
      }
      // Internal pieces are held back by design; drafts and embargoes are worth a line in the log.
      const notable = [...held].filter((line) => !line.endsWith('(audience is internal)')).sort();
      if (notable.length > 0) context.logger.info(`held back from the public site: ${notable.join(', ')}`);
    },
  };
}
