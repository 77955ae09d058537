import type { Finding } from '../engine/finding.js';

/**
 * The identity of a verdict across reports: the same rule on the same resource in the same account and region.
 * A merge keeps one finding per identity; a baseline comparison matches findings of two runs by it.
 */
export const findingKey = (f: Pick<Finding, 'ruleId' | 'resource' | 'account' | 'region'>): string =>
  [f.ruleId, f.resource.arn, f.account, f.region].join('\u0000');
