// How a conditional figure reads with its condition, shared by <Fact> and the `fact` rule.
import type { FactCondition, Facts } from './schemas/facts.ts';
import { factAt } from './facts.ts';

/** "90 s (with the Docker provisioner; otherwise 180 s)" for the condition on `liveness.offlineAfterSeconds`. */
export function describeConditional(facts: Facts, condition: FactCondition): string {
  const value = factAt(facts, condition.fact);
  const otherwise = condition.otherwise === undefined ? undefined : factAt(facts, condition.otherwise);
  const tail = otherwise === undefined ? '' : `; otherwise ${String(otherwise)} ${condition.unit}`;
  return `${String(value)} ${condition.unit} (${condition.holds}${tail})`;
}
