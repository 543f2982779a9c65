// Stage: what starts once the launch room is built while the public site is still being written — its fill and the public prescan.
import { astroWorkDir } from './astro-build.ts';
import type { Sources } from './collect.ts';
import type { OutputPrescan } from './output-prescan.ts';
import type { RoomStage } from './room-stage.ts';
import type { RunState } from './run-checks.ts';

/** What the pipeline tells it and asks of it; see {@link earlyOutput}. */
export interface EarlyOutput {
  /** A site is built and in place (from `buildAudiences`' `onBuilt`). */
  built(audience: 'public' | 'internal'): void;
  /** The stage and the prescan exist now (they need the rules and the sources, read after Astro started). */
  ready(stage: RoomStage | undefined, startPrescan: (draft: string, until: Promise<void>) => OutputPrescan): void;
  /** Once the public build is over: the pages read ahead that are still the same files, handed to the run. */
  adopt(sources: Sources, state: RunState): Promise<void>;
  /** Stops reading ahead (a run that ends early must not leave the prescan looking for pages). */
  stop(): void;
}

/**
 * When the launch room is built first while the public site builds into `dirs.public`, the stage
 * fills launch-room pages and this thread reads the public pages as Astro writes them, both in the
 * time the second core has while the public build renders. Nothing happens when the public site
 * is not being built or finishes first.
 */
export function earlyOutput(
  root: string,
  dirs: Record<'public' | 'internal', string>,
  buildingPublic: boolean,
): EarlyOutput {
  const done = new Set<string>();
  let publicOver: () => void = () => undefined;
  const publicDone = new Promise<void>((resolve) => (publicOver = resolve));
  let start: (() => void) | undefined;
  let prescan: OutputPrescan | undefined;
  const maybeStart = () => {
    if (buildingPublic && done.has('internal') && !done.has('public')) start?.();
  };
  return {
    built(audience) {
      done.add(audience);
      if (audience === 'public') publicOver();
      maybeStart();
    },
    ready(stage, startPrescan) {
      const draft = astroWorkDir(root, 'public');
      start = () => {
        start = undefined;
        stage?.roomBuilt({ internal: dirs.internal, draft });
        prescan = startPrescan(draft, publicDone);
      };
      maybeStart();
    },
    async adopt(sources, state) {
      publicOver();
      await prescan?.adopt(sources, state, dirs.public);
    },
    stop: () => publicOver(),
  };
}
