// Names and paths of the captures `npm run video` makes (the films' paths come from their content files).
/** Output paths of the captures. */
export const CAPTURES = {
  canvas: 'marketing/assets/phase30-canvas-remote-badge.png',
  gif: 'marketing/assets/phase30-registration-flow.gif',
} as const;

/** The GIF's frame rate, width and size limit. */
export const GIF_SPEC = { fps: 10, width: 960, maxBytes: 2 * 1024 * 1024 } as const;
