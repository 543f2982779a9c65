// The commit the evidence belongs to (`git rev-parse HEAD`), or null outside a git checkout.
import { execa } from 'execa';

/** Full hash of HEAD under `root`, with `-dirty` when tracked files have uncommitted changes. */
export async function readCommit(root: string): Promise<string | null> {
  const head = await execa('git', ['rev-parse', 'HEAD'], { cwd: root, reject: false });
  if (head.exitCode !== 0) return null;
  const status = await execa('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, reject: false });
  return `${String(head.stdout).trim()}${String(status.stdout).trim() ? '-dirty' : ''}`;
}
