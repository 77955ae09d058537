import { RULES } from '../../rules/index.js';
import { selectRules } from '../engine/select.js';
import { iamActions } from './rules-command.js';

export interface PolicyFlags {
  rules: string[];
  excludeRules: string[];
  minSeverity?: string;
}

/** The least-privilege IAM policy for the selected rules, derived from their slices' collectors. */
export function leastPrivilegePolicy(flags: PolicyFlags): Record<string, unknown> {
  const rules = selectRules(RULES, {
    include: flags.rules,
    exclude: flags.excludeRules,
    ...(flags.minSeverity !== undefined ? { minSeverity: flags.minSeverity } : {}),
  });
  const actions = [...new Set(rules.flatMap(iamActions))].sort();
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'MlauditReadOnlyAudit', Effect: 'Allow', Action: actions, Resource: '*' }],
  };
}

export function policyCommand(flags: PolicyFlags, write: (s: string) => void): number {
  write(`${JSON.stringify(leastPrivilegePolicy(flags), null, 2)}\n`);
  return 0;
}
