// Schema of content/facts.yaml: routes, token format, liveness timings, sub-phases, dates and the canonical host.
import { z } from 'astro/zod';
import { DateSchema } from './base.ts';

/** One platform route that content may name. */
export const RouteFactSchema = z
  .object({
    /** Stable id used by content, e.g. `register`. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
    /** Path with `:params`, exactly as the platform mounts it. */
    path: z.string().regex(/^\/[\w/:.-]*$/),
    /** Sub-phase that shipped it, if any. */
    subPhase: z.string().regex(/^30\.[1-8]$/).optional(),
    /** Which auth gate guards it. */
    auth: z.enum(['none', 'admin', 'workspace', 'bootstrap', 'caller']),
    summary: z.string().min(1),
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
    sdk: z.object({ package: z.string(), module: z.string(), python: z.string() }).strict(),
    outOfScope: z.array(z.string()).min(1),
  })
  .strict();
export type Facts = z.output<typeof FactsSchema>;
export type RouteFact = z.output<typeof RouteFactSchema>;
