import rule from '../../rules/model-card-for-registered.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { modelCard, modelPackage, modelPackageArn } from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: "the version's own (embedded) model card is Approved",
      inventory: inventory({ modelPackages: [modelPackage()] }),
    },
    {
      name: 'a separate Approved model card names the version (ARN compared case-insensitively)',
      inventory: inventory({
        modelPackages: [modelPackage({ modelCardStatus: undefined })],
        modelCards: [
          modelCard({ name: 'churn-v3-card', modelPackageArn: modelPackageArn('churn', 3).replace('churn/3', 'Churn/3') }),
        ],
      }),
    },
    {
      name: 'versions that are not Approved are not judged',
      inventory: inventory({
        modelPackages: [modelPackage(), modelPackage({ version: 4, approvalStatus: 'PendingManualApproval', modelCardStatus: undefined })],
      }),
    },
  ],
  invalid: [
    {
      name: 'no model card at all',
      inventory: inventory({
        modelPackages: [modelPackage(), modelPackage({ groupName: 'fraud', version: 8, modelCardStatus: undefined })],
      }),
      failures: [{ resource: 'fraud/8', messageId: 'noModelCard' }],
    },
    {
      name: 'the embedded card is a Draft, a separate card awaits review',
      inventory: inventory({
        modelPackages: [
          modelPackage({ modelCardStatus: 'Draft' }),
          modelPackage({ groupName: 'fraud', version: 8, modelCardStatus: undefined }),
        ],
        modelCards: [modelCard({ name: 'fraud-v8-card', status: 'PendingReview', modelPackageArn: modelPackageArn('fraud', 8) })],
      }),
      failures: [
        { resource: 'churn/3', messageId: 'cardNotApproved' },
        { resource: 'fraud/8', messageId: 'cardNotApproved' },
      ],
    },
    {
      name: 'an Approved card for another version, or in another region, does not count',
      inventory: inventory({
        modelPackages: [modelPackage({ version: 4, modelCardStatus: undefined })],
        modelCards: [
          modelCard({ name: 'churn-v3-card' }),
          modelCard({ name: 'churn-v4-west', region: OTHER_REGION, modelPackageArn: modelPackageArn('churn', 4, OTHER_REGION) }),
        ],
      }),
      failures: [{ resource: 'churn/4', messageId: 'noModelCard' }],
    },
  ],
  error: [
    {
      name: 'DescribeModelCard failed for one card: versions without a visible approved card are ERROR, not FAIL',
      inventory: inventory({
        modelPackages: [modelPackage(), modelPackage({ groupName: 'fraud', version: 8, modelCardStatus: undefined })],
        errors: [describeError('modelCards', sagemakerArn('model-card', 'fraud-card'))],
      }),
      errors: ['fraud/8'],
    },
    {
      name: 'ListModelCards denied: every Approved version in the region is ERROR',
      inventory: inventory({
        modelPackages: [modelPackage(), modelPackage({ groupName: 'fraud', version: 8, modelCardStatus: undefined })],
        errors: [listError('modelCards')],
      }),
      errors: ['churn/3', 'fraud/8', 'modelCards (us-east-1)'],
    },
    {
      name: 'DescribeModelPackage failed for one version',
      inventory: inventory({ modelPackages: [modelPackage()], errors: [describeError('modelPackages', modelPackageArn('churn', 4))] }),
      errors: [modelPackageArn('churn', 4)],
    },
  ],
});
