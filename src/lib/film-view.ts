import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One segment of a rendered film as the launch room shows it: stated and measured times. */
export interface FilmSegmentRow {
  title: string;
  stated: { start: number; end: number };
  measured: { start: number; end: number };
  /** Largest difference of start or end, seconds. */
  offBy: number;
}

/** A rendered film (from `npm run video`) for a storyboard or video page. */
export interface FilmView {
  present: boolean;
  src: string;
  captions: string;
  poster: string;
  measuredSeconds: number;
  draft: boolean;
  segments: FilmSegmentRow[];
}

/**
 * Reads `marketing/video/<name>.timeline.json` and the manifest entry of its MP4, and lines the
 * measured segments up with the content's stated timecodes. `present: false` when not rendered.
 */
export function readFilmView(
  name: string,
  stated: ReadonlyArray<{ title: string; start: number; end: number }>,
  root = process.cwd(),
): FilmView {
  const base = `/marketing/video/${name}`;
  const empty: FilmView = {
    present: false,
    src: `${base}.mp4`,
    captions: `${base}.vtt`,
    poster: `${base}-poster.png`,
    measuredSeconds: 0,
    draft: false,
    segments: [],
  };
  const path = join(root, 'marketing/video', `${name}.timeline.json`);
  if (!existsSync(path) || !existsSync(join(root, 'marketing/video', `${name}.mp4`))) return empty;
  const timeline = JSON.parse(readFileSync(path, 'utf8')) as {
    measuredSeconds: number;
    segments: Array<{ start: number; end: number }>;
  };
  const manifest = JSON.parse(readFileSync(join(root, 'marketing/manifest.json'), 'utf8')) as {
    entries: Record<string, { draft?: boolean }>;
  };
  const segments = stated.map((segment, index) => {
    const measured = timeline.segments[index] ?? { start: Number.NaN, end: Number.NaN };
    return {
      title: segment.title,
      stated: { start: segment.start, end: segment.end },
      measured,
      offBy: Math.max(Math.abs(segment.start - measured.start), Math.abs(segment.end - measured.end)),
    };
  });
  return {
    ...empty,
    present: true,
    measuredSeconds: timeline.measuredSeconds,
    draft: manifest.entries[`marketing/video/${name}.mp4`]?.draft ?? false,
    segments,
  };
}
