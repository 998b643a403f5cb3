/**
 * A baseline rule's decisions for the business view: the rows a filter-language condition matches
 * get the stated outcome, the others the other one (core/fairness/scoredDecisions.ts holds the
 * model's decisions).
 */
import { selectRows } from '../core/data/filter/evaluateFilter';
import type { Table } from '../core/data/table';
import { InputError } from '../core/errors/errors';
import type { FairnessInputs } from '../core/fairness/scoredDecisions';
import type { BaselineRule } from './workbenchApi';

/** The baseline rule's decisions (1 = predicted positive) on the inputs' rows, and how many it matches. */
export function baselineDecisions(table: Table, inputs: FairnessInputs, baseline: BaselineRule): { predicted: Uint8Array; matched: number } {
  if (baseline.rule.trim() === '') throw new InputError('write the baseline rule as a condition, e.g. income > 40000');
  const selection = selectRows(table, baseline.rule);
  const inRule = new Uint8Array(table.rowCount);
  if (selection) for (const r of selection) inRule[r] = 1;
  else inRule.fill(1);
  // matched rows get the stated outcome; as a class: favourable ↔ positive when the favourable outcome is the positive class
  const matchedPositive = (baseline.gives === 'favorable') === inputs.favorableIsPositive ? 1 : 0;
  let matched = 0;
  const predicted = Uint8Array.from(inputs.rows, (r) => {
    matched += inRule[r];
    return inRule[r] ? matchedPositive : 1 - matchedPositive;
  });
  return { predicted, matched };
}
