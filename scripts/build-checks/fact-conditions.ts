// Conditional figures (facts.yaml `conditions`) stated in prose must carry their condition.
import type { FactCondition, Facts } from '../../core/schemas/facts.ts';
import { factAt } from '../../core/facts.ts';
import { describeConditional } from '../../core/fact-condition.ts';
import { findLivenessFigures, LIVENESS_KEYS } from './lib/fact-figures.ts';

/** A conditional figure written without its condition, or a `<Fact>` that would print its unit twice. */
export interface ConditionProblem {
  index: number;
  message: string;
  hint: string;
}

const FACT_TAG = /<Fact\s+k=["']([\w.]+)["']([^>]*?)\/>/g;
const UNIT_AFTER = /^\s*-?\s*(?:s|secs?|seconds?)\b/;

/** The sentence around `index`: prose wraps lines, so only sentence ends and blank lines bound it. */
function sentenceAt(text: string, index: number): string {
  let start = 0;
  for (const boundary of text.slice(0, index).matchAll(/[.!?](?=\s)|[。！？；]|\n\s*\n/g))
    start = boundary.index + boundary[0].length;
  const end = /[.!?](?=\s|$)|[。！？；]|\n\s*\n/.exec(text.slice(index));
  return text.slice(start, end ? index + end.index + 1 : text.length);
}

/** Whether the sentence around `index`, or the lead sentence of `text`, states the condition. */
function statesCondition(text: string, index: number, condition: FactCondition): boolean {
  const pattern = new RegExp(condition.stated, 'i');
  return pattern.test(sentenceAt(text, index)) || pattern.test(sentenceAt(text, 0));
}

/** Problems with conditional figures in one prose block or text field. */
export function findConditionProblems(text: string, facts: Facts): ConditionProblem[] {
  const conditions = facts.conditions ?? [];
  if (conditions.length === 0) return [];
  const problems: ConditionProblem[] = [];
  const missing = (index: number, written: string, condition: FactCondition): ConditionProblem => ({
    index,
    message: `${written} holds only ${condition.holds} (contract ${condition.source}), and this sentence does not say so`,
    hint: `state the condition in the same sentence or the paragraph's lead sentence, or write <Fact k="${condition.fact}" />, which prints "${describeConditional(facts, condition)}"`,
  });
  for (const figure of findLivenessFigures(text)) {
    const condition = conditions.find((entry) => entry.fact === LIVENESS_KEYS[figure.kind]);
    if (!condition || factAt(facts, condition.fact) !== figure.seconds) continue;
    if (!statesCondition(text, figure.index, condition))
      problems.push(missing(figure.index, `"${figure.text.trim()}"`, condition));
  }
  for (const tag of text.matchAll(FACT_TAG)) {
    const condition = conditions.find((entry) => entry.fact === tag[1]);
    if (!condition) continue;
    const bare = /\bbare\b/.test(tag[2]!);
    if (bare && !statesCondition(text, tag.index, condition))
      problems.push(missing(tag.index, `<Fact k="${tag[1]}" bare />`, condition));
    if (!bare && UNIT_AFTER.test(text.slice(tag.index + tag[0].length))) {
      problems.push({
        index: tag.index,
        message: `<Fact k="${tag[1]}" /> prints its unit and condition ("${describeConditional(facts, condition)}"), so the unit after it doubles`,
        hint: `drop the unit after it, or write <Fact k="${tag[1]}" bare /> in a sentence that states the condition`,
      });
    }
  }
  return problems;
}
