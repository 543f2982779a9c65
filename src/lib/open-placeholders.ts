// Every open placeholder in content/ with its file:line:col, for the checklist page.
import { readContent } from '../../core/content-files.ts';
import { findPlaceholders } from '../../core/placeholders.ts';
import { createLocator } from '../../core/source-location.ts';

/** One unresolved placeholder somewhere in content/. */
export interface OpenPlaceholder {
  /** Repo-relative file. */
  file: string;
  line: number;
  column: number;
  /** As written, e.g. `[NAME]`. */
  text: string;
  /** Entry id, e.g. `press/phase30`. */
  id: string;
  /** Editorial status of the entry (placeholders are expected while `draft` or `review`). */
  status: string | undefined;
}

const perBuild = new Map<string, OpenPlaceholder[]>();

/**
 * Every placeholder left in every content file (frontmatter and body), with its line and column.
 * An email's own merge fields (`{{first_name}}`) are not placeholders. Two launch-room pages show
 * them and a build's content does not change while its pages render, so a build reads the content
 * once for both (a third of a second on a thousand posts); `astro dev` reads it every time.
 */
export function listOpenPlaceholders(root: string): OpenPlaceholder[] {
  if (import.meta.env.DEV) return findOpenPlaceholders(root);
  let found = perBuild.get(root);
  if (!found) perBuild.set(root, (found = findOpenPlaceholders(root)));
  return found;
}

function findOpenPlaceholders(root: string): OpenPlaceholder[] {
  return readContent(root).flatMap((file) => {
    const data = file.data as { mergeFields?: string[]; status?: string } | undefined;
    const locate = createLocator(file.text);
    return findPlaceholders(file.text, data?.mergeFields ?? []).map((found) => ({
      file: file.file,
      ...locate(found.offset),
      text: found.text,
      id: file.id,
      status: data?.status,
    }));
  });
}
