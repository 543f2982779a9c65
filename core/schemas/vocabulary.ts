// The product's own names (env vars, headers, packages, SDK, events, error bodies) and the third-party ones content may use.
import { z } from 'astro/zod';

/** Where a name comes from: a platform-contract section (`§3.8`), a repo path, or the kit's README. */
const SourceSchema = z
  .string()
  .regex(/^(?:§\d+(?:\.\d+)?|[\w.-]+\/[\w./-]+|README\b)/, 'a contract section such as "§3.8", a repo path, or README');

/** One product identifier and the place that proves it exists. */
export const VocabTermSchema = z.object({ name: z.string().min(1), source: SourceSchema }).strict();

/** A name that is not ours (ngrok, jq, X-Forwarded-For …), with what it is. */
export const ThirdPartyTermSchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(['variable', 'header', 'pip', 'npm', 'command']),
    what: z.string().min(1),
  })
  .strict();

const terms = z.array(VocabTermSchema);

/** Every product identifier content may name; the `vocab` rule fails any other. */
export const VocabularySchema = z
  .object({
    /** Environment variables the platform, the SDK example or the kit's own commands read. */
    envVars: terms,
    /** Upper-case shell variables our pages define for the reader's own shell; nothing else reads them. */
    shellNames: terms,
    /** SDK constructor parameters and workspace create fields. */
    configKeys: terms,
    headers: terms,
    packages: z.object({ pip: terms, npm: terms }).strict(),
    /** Command-line programs of the product (a `molecule …` command that is not here does not exist). */
    cli: terms,
    sdk: z.object({ modules: terms, classes: terms, methods: terms, functions: terms }).strict(),
    /** WebSocket event names (`WORKSPACE_*`, `TASK_UPDATED`, …). */
    events: terms,
    /** Texts of `{"error": …}` bodies. */
    errors: terms,
    thirdParty: z.array(ThirdPartyTermSchema),
  })
  .strict();
export type Vocabulary = z.output<typeof VocabularySchema>;
