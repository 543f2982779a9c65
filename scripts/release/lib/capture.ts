// What one evidence command printed and how it ended, saved so `--evidence <dir>` can re-read a run without running it.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';

/** One command's recorded run. `available: false` means the command does not exist (yet). */
export const CaptureSchema = z
  .object({
    kind: z.string(),
    command: z.string(),
    available: z.boolean(),
    exitCode: z.number().int().nullable(),
    stdout: z.string(),
    stderr: z.string(),
    /** ISO time the command finished. */
    at: z.string(),
    /** Commit the command ran on. */
    commit: z.string().nullable(),
  })
  .strict();
export type Capture = z.output<typeof CaptureSchema>;

/** Where a normal run leaves its captures (git-ignored); `--evidence .cache/release/evidence` re-reads them. */
export const CAPTURE_DIR = '.cache/release/evidence';

/** `<dir>/<kind>.json`. */
export function captureFile(dir: string, kind: string): string {
  return join(dir, `${kind}.json`);
}

/** Saves a capture for a later `--evidence` run. */
export async function saveCapture(dir: string, capture: Capture): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(captureFile(dir, capture.kind), `${JSON.stringify(capture, null, 2)}\n`);
}

/** Reads `<dir>/<kind>.json`; undefined when there is none, an error naming the file when it is malformed. */
export async function loadCapture(dir: string, kind: string): Promise<Capture | undefined> {
  const file = captureFile(dir, kind);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = CaptureSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
