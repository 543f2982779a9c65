// Rule `manifest`: every generated file is listed, untouched, fresh and generated, and nothing unlisted sits in marketing/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashFile } from '../../../core/hash.ts';
import { MANIFEST_PATH } from '../../../core/manifest.ts';
import type { Check, CheckContext, Finding } from '../check.ts';
import { offsetOfYamlPath } from '../../../core/yaml-path.ts';
import { resolveAllReferences } from '../lib/resolve-reference.ts';

/** Where a manifest entry is written in marketing/manifest.json. */
function entryLocation(ctx: CheckContext, path: string): Pick<Finding, 'file' | 'offset'> {
  const doc = ctx.sources.manifestDoc;
  return { file: MANIFEST_PATH, offset: doc ? offsetOfYamlPath(doc, ['entries', path], true) : 0 };
}

/** The content line that names an output (a voice-over's `output:`, a `<Figure src>`), else the manifest. */
function sourceLocation(ctx: CheckContext, path: string): Pick<Finding, 'file' | 'offset'> {
  const voiceoversFirst = [...ctx.sources.content].sort(
    (a, b) => Number(b.collection === 'voiceovers') - Number(a.collection === 'voiceovers'),
  );
  for (const probe of [path, path.replace(/\.vtt$/, '.mp3')]) {
    for (const entry of voiceoversFirst) {
      const index = entry.text.indexOf(probe);
      if (index !== -1) return { file: entry.file, offset: index };
    }
  }
  return ctx.sources.manifest.entries[path] ? entryLocation(ctx, path) : { file: MANIFEST_PATH, offset: 0 };
}

/** sha256 of every file under marketing/ and public/, computed once per run. */
export async function hashAssetFiles(ctx: CheckContext): Promise<Map<string, string>> {
  return ctx.memo('asset-hashes', async () => {
    const files = [...ctx.sources.files.marketing, ...ctx.sources.files.public]
      .filter((file) => file !== MANIFEST_PATH)
      .sort();
    const digests = await Promise.all(files.map((file) => hashFile(join(ctx.sources.root, file))));
    return new Map(files.map((file, index) => [file, digests[index]!]));
  });
}

/**
 * The manifest tells the truth about marketing/: every listed file exists with the bytes its
 * generator wrote, nothing is stale against its generator's plan, nothing in marketing/ is
 * unlisted, and no binary is offered under two names.
 */
export const manifestCheck: Check = {
  id: 'manifest',
  phase: 'source',
  description: 'generated files exist, are unedited, fresh and unique; marketing/ holds only listed files',
  async run(ctx) {
    const { manifest, files, plans } = ctx.sources;
    const hashes = await hashAssetFiles(ctx);
    for (const [path, entry] of Object.entries(manifest.entries).sort(([a], [b]) => a.localeCompare(b))) {
      if (!path.startsWith('marketing/')) {
        ctx.report({
          ...entryLocation(ctx, path),
          message: `lists ${path}, which is outside marketing/`,
          hint: 'generators write under marketing/ only',
        });
        continue;
      }
      const actual = hashes.get(path);
      if (!files.marketing.has(path) || actual === undefined) {
        ctx.report({
          ...entryLocation(ctx, path),
          message: `listed file ${path} is missing`,
          hint: `regenerate it with ${entry.command}`,
        });
        continue;
      }
      if (actual !== entry.bytesHash) {
        ctx.report({
          ...entryLocation(ctx, path),
          message: `${path} was changed after ${entry.generator} wrote it (bytes hash mismatch)`,
          hint: `regenerate it with ${entry.command}; hand-made files belong in public/`,
        });
      }
    }
    // A missing output that content references is already an `asset` error with this command.
    const reported = new Set(
      resolveAllReferences(ctx).flatMap(({ resolution }) =>
        resolution.status === 'broken' && resolution.repoFile ? [resolution.repoFile] : [],
      ),
    );
    for (const output of plans.outputs) {
      const entry = manifest.entries[output.path];
      if (!entry && reported.has(output.path)) continue;
      if (!entry) {
        ctx.report({
          ...sourceLocation(ctx, output.path),
          message: `${output.path} has never been generated`,
          hint: `run ${output.command}`,
        });
      } else if (entry.inputsHash !== output.inputsHash) {
        const from = entry.sources.length ? ` (${entry.sources.join(', ')})` : '';
        // Point at what changed (the first recorded source) when it still exists.
        const source = entry.sources.find((file) => existsSync(join(ctx.sources.root, file)));
        ctx.report({
          ...(source ? { file: source, offset: 0 } : sourceLocation(ctx, output.path)),
          message: `${output.path} is stale: its inputs${from} changed since it was made`,
          hint: `run ${output.command}`,
        });
      }
    }
    for (const failure of plans.failures) {
      ctx.report({
        file: failure.file,
        line: 1,
        column: 1,
        message: `cannot tell whether ${failure.generator} outputs are fresh: ${failure.message}`,
      });
    }
    for (const file of files.marketing) {
      if (file === MANIFEST_PATH || manifest.entries[file]) continue;
      ctx.report({
        file,
        line: 1,
        column: 1,
        message: `${file} is not in ${MANIFEST_PATH}`,
        hint: 'marketing/ holds generated files only: regenerate it with its generator, or move a hand-made file to public/',
      });
    }
    const firstByHash = new Map<string, string>();
    for (const [file, hash] of hashes) {
      const first = firstByHash.get(hash);
      if (!first) {
        firstByHash.set(hash, file);
        continue;
      }
      const where = manifest.entries[file] ? entryLocation(ctx, file) : { file, offset: 0 };
      ctx.report({
        ...where,
        message: `${file} has the same bytes as ${first}: one binary offered as two different assets`,
        hint: 'keep one file and point every reference at it, or make the variants really differ',
      });
    }
  },
};
