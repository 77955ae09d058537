import rule from '../../rules/registry-manual-approval.js';
import { ACCOUNT, describeError, inventory, listError, sagemakerArn } from '../support/builders.js';
import {
  modelPackage,
  modelPackageArn,
  modelPackageGroup,
  PIPELINE_IDENTITY,
  REVIEWER_IDENTITY,
} from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

const ALICE = `arn:aws:sts::${ACCOUNT}:assumed-role/DataScientist/alice`;
const BOB = `arn:aws:sts::${ACCOUNT}:assumed-role/DataScientist/bob`;

runRuleTests(rule, {
  valid: [
    {
      name: 'approved by a reviewer, with a description',
      inventory: inventory({ modelPackageGroups: [modelPackageGroup()], modelPackages: [modelPackage()] }),
    },
    {
      name: 'approved without a description by another identity (same role, another session)',
      inventory: inventory({
        modelPackages: [modelPackage({ approvalDescription: undefined, createdBy: ALICE, lastModifiedBy: BOB })],
      }),
    },
    {
      name: 'approved by its author, but with a description of the review',
      inventory: inventory({ modelPackages: [modelPackage({ createdBy: ALICE, lastModifiedBy: ALICE })] }),
    },
    {
      name: 'the newest version is still pending or rejected: the gate holds; older versions are not judged',
      inventory: inventory({
        modelPackages: [
          modelPackage({ version: 4, approvalStatus: 'PendingManualApproval', approvalDescription: undefined, lastModifiedBy: undefined }),
          modelPackage({ version: 3, latestInGroup: false, approvalDescription: undefined, lastModifiedBy: undefined }),
          modelPackage({ groupName: 'fraud', version: 9, approvalStatus: 'Rejected', approvalDescription: undefined }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'approved at registration by the pipeline: no description, never modified',
      inventory: inventory({
        modelPackages: [
          modelPackage(),
          modelPackage({ groupName: 'fraud', version: 12, approvalDescription: undefined, lastModifiedBy: undefined }),
        ],
      }),
      failures: [{ resource: 'fraud/12', messageId: 'noApprovalRecord' }],
    },
    {
      name: 'approved by the identity that registered it, without a description',
      inventory: inventory({
        modelPackages: [
          modelPackage({ approvalDescription: undefined, createdBy: PIPELINE_IDENTITY, lastModifiedBy: PIPELINE_IDENTITY }),
        ],
      }),
      failures: [{ resource: 'churn/3', messageId: 'approvedByCreator' }],
    },
    {
      name: 'a blank description is no description; no CreatedBy leaves no one to compare with',
      inventory: inventory({
        modelPackages: [
          modelPackage({ approvalDescription: '   ', createdBy: REVIEWER_IDENTITY, lastModifiedBy: REVIEWER_IDENTITY }),
          modelPackage({ groupName: 'fraud', version: 2, approvalDescription: undefined, createdBy: undefined }),
        ],
      }),
      failures: [
        { resource: 'churn/3', messageId: 'approvedByCreator' },
        { resource: 'fraud/2', messageId: 'noApprovalRecord' },
      ],
    },
  ],
  error: [
    {
      name: 'DescribeModelPackage failed for one version',
      inventory: inventory({
        modelPackages: [modelPackage()],
        errors: [describeError('modelPackages', modelPackageArn('churn', 4))],
      }),
      errors: [modelPackageArn('churn', 4)],
    },
    {
      name: "ListModelPackages failed for a group: the group is ERROR",
      inventory: inventory({
        modelPackages: [modelPackage()],
        errors: [
          describeError('modelPackages', sagemakerArn('model-package-group', 'fraud'), {
            operation: 'ListModelPackages',
            action: 'sagemaker:ListModelPackages',
          }),
        ],
      }),
      errors: ['fraud'],
    },
    {
      name: 'ListModelPackageGroups denied: the scope is ERROR, versions read keep their verdicts',
      inventory: inventory({
        modelPackages: [modelPackage(), modelPackage({ groupName: 'fraud', version: 12, approvalDescription: undefined, lastModifiedBy: undefined })],
        errors: [listError('modelPackageGroups')],
      }),
      errors: ['modelPackageGroups (us-east-1)'],
      failures: [{ resource: 'fraud/12', messageId: 'noApprovalRecord' }],
    },
  ],
});
