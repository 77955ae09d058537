import type { Finding } from './finding.js';
import type { Rule } from './rule.js';
import { PHASES, STATUSES, type Phase, type Status } from './taxonomy.js';

// The comparison `localeCompare` makes with no arguments, built once: a report of 100,000 resources sorts over
// half a million findings, and `localeCompare` builds its collator on every call.
const { compare } = new Intl.Collator();

const phaseOrder = (p: Phase): number => PHASES.indexOf(p);
const statusOrder = (s: Status): number => STATUSES.indexOf(s);

// Most findings of a rule share their account and region: equal strings need no collation.
const collate = (a: string, b: string): number => (a === b ? 0 : compare(a, b));

/** Report order of findings within one rule: status (FAIL first), account, region, resource. */
const withinRule = (a: Finding, b: Finding): number =>
  statusOrder(a.status) - statusOrder(b.status) ||
  collate(a.account, b.account) ||
  collate(a.region, b.region) ||
  collate(a.resource.arn, b.resource.arn);

/** Stable order: phase, rule, status (FAIL first), account, region, resource. Reports diff cleanly between runs. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => phaseOrder(a.phase) - phaseOrder(b.phase) || collate(a.ruleId, b.ruleId) || withinRule(a, b),
  );
}

/** `sortFindings` for the findings of one rule (as a scan sorts them, a rule at a time). */
export function sortRuleFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(withinRule);
}

/**
 * Rules in the order their findings appear in a report (phase, then id): one rule's findings, sorted by
 * `sortFindings`, after another's make the same sequence as sorting all of them at once.
 */
export function reportOrder<R extends Pick<Rule, 'id' | 'phase'>>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => phaseOrder(a.phase) - phaseOrder(b.phase) || compare(a.id, b.id));
}
