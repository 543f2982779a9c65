// The `doctest` frontmatter field of guides and posts: the page's alternatives and the lines the runner maps to loopback.
import { z } from 'astro/zod';

/** One mapping: every runnable line on the page containing `find` runs with it replaced by `with`. */
export const DoctestMappingSchema = z
  .object({
    /** Text as the reader's block has it (a tunnel command, a placeholder URL, `read -rs ADMIN_TOKEN`). */
    find: z.string().min(1),
    /** What the runner uses instead; `$DOCTEST_AGENT_PORT` and the like are filled in by the runner. */
    with: z.string(),
    /** Why the reader's text cannot run here, for the report. */
    why: z.string().min(1).optional(),
  })
  .strict();

/**
 * How `npm run doctest` runs the page: `passes` names alternatives (each block may belong to one),
 * `map` swaps the lines a reader runs outside our reach for their loopback equivalent.
 */
export const DoctestFrontmatterSchema = z
  .object({
    passes: z.array(z.string().min(1)).min(2).optional(),
    map: z.array(DoctestMappingSchema).default([]),
  })
  .strict();
export type DoctestFrontmatter = z.output<typeof DoctestFrontmatterSchema>;
