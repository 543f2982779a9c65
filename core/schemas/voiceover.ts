// Schema of a voice-over script: voice, prosody, target length, pace and output path.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** Default English voice. */
export const DEFAULT_VOICE = 'en-US-AriaNeural';

/**
 * A voice-over script; the Markdown body is the text read aloud.
 * Pause markup: a line `[pause 800ms]`; emphasis: `*word*`.
 */
export const VoiceoverSchema = defineKindSchema(
  {
    /** Edge neural voice name. */
    voice: z
      .string()
      .regex(/^[a-z]{2,3}-[A-Z]{2}-\w+Neural$/, 'expected an Edge voice like en-US-AriaNeural')
      .default(DEFAULT_VOICE),
    /** BCP-47 language of the text (counts words or characters accordingly). */
    language: z.string().default('en-US'),
    /** Prosody rate, e.g. "+0%" or "-10%". */
    rate: z
      .string()
      .regex(/^[+-]\d{1,3}%$/)
      .default('+0%'),
    /** Prosody pitch, e.g. "+0Hz". */
    pitch: z
      .string()
      .regex(/^[+-]\d{1,3}Hz$/)
      .default('+0Hz'),
    /** Prosody volume, e.g. "+0%". */
    volume: z
      .string()
      .regex(/^[+-]\d{1,3}%$/)
      .default('+0%'),
    /** Intended length in seconds. Words ÷ WPM must land within ±10 %. */
    targetSeconds: z.number().positive(),
    /** Speaking pace used for planning (words per minute; characters per minute for Chinese). */
    wpm: z.number().positive(),
    /** Output MP3 path in the repo, under marketing/. */
    output: z.string().regex(/^marketing\/[\w./-]+\.mp3$/, 'expected marketing/<path>.mp3'),
  },
  ['internal', 'public'],
);
export type Voiceover = z.output<typeof VoiceoverSchema>;
export type VoiceoverInput = z.input<typeof VoiceoverSchema>;
