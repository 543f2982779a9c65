// The `vocab` rule: every product identifier content names is in the vocabulary of content/facts.yaml.
import { FACTS_PATH } from '../../../core/facts.ts';
import { suggestKey } from '../../../core/schema-issue.ts';
import type { Vocabulary } from '../../../core/schemas/vocabulary.ts';
import type { Check } from '../check.ts';
import { textUnitsOf } from '../lib/text-units.ts';
import { findCodeMentions, findProseMentions, type VocabKind, type VocabMention } from '../vocab-mentions.ts';

/** For each kind: how messages call it, where in the vocabulary it belongs, and the names it may take. */
interface KindRule {
  label: string;
  home: string;
  known: string[];
  /** Names also accepted (another kind's), never suggested. */
  alsoAccepted?: string[];
}

function buildRules(vocabulary: Vocabulary): Record<VocabKind, KindRule> {
  const names = (terms: ReadonlyArray<{ name: string }>) => terms.map((term) => term.name);
  const thirdParty = (kind: Vocabulary['thirdParty'][number]['kind']) =>
    vocabulary.thirdParty.filter((term) => term.kind === kind).map((term) => term.name);
  const variables = [...names(vocabulary.envVars), ...names(vocabulary.shellNames), ...thirdParty('variable')];
  return {
    variable: { label: 'environment variable', home: 'vocabulary.envVars (or shellNames)', known: variables },
    event: { label: 'event', home: 'vocabulary.events', known: names(vocabulary.events), alsoAccepted: variables },
    header: {
      label: 'header',
      home: 'vocabulary.headers',
      known: [...names(vocabulary.headers), ...thirdParty('header')],
    },
    pip: {
      label: 'pip package',
      home: 'vocabulary.packages.pip',
      known: [...names(vocabulary.packages.pip), ...thirdParty('pip')],
    },
    npm: {
      label: 'npm package',
      home: 'vocabulary.packages.npm',
      known: [...names(vocabulary.packages.npm), ...thirdParty('npm')],
    },
    cli: {
      label: 'command',
      home: 'vocabulary.cli',
      known: names(vocabulary.cli),
      alsoAccepted: [...names(vocabulary.sdk.modules), ...names(vocabulary.packages.pip)],
    },
    method: {
      label: 'SDK method',
      home: 'vocabulary.sdk.methods',
      known: [...names(vocabulary.sdk.methods), ...names(vocabulary.sdk.functions)],
    },
    class: { label: 'SDK class', home: 'vocabulary.sdk.classes', known: names(vocabulary.sdk.classes) },
    module: { label: 'SDK module', home: 'vocabulary.sdk.modules', known: names(vocabulary.sdk.modules) },
    parameter: { label: 'SDK parameter', home: 'vocabulary.configKeys', known: names(vocabulary.configKeys) },
    error: { label: 'error body', home: 'vocabulary.errors', known: names(vocabulary.errors) },
  };
}

/** Whether a mention is a name the vocabulary holds; an error body cut short with "…" matches by its start. */
function isKnown(mention: VocabMention, rule: KindRule): boolean {
  if (rule.known.includes(mention.name) || rule.alsoAccepted?.includes(mention.name)) return true;
  if (mention.kind !== 'error') return false;
  const prefix = mention.name.replace(/\s*(?:…|\.\.\.)$/, '');
  return prefix === '' || (prefix !== mention.name && rule.known.some((known) => known.startsWith(prefix)));
}

/** Product identifiers in prose and code are names the facts file's vocabulary holds. */
export const vocabCheck: Check = {
  id: 'vocab',
  phase: 'source',
  description:
    'env vars, headers, packages, commands, SDK names, events and error bodies are in the vocabulary of content/facts.yaml',
  run(ctx) {
    const vocabulary = ctx.sources.facts?.vocabulary;
    if (!vocabulary) return;
    const rules = buildRules(vocabulary);
    for (const entry of ctx.sources.content) {
      for (const unit of textUnitsOf(ctx, entry)) {
        const mentions = unit.kind === 'code' ? findCodeMentions(unit.text) : findProseMentions(unit.text);
        for (const mention of mentions) {
          const rule = rules[mention.kind];
          if (isKnown(mention, rule)) continue;
          const guess = suggestKey(mention.name, rule.known);
          ctx.report({
            file: entry.file,
            offset: unit.offsetAt(mention.index),
            message: `unknown ${rule.label} ${mention.kind === 'error' ? `"${mention.name}"` : mention.name}: not in the ${FACTS_PATH} vocabulary`,
            hint: guess
              ? `did you mean ${guess}?`
              : `if the product really has it, add it to ${rule.home} with its contract section; a third-party name goes in vocabulary.thirdParty`,
          });
        }
      }
    }
  },
};
