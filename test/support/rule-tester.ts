/**
 * A table-driven tester for rules, modelled on ESLint's RuleTester. Each case runs the rule through the real engine
 * on a JSON round-tripped, deep-frozen inventory, twice under different clocks and random sources (purity), and
 * asserts exact sets: which resources FAIL with which message id, which are ERROR, and that the rest PASS.
 *
 * Resources are named by name or by ARN (anything starting with `arn:`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate.js';
import type { Finding } from '../../src/engine/finding.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Inventory } from '../../src/inventory/model.js';

export interface ValidCase {
  name: string;
  inventory: Inventory;
}

export interface ExpectedFailure {
  /** Resource name or ARN. */
  resource: string;
  messageId: string;
}

export interface InvalidCase {
  name: string;
  inventory: Inventory;
  failures: ExpectedFailure[];
}

export interface ErrorCase {
  name: string;
  inventory: Inventory;
  /** Resource names or ARNs expected to be ERROR, including the engine's scope resources (`endpoints (us-east-1)`). */
  errors: string[];
  /** Failures expected among the resources that are not ERROR; every other resource must PASS. Default none. */
  failures?: ExpectedFailure[];
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
  error: ErrorCase[];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Evaluates twice, with the clock and Math.random set differently, and requires identical findings. */
function evaluatePurely(rule: Rule, inventory: Inventory): Finding[] {
  // A saved inventory is plain JSON: rules must not depend on anything a round trip drops.
  const frozen = deepFreeze(JSON.parse(JSON.stringify(inventory)) as Inventory);
  const run = (now: string, random: number): Finding[] => {
    vi.setSystemTime(new Date(now));
    const spy = vi.spyOn(Math, 'random').mockReturnValue(random);
    try {
      return evaluateRules([rule], frozen);
    } finally {
      spy.mockRestore();
    }
  };
  const first = run('2001-01-01T00:00:00.000Z', 0.01);
  const second = run('2099-12-31T23:59:59.000Z', 0.99);
  vi.useRealTimers();
  expect(second, 'evaluate must be pure: two runs on the same inventory differ').toStrictEqual(first);
  return first;
}

function resolveResource(id: string, findings: readonly Finding[]): string {
  if (!id.startsWith('arn:')) return id;
  const match = findings.find((f) => f.resource.arn.toLowerCase() === id.toLowerCase());
  return match ? match.resource.name : id;
}

function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `  ${f.status} ${f.resource.name}${f.messageId ? ` [${f.messageId}]` : ''}: ${f.message}`)
    .join('\n');
}

function failureKeys(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.status === 'FAIL')
    .map((f) => `${f.resource.name} ${f.messageId ?? '(no message id)'}`)
    .sort();
}

function expectedFailureKeys(rule: Rule, expected: readonly ExpectedFailure[], findings: readonly Finding[]): string[] {
  for (const e of expected) {
    expect(Object.keys(rule.messages), `rule ${rule.id} has no message id '${e.messageId}'`).toContain(e.messageId);
  }
  return expected.map((e) => `${resolveResource(e.resource, findings)} ${e.messageId}`).sort();
}

/** Checks that hold for every case: the rule's own id, one finding per resource, no unrendered placeholders. */
function checkShape(rule: Rule, findings: readonly Finding[]): void {
  const arns = findings.map((f) => f.resource.arn.toLowerCase());
  expect(new Set(arns).size, `more than one finding for a resource:\n${describeFindings(findings)}`).toBe(arns.length);
  for (const f of findings) {
    expect(f.ruleId).toBe(rule.id);
    expect(f.message, `unrendered placeholder in '${f.message}'`).not.toMatch(/\{\w+\}/);
  }
}

export function runRuleTests(rule: Rule, tests: RuleTests): void {
  describe(`rule ${rule.id}`, () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it('has at least one valid, one invalid and one error case, with unique names', () => {
      expect(tests.valid.length, 'valid cases').toBeGreaterThan(0);
      expect(tests.invalid.length, 'invalid cases').toBeGreaterThan(0);
      expect(tests.error.length, 'error cases').toBeGreaterThan(0);
      const names = [...tests.valid, ...tests.invalid, ...tests.error].map((c) => c.name);
      expect(new Set(names).size, 'duplicate case names').toBe(names.length);
    });

    describe('valid', () => {
      for (const c of tests.valid) {
        it(c.name, () => {
          const findings = evaluatePurely(rule, c.inventory);
          checkShape(rule, findings);
          expect(findings.length, 'a valid case must produce at least one finding').toBeGreaterThan(0);
          const notPass = findings.filter((f) => f.status !== 'PASS');
          expect(notPass, `expected every finding to PASS:\n${describeFindings(notPass)}`).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of tests.invalid) {
        it(c.name, () => {
          expect(c.failures.length, 'an invalid case must expect at least one failure').toBeGreaterThan(0);
          const findings = evaluatePurely(rule, c.inventory);
          checkShape(rule, findings);
          expect(failureKeys(findings), describeFindings(findings)).toEqual(
            expectedFailureKeys(rule, c.failures, findings),
          );
          const errors = findings.filter((f) => f.status === 'ERROR');
          expect(errors, `no finding may be ERROR in an invalid case:\n${describeFindings(errors)}`).toEqual([]);
        });
      }
    });

    describe('error', () => {
      for (const c of tests.error) {
        it(c.name, () => {
          expect(c.errors.length, 'an error case must expect at least one ERROR').toBeGreaterThan(0);
          const findings = evaluatePurely(rule, c.inventory);
          checkShape(rule, findings);
          const actualErrors = findings
            .filter((f) => f.status === 'ERROR')
            .map((f) => f.resource.name)
            .sort();
          const expectedErrors = c.errors.map((e) => resolveResource(e, findings)).sort();
          expect(actualErrors, describeFindings(findings)).toEqual(expectedErrors);
          const passing = findings.filter((f) => f.status === 'PASS' && expectedErrors.includes(f.resource.name));
          expect(passing, 'a resource that could not be assessed must never PASS').toEqual([]);
          expect(failureKeys(findings), describeFindings(findings)).toEqual(
            expectedFailureKeys(rule, c.failures ?? [], findings),
          );
        });
      }
    });
  });
}
