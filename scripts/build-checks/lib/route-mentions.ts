// Finds platform API routes written in text (`GET /workspaces/:id`) for the fact rule.
import type { RouteFact } from '../../../core/schemas/facts.ts';

/** An API route written in text, e.g. `GET /workspaces/ws-1/state` or `$PLATFORM/registry/register`. */
export interface RouteMention {
  index: number;
  method?: string;
  path: string;
  /** As written, for messages. */
  text: string;
}

/**
 * First path segments checked besides those of the facts' routes (`workspaces`, `registry`,
 * `health`, `ws`): `plugins`, because docs once mounted the plugin download there.
 * Other subsystems (`/cp/*`, `/org/*`) are not Phase 30 facts and are left alone.
 */
export const EXTRA_API_PREFIXES = ['plugins'];

const METHODS = 'GET|POST|PUT|DELETE|PATCH';
const PARAM_SEGMENT = /^(?::\w+|<[^>]+>|\{[^}]+\}|\$\{?\w+\}?|…|\.\.\.|\*)$/;

/** Builds the matcher for route-shaped paths under the given first segments. */
function mentionPattern(prefixes: readonly string[]): RegExp {
  const origin = String.raw`(?:(?:https?|wss?):\/\/[\w.-]+(?::\d+)?|\$\{?\w+\}?|[\w.-]+:\d+)?`;
  const path = String.raw`(\/(?:${prefixes.join('|')})(?:\/[^\s"'\`)\]<>,;?#|]*)?)(?=[\s"'\`)\]<>,;?#|.:]|$)`;
  return new RegExp(String.raw`(?<![\w/.$-])(?:(${METHODS})\s+)?${origin}${path}`, 'g');
}

/** Finds every API route mentioned in `text`. */
export function findRouteMentions(text: string, routes: readonly RouteFact[]): RouteMention[] {
  const prefixes = [...new Set([...routes.map((route) => route.path.split('/')[1]!), ...EXTRA_API_PREFIXES])].filter(
    Boolean,
  );
  const mentions: RouteMention[] = [];
  for (const match of text.matchAll(mentionPattern(prefixes))) {
    const path = match[2]!.replace(/[.:]+$/, '');
    mentions.push({ index: match.index, method: match[1], path, text: match[0].replace(/[.:]+$/, '') });
  }
  return mentions;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Literal words used by the facts' routes: a written segment equal to one of them is not an id value. */
function reservedWords(routes: readonly RouteFact[]): Set<string> {
  return new Set(routes.flatMap((route) => segmentsOf(route.path).filter((segment) => !segment.startsWith(':'))));
}

function segmentMatches(written: string, fact: string, reserved: Set<string>): boolean {
  if (fact.startsWith(':')) return PARAM_SEGMENT.test(written) || !reserved.has(written);
  return written === fact;
}

/**
 * Whether a mentioned route is one the facts list: same segments (any id, placeholder or
 * concrete value fits a `:param`), same method when one is written. Without a method, a path
 * that is the start of a listed route (a family such as `/workspaces/:id`) is accepted too,
 * and `*` at the end stands for any continuation.
 */
export function routeIsListed(mention: RouteMention, routes: readonly RouteFact[]): boolean {
  const reserved = reservedWords(routes);
  const written = segmentsOf(mention.path);
  const wildcard = written.at(-1) === '*';
  const fixed = wildcard ? written.slice(0, -1) : written;
  return routes.some((route) => {
    if (mention.method && route.method !== mention.method) return false;
    const fact = segmentsOf(route.path);
    const prefixOnly = wildcard || !mention.method;
    if (fixed.length > fact.length || (!prefixOnly && fixed.length !== fact.length)) return false;
    if (wildcard && fixed.length === fact.length) return false;
    return fixed.every((segment, index) => segmentMatches(segment, fact[index]!, reserved));
  });
}
