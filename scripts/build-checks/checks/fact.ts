// Rule `fact`: routes, liveness figures and token details in prose agree with content/facts.yaml.
import { factAt, FACTS_PATH } from '../../../core/facts.ts';
import { suggestKey } from '../../../core/schema-issue.ts';
import type { Facts } from '../../../core/schemas/facts.ts';
import type { ContentFile } from '../../../core/content-files.ts';
import type { Check, CheckContext } from '../check.ts';
import { findLivenessProblems, findTokenProblems } from '../lib/fact-figures.ts';
import { findConditionProblems } from '../fact-conditions.ts';
import { findRouteMentions, routeIsListed } from '../lib/route-mentions.ts';
import { bodyOf, textUnitsOf } from '../lib/text-units.ts';

function scalarKeys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => scalarKeys(child, prefix ? `${prefix}.${key}` : key));
  }
  return Array.isArray(value) ? [] : [prefix];
}

/** `<Fact k>` and `<Route id>` name facts that exist (the components would fail the build otherwise). */
function checkComponents(ctx: CheckContext, entry: ContentFile, facts: Facts): void {
  for (const component of bodyOf(ctx, entry).components) {
    if (component.name === 'Fact') {
      const key = component.attributes.get('k');
      if (!key) continue;
      const value = factAt(facts, key.value);
      if (value === undefined || (typeof value === 'object' && !(value instanceof Date))) {
        const guess = suggestKey(key.value, scalarKeys(facts));
        ctx.report({
          file: entry.file,
          offset: key.offset,
          message: `<Fact k="${key.value}">: no such scalar fact in ${FACTS_PATH}`,
          hint: guess ? `did you mean "${guess}"?` : undefined,
        });
      }
    }
    if (component.name === 'Route') {
      const id = component.attributes.get('id');
      if (!id || facts.routes.some((route) => route.id === id.value)) continue;
      const guess = suggestKey(
        id.value,
        facts.routes.map((route) => route.id),
      );
      ctx.report({
        file: entry.file,
        offset: id.offset,
        message: `<Route id="${id.value}">: no such route in ${FACTS_PATH}`,
        hint: guess ? `did you mean "${guess}"?` : undefined,
      });
    }
  }
}

/**
 * Prose agrees with content/facts.yaml: API routes it names are listed there, liveness figures
 * (heartbeat, offline timeout, TTL, sweep, peer cache) and token format claims match it, and a
 * figure that holds only under a condition (facts `conditions`) is stated with that condition.
 */
export const factCheck: Check = {
  id: 'fact',
  phase: 'source',
  description: 'routes, liveness figures (with their conditions) and token format in prose match content/facts.yaml',
  run(ctx) {
    const facts = ctx.sources.facts;
    if (!facts) return;
    const routeList = facts.routes.map((route) => `${route.method} ${route.path}`);
    for (const entry of ctx.sources.content) {
      checkComponents(ctx, entry, facts);
      for (const unit of textUnitsOf(ctx, entry)) {
        for (const mention of findRouteMentions(unit.text, facts.routes)) {
          if (routeIsListed(mention, facts.routes)) continue;
          const guess = suggestKey(`${mention.method ?? ''} ${mention.path}`.trim(), routeList);
          ctx.report({
            file: entry.file,
            offset: unit.offsetAt(mention.index),
            message: `route ${mention.method ? `${mention.method} ` : ''}${mention.path} is not in ${FACTS_PATH} routes`,
            hint: guess
              ? `did you mean ${guess}? Or write <Route id=…/>`
              : 'add it to the facts file if the platform really serves it, or write <Route id=…/>',
          });
        }
        if (unit.kind === 'code') continue;
        for (const problem of [...findLivenessProblems(unit.text, facts), ...findTokenProblems(unit.text, facts)]) {
          const hint =
            unit.kind === 'field'
              ? `use ${problem.factKey} from ${FACTS_PATH}`
              : `write <Fact k="${problem.factKey}" /> instead of a number`;
          ctx.report({ file: entry.file, offset: unit.offsetAt(problem.index), message: problem.message, hint });
        }
        for (const problem of findConditionProblems(unit.text, facts)) {
          ctx.report({
            file: entry.file,
            offset: unit.offsetAt(problem.index),
            message: problem.message,
            hint: problem.hint,
          });
        }
      }
    }
  },
};
