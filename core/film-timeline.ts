// The rendered films' file names and the measured timeline each film writes beside it (read by the build and the launch room).

/** Where the films, their captions, posters and timelines live. */
export const FILM_DIR = 'marketing/video';

/** Repo-relative output paths of a film. */
export function filmOutputs(name: string): { video: string; captions: string; poster: string; timeline: string } {
  return {
    video: `${FILM_DIR}/${name}.mp4`,
    captions: `${FILM_DIR}/${name}.vtt`,
    poster: `${FILM_DIR}/${name}-poster.png`,
    timeline: `${FILM_DIR}/${name}.timeline.json`,
  };
}

/** The measured timeline written beside each film (what the timecode rule and the launch room read). */
export interface FilmTimeline {
  version: number;
  film: string;
  source: string;
  fps: number;
  frames: number;
  /** ffprobe's duration of the MP4. */
  measuredSeconds: number;
  segments: Array<{ id: string; title: string; start: number; end: number }>;
  scenes: Array<{ kind: string; segment: string; start: number; end: number }>;
  captions: string;
  poster: string;
  inputsHash: string;
}
