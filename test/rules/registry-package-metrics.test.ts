import rule from '../../rules/registry-package-metrics.js';
import type { Rule } from '../../src/engine/rule.js';
import { describeError, inventory, listError } from '../support/builders.js';
import { modelPackage, modelPackageArn } from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

const NO_METRICS = { modelQuality: false, modelDataQuality: false, bias: false, explainability: false };

runRuleTests(rule, {
  valid: [
    { name: 'every kind of metric', inventory: inventory({ modelPackages: [modelPackage()] }) },
    {
      name: 'data quality and bias are enough by default (no explainability, no drift baselines)',
      inventory: inventory({
        modelPackages: [
          modelPackage({
            modelMetrics: { modelQuality: false, modelDataQuality: true, bias: true, explainability: false },
            driftCheckBaselines: false,
          }),
        ],
      }),
    },
    {
      name: 'versions that are not Approved are not judged',
      inventory: inventory({
        modelPackages: [
          modelPackage(),
          modelPackage({ version: 4, approvalStatus: 'PendingManualApproval', modelMetrics: NO_METRICS }),
          modelPackage({ version: 2, latestInGroup: false, approvalStatus: 'Rejected', modelMetrics: NO_METRICS }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'an Approved version without quality metrics',
      inventory: inventory({
        modelPackages: [
          modelPackage(),
          modelPackage({ groupName: 'fraud', version: 7, modelMetrics: { ...NO_METRICS, bias: true } }),
        ],
      }),
      failures: [{ resource: 'fraud/7', messageId: 'missingMetrics' }],
    },
    {
      name: 'an Approved version without a bias report, and one with no metrics at all',
      inventory: inventory({
        modelPackages: [
          modelPackage({ modelMetrics: { ...NO_METRICS, modelQuality: true } }),
          modelPackage({ groupName: 'fraud', version: 7, modelMetrics: NO_METRICS, driftCheckBaselines: false }),
        ],
      }),
      failures: [
        { resource: 'churn/3', messageId: 'missingMetrics' },
        { resource: 'fraud/7', messageId: 'missingMetrics' },
      ],
    },
  ],
  error: [
    {
      name: 'DescribeModelPackage failed for one version',
      inventory: inventory({ modelPackages: [modelPackage()], errors: [describeError('modelPackages', modelPackageArn('churn', 4))] }),
      errors: [modelPackageArn('churn', 4)],
    },
    {
      name: 'ListModelPackageGroups denied: the scope is ERROR',
      inventory: inventory({ modelPackages: [modelPackage()], errors: [listError('modelPackageGroups')] }),
      errors: ['modelPackageGroups (us-east-1)'],
    },
  ],
});

/** With requireExplainability and requireDriftCheckBaselines, both become required. */
const strict: Rule = { ...rule, options: { requireExplainability: true, requireDriftCheckBaselines: true } };
runRuleTests(strict, {
  valid: [{ name: 'strict: everything registered', inventory: inventory({ modelPackages: [modelPackage()] }) }],
  invalid: [
    {
      name: 'strict: no explainability report, or no drift-check baselines',
      inventory: inventory({
        modelPackages: [
          modelPackage({ modelMetrics: { modelQuality: true, modelDataQuality: true, bias: true, explainability: false } }),
          modelPackage({ groupName: 'fraud', version: 7, driftCheckBaselines: false }),
        ],
      }),
      failures: [
        { resource: 'churn/3', messageId: 'missingMetrics' },
        { resource: 'fraud/7', messageId: 'missingMetrics' },
      ],
    },
  ],
  error: [
    {
      name: 'strict: DescribeModelPackage failed',
      inventory: inventory({ modelPackages: [modelPackage()], errors: [describeError('modelPackages', modelPackageArn('churn', 4))] }),
      errors: [modelPackageArn('churn', 4)],
    },
  ],
});
