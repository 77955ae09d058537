import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { reportOrder, sortFindings } from '../../src/engine/finding-order.js';
import { notScannedFindings } from '../../src/engine/not-scanned.js';
import { findingsByRule, notScannedReason } from '../../src/engine/rule-batches.js';
import type { AccountFailure } from '../../src/inventory/collect-accounts.js';
import { loadInventory } from '../../src/inventory/load.js';

const DEMO = loadInventory('fixtures/demo-account.json');
const SANDBOX = loadInventory('fixtures/demo-sandbox-account.json');
const FAILURE: AccountFailure = {
  account: '999900001111',
  roleArn: 'arn:aws:iam::999900001111:role/Audit',
  operation: 'AssumeRole',
  action: 'sts:AssumeRole',
  kind: 'access-denied',
  code: 'AccessDenied',
  message: 'not authorized',
};

describe('findingsByRule', () => {
  const batches = [...findingsByRule(RULES, [DEMO, SANDBOX], [FAILURE])];

  it('yields each selected rule once, in report order (phase, then id)', () => {
    expect(batches.map((b) => b.rule.id)).toEqual(reportOrder(RULES).map((r) => r.id));
    expect(new Set(batches.map((b) => b.rule.id)).size).toBe(RULES.length);
  });

  it("holds in each batch only that rule's findings", () => {
    for (const b of batches) expect(b.findings.every((f) => f.ruleId === b.rule.id)).toBe(true);
  });

  it('concatenated, gives the sorted findings of evaluating every inventory at once, with the unscanned account', () => {
    const all = sortFindings([
      ...evaluateRules(RULES, DEMO),
      ...evaluateRules(RULES, SANDBOX),
      ...notScannedFindings(RULES, FAILURE.account, notScannedReason(FAILURE)),
    ]);
    expect(all.length).toBeGreaterThan(400);
    expect(batches.flatMap((b) => b.findings)).toEqual(all);
  });

  it('gives the account that could not be scanned one ERROR per rule', () => {
    for (const b of batches) {
      const unscanned = b.findings.filter((f) => f.account === FAILURE.account);
      expect(unscanned).toHaveLength(1);
      expect(unscanned[0]?.status).toBe('ERROR');
      expect(unscanned[0]?.message).toContain('AssumeRole');
    }
  });
});
