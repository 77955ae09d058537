import { accountResource } from './evaluate.js';
import type { Finding } from './finding.js';
import type { Rule } from './rule.js';

/**
 * One ERROR per rule for an account that could not be scanned at all, so that every format's counts and every
 * consumer of findings see the hole: nothing in that account was evaluated, and nothing may read as PASS.
 */
export function notScannedFindings(rules: readonly Rule[], accountId: string, reason: string): Finding[] {
  const resource = accountResource(accountId);
  return rules.map((rule) => ({
    ruleId: rule.id,
    title: rule.title,
    status: 'ERROR',
    severity: rule.severity,
    kind: rule.kind,
    phase: rule.phase,
    dimensions: [...rule.dimensions],
    pillars: [...(rule.pillars ?? [])],
    resource: { arn: resource.arn, type: resource.resourceType, name: resource.name },
    account: accountId,
    region: resource.region,
    message: `Not evaluated: ${reason}`,
    remediation: rule.remediation.summary,
  }));
}
