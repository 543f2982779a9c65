// Schema of content/facts.yaml: routes, token format, liveness timings, sub-phases, dates and the canonical host.
import { z } from 'astro/zod';
import { DateSchema } from './base.ts';
import { VocabularySchema } from './vocabulary.ts';

/** One platform route that content may name. */
export const RouteFactSchema = z
  .object({
    /** Stable id used by content, e.g. `register`. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
    /** Path with `:params`, exactly as the platform mounts it. */
    path: z.string().regex(/^\/[\w/:.-]*$/),
    /** Sub-phase that shipped it, if any. */
    subPhase: z
      .string()
      .regex(/^30\.[1-8]$/)
      .optional(),
    /** Which auth gate guards it. */
    auth: z.enum(['none', 'admin', 'workspace', 'bootstrap', 'caller']),
    summary: z.string().min(1),
  })
  .strict();

/** A figure that holds only under a condition, e.g. offline after 90 s only with the Docker provisioner (contract §4). */
export const FactConditionSchema = z
  .object({
    /** Dotted key of the scalar fact, e.g. `liveness.offlineAfterSeconds`. */
    fact: z.string().regex(/^[\w.]+$/),
    /** Unit `<Fact>` prints after the figure. */
    unit: z.string().min(1),
    /** The condition as `<Fact>` prints it, e.g. "with the Docker provisioner". */
    holds: z.string().min(1),
    /** Dotted key of the figure that holds when the condition does not. */
    otherwise: z
      .string()
      .regex(/^[\w.]+$/)
      .optional(),
    /** Case-insensitive pattern whose match in a sentence states the condition (prose may word it freely). */
    stated: z.string().refine((source) => {
      try {
        new RegExp(source, 'i');
        return true;
      } catch {
        return false;
      }
    }, 'a valid regular expression'),
    /** Contract section the condition comes from. */
    source: z.string().regex(/^§\d+(?:\.\d+)?$/),
  })
  .strict();

/** The single source of product facts every piece of content repeats. */
export const FactsSchema = z
  .object({
    product: z
      .object({
        company: z.string(),
        phase: z.string(),
        feature: z.string(),
        /** General availability date of the feature. */
        gaDate: DateSchema,
        /** The runtime value that makes a workspace remote. */
        runtime: z.literal('external'),
        /** The canvas badge text. */
        badge: z.string(),
      })
      .strict(),
    site: z
      .object({
        /** The one canonical origin; every absolute link on the site starts with it. */
        canonicalHost: z.url().regex(/^https:\/\/[^/]+$/, 'an origin without a trailing slash'),
        name: z.string(),
        supportEmail: z.email(),
      })
      .strict(),
    token: z
      .object({
        bits: z.number().int(),
        length: z.number().int(),
        encoding: z.string(),
        /** Literal prefix; empty when there is none. */
        prefix: z.string(),
        /** Where agents cache the token. */
        cachePath: z.string(),
        dirMode: z.string().regex(/^0[0-7]{3}$/),
        fileMode: z.string().regex(/^0[0-7]{3}$/),
        /** How the token is stored server-side. */
        storage: z.string(),
      })
      .strict(),
    liveness: z
      .object({
        /** Client heartbeat interval the SDK defaults to. */
        heartbeatSeconds: z.number().int(),
        /** External workspaces go offline after this much heartbeat silence (Docker-backed platforms). */
        offlineAfterSeconds: z.number().int(),
        /** How often the stale sweep runs. */
        sweepSeconds: z.number().int(),
        /** Redis liveness key TTL, the only timer on platforms without Docker. */
        ttlSeconds: z.number().int(),
        /** SDK cache for peer URLs. */
        peerUrlCacheSeconds: z.number().int(),
      })
      .strict(),
    subPhases: z
      .array(z.object({ id: z.string().regex(/^30\.[1-8]$/), title: z.string(), mechanism: z.string() }).strict())
      .length(8),
    routes: z.array(RouteFactSchema).min(1),
    /** SaaS tenant guard (contract §1.1): the org header and the one path it lets through without it. */
    tenant: z
      .object({
        orgHeader: z.string().regex(/^X-[\w-]+$/),
        guardExempt: z.string().regex(/^\//),
        guardBypassPrefix: z.string().regex(/^\/.*\/$/),
      })
      .strict()
      .optional(),
    sdk: z.object({ package: z.string(), module: z.string(), python: z.string() }).strict(),
    outOfScope: z.array(z.string()).min(1),
    /** Product identifiers content may name (the `vocab` rule); optional so small fixture trees can leave it out. */
    vocabulary: VocabularySchema.optional(),
    /** Figures that hold only under a condition; `<Fact>` prints the condition and the `fact` rule demands it in prose. */
    conditions: z.array(FactConditionSchema).optional(),
  })
  .strict();
export type Facts = z.output<typeof FactsSchema>;
export type RouteFact = z.output<typeof RouteFactSchema>;
export type FactCondition = z.output<typeof FactConditionSchema>;
