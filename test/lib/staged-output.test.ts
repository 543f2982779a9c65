// Tests of atomic publishing: folder swaps and staged file sets.
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openFileStage, publishDirectory, STAGE_DIR } from '../../scripts/lib/staged-output.ts';

async function siteWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'stage-test-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('publishDirectory', () => {
  test('keeps the previous folder byte for byte when the build fails, and leaves no sibling', async () => {
    const root = await siteWith({ 'dist/public/index.html': '<html>old</html>' });
    const published = await publishDirectory(join(root, 'dist'), async (temp) => {
      await mkdir(join(temp, 'public'));
      await writeFile(join(temp, 'public', 'index.html'), '');
      return false;
    });
    expect(published).toBe(false);
    expect(await readFile(join(root, 'dist/public/index.html'), 'utf8')).toBe('<html>old</html>');
    expect(await readdir(root)).toEqual(['dist']);
  });

  test('keeps the previous folder when the build throws', async () => {
    const root = await siteWith({ 'dist/a.txt': 'old' });
    await expect(
      publishDirectory(join(root, 'dist'), async () => {
        throw new Error('astro crashed');
      }),
    ).rejects.toThrow('astro crashed');
    expect(await readFile(join(root, 'dist/a.txt'), 'utf8')).toBe('old');
    expect(await readdir(root)).toEqual(['dist']);
  });

  test('swaps the new folder in whole when the build passes', async () => {
    const root = await siteWith({ 'dist/stale.txt': 'old' });
    await publishDirectory(join(root, 'dist'), async (temp) => {
      await writeFile(join(temp, 'fresh.txt'), 'new');
      return true;
    });
    expect(await readdir(join(root, 'dist'))).toEqual(['fresh.txt']);
    expect(await readdir(root)).toEqual(['dist']);
  });
});

describe('openFileStage', () => {
  test('moves staged files into place on commit, the manifest last', async () => {
    const root = await siteWith({ 'marketing/audio/a.mp3': 'old' });
    const stage = await openFileStage(root);
    await writeFile(await stage.pathFor('marketing/manifest.json'), '{}');
    await writeFile(await stage.pathFor('marketing/audio/a.mp3'), 'new');
    const moved = await stage.commit({ last: ['marketing/manifest.json'] });
    expect(moved).toEqual(['marketing/audio/a.mp3', 'marketing/manifest.json']);
    expect(await readFile(join(root, 'marketing/audio/a.mp3'), 'utf8')).toBe('new');
    expect(await readdir(join(root, STAGE_DIR))).toEqual([]);
  });

  test('discard leaves the outputs untouched and removes the stage', async () => {
    const root = await siteWith({ 'marketing/audio/a.mp3': 'old' });
    const stage = await openFileStage(root);
    await writeFile(await stage.pathFor('marketing/audio/a.mp3'), 'draft');
    await stage.discard();
    await stage.discard();
    expect(await readFile(join(root, 'marketing/audio/a.mp3'), 'utf8')).toBe('old');
    expect(await readdir(join(root, STAGE_DIR))).toEqual([]);
  });

  test('refuses an output outside the checkout', async () => {
    const root = await siteWith({});
    const stage = await openFileStage(root);
    await expect(stage.pathFor('../elsewhere.txt')).rejects.toThrow('outside the checkout');
    await stage.discard();
  });
});
