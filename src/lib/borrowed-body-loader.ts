// Wraps a launch-room loader so published bodies are stored as placeholders the pipeline fills from the public build.
import type { Loader, LoaderContext } from 'astro/loaders';
import { explainUnpublishable, type PublishableFields } from '../../core/publishable.ts';
import { borrowedBodyPlaceholder } from '../../core/borrowed-bodies.ts';

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/** Marks a stored digest as "body borrowed", so the loader looks at the entry again on every build. */
const BORROWED_DIGEST_SUFFIX = '+borrowed-body';

/**
 * Wraps a content loader (launch room, under `npm run build` only) so each published entry is
 * stored without its MDX module: its body renders as a placeholder, filled after both builds
 * with the body the public build rendered (scripts/build-checks/steps/borrowed-bodies.ts). The
 * room then compiles, bundles and renders only what the public site does not publish.
 *
 * A borrowed entry's digest carries a suffix, so the glob loader never takes its "unchanged file"
 * shortcut for it: whether an entry is published can change with the build clock alone, and the
 * store must then hold its real module again.
 */
export function withBorrowedBodies(loader: Loader, now: Date): Loader {
  return {
    ...loader,
    name: `borrowed-bodies(${loader.name})`,
    load: async (context: LoaderContext) => {
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'set') {
            return (entry: StoredEntry) => {
              const published = explainUnpublishable(entry.data as unknown as PublishableFields, now) === undefined;
              if (!published || !entry.deferredRender) return target.set(entry);
              return target.set({
                ...entry,
                deferredRender: false,
                digest: entry.digest && `${entry.digest}${BORROWED_DIGEST_SUFFIX}`,
                rendered: { html: borrowedBodyPlaceholder(entry.id), metadata: { headings: [], imagePaths: [] } },
              });
            };
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      await loader.load({ ...context, store });
    },
  };
}
