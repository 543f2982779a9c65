// Step 2 (with --site only): asks the deployed site for every URL the checklist's site items list.
import type { ContentFile } from '../../../core/content-files.ts';
import { createLocator } from '../../../core/source-location.ts';
import type { Checklist } from '../../../core/schemas/checklist.ts';
import type { EvidenceItem } from '../../../core/schemas/release-report.ts';
import { probeSite, type SiteProbe } from '../lib/probe-site.ts';

/** A probe with the checklist line that asked for it and the evidence item it proves. */
export interface LocatedProbe extends SiteProbe {
  item: EvidenceItem;
  file: string;
  line: number;
  column: number;
}

/** Every `site-*` item's urls, with where each is written. */
export function listSiteUrls(
  content: readonly ContentFile[],
): Array<Omit<LocatedProbe, keyof SiteProbe> & { path: string }> {
  return content
    .filter((file) => file.collection === 'checklists' && file.data)
    .flatMap((file) => {
      const locate = createLocator(file.text);
      return (file.data as Checklist).phases.flatMap((phase, p) =>
        phase.items.flatMap((item, i) =>
          (item.evidence === 'site-pages' || item.evidence === 'site-files') && item.urls
            ? item.urls.map((path, u) => ({
                item: item.evidence as EvidenceItem,
                path,
                file: file.file,
                ...locate(file.offsetOf(['phases', p, 'items', i, 'urls', u]) ?? 0),
              }))
            : [],
        ),
      );
    });
}

/** Probes them all against `site`. */
export async function probeLiveSite(
  site: string,
  content: readonly ContentFile[],
  signal: AbortSignal,
): Promise<LocatedProbe[]> {
  const wanted = listSiteUrls(content);
  const probes = await probeSite(
    site,
    wanted.map((want) => want.path),
    signal,
  );
  return probes.map((probe, index) => ({ ...probe, ...wanted[index]!, path: probe.path }));
}
