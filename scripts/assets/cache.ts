// Why an asset is stale (inputs hash, missing or edited file) and the tool versions that go into its hash.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { hashFile } from '../../core/hash.ts';
import type { Manifest } from '../../core/manifest.ts';
import { outputsOf, type AssetJob } from './jobs.ts';

const run = promisify(execFile);
export const DEFAULT_VERSION_TIMEOUT_MS = 10_000;

/**
 * Why a job must run, or `undefined` when every output is in the manifest with the same inputs
 * hash, the file on disk still has the recorded bytes, and (for diagrams) was drawn by the same
 * Chromium version. A hand-edited or deleted output is re-rendered, never trusted.
 */
export async function staleReason(
  root: string,
  job: AssetJob,
  manifest: Manifest,
  chromiumVersion?: string,
): Promise<string | undefined> {
  for (const path of outputsOf(job)) {
    const entry = manifest.entries[path];
    if (!entry) return 'new';
    if (entry.inputsHash !== job.inputsHash) return 'inputs changed';
    if (!existsSync(join(root, path))) return `${path} missing`;
    if ((await hashFile(join(root, path))) !== entry.bytesHash) return `${path} changed since it was rendered`;
    const renderedWith = entry.details?.chromium;
    if (job.kind === 'diagram' && chromiumVersion && renderedWith !== chromiumVersion)
      return `Chromium ${String(renderedWith ?? 'unknown')} → ${chromiumVersion}`;
  }
  return undefined;
}

/** `156.0.8078.79` from `chromium --version` (a fraction of a second; opens no browser window). */
export async function readChromiumVersion(executablePath: string): Promise<string> {
  const { stdout } = await run(executablePath, ['--version'], { timeout: DEFAULT_VERSION_TIMEOUT_MS });
  return parseBrowserVersion(stdout);
}

/** The dotted version inside `Chromium 156.0.8078.79 built on …` or `Chrome/156.0.8078.79`. */
export function parseBrowserVersion(text: string): string {
  const match = /(\d+\.\d+\.\d+\.\d+)/.exec(text);
  if (!match) throw new Error(`cannot read a browser version from "${text.trim().slice(0, 80)}"`);
  return match[1]!;
}
