import type { AccountFailure } from '../inventory/collect-accounts.js';
import type { Inventory } from '../inventory/model.js';
import { InventoryEvaluator, type EvaluateOptions } from './evaluate.js';
import type { Finding } from './finding.js';
import { reportOrder, sortRuleFindings } from './finding-order.js';
import { notScannedFindings } from './not-scanned.js';
import type { Rule } from './rule.js';

/** Every finding of one rule over the whole scan, in report order. */
export interface RuleBatch {
  rule: Rule;
  findings: Finding[];
}

export function notScannedReason(f: AccountFailure): string {
  return `the account was not scanned: ${f.operation} for ${f.roleArn} failed (${f.code}).`;
}

/**
 * The findings of a scan one rule at a time, rules in report order, each rule over every inventory and with an
 * ERROR for each account that could not be scanned. Concatenated, the batches are exactly `sortFindings` of all
 * findings; a consumer that writes each batch and lets it go holds one rule's findings, not the estate's.
 */
export function* findingsByRule(
  rules: readonly Rule[],
  inventories: readonly Inventory[],
  failures: readonly AccountFailure[] = [],
  options: EvaluateOptions = {},
): Generator<RuleBatch> {
  const evaluators = inventories.map((inventory) => new InventoryEvaluator(inventory, options));
  for (const rule of reportOrder(rules)) {
    const findings: Finding[] = [];
    for (const evaluator of evaluators) for (const f of evaluator.evaluate(rule)) findings.push(f);
    for (const failure of failures) findings.push(...notScannedFindings([rule], failure.account, notScannedReason(failure)));
    yield { rule, findings: sortRuleFindings(findings) };
  }
}
