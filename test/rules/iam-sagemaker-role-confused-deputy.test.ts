import rule from '../../rules/iam-sagemaker-role-confused-deputy.js';
import type { PolicyDocument } from '../../src/inventory/model.js';
import { ACCOUNT, describeError, iamRole, inventory, listError, roleArn } from '../support/builders.js';
import { LAMBDA_TRUST, UNCONDITIONED_SAGEMAKER_TRUST } from '../support/builders-workspaces.js';
import { runRuleTests } from '../support/rule-tester.js';

const sagemakerTrust = (Condition?: Record<string, unknown>): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole', ...(Condition ? { Condition } : {}) },
  ],
});

runRuleTests(rule, {
  valid: [
    { name: 'StringEquals aws:SourceAccount', inventory: inventory({ iamRoles: [iamRole()] }) },
    {
      name: 'ArnLike aws:SourceArn, StringLike aws:SourceAccount, ArnEquals aws:SourceArn, lower-case keys',
      inventory: inventory({
        iamRoles: [
          iamRole({ name: 'role-pass-arn-like', trustPolicy: sagemakerTrust({ ArnLike: { 'aws:SourceArn': `arn:aws:sagemaker:us-east-1:${ACCOUNT}:*` } }) }),
          iamRole({ name: 'role-pass-string-like', trustPolicy: sagemakerTrust({ StringLike: { 'aws:SourceAccount': ACCOUNT } }) }),
          iamRole({
            name: 'role-pass-arn-equals',
            trustPolicy: sagemakerTrust({ ArnEquals: { 'aws:sourcearn': `arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-job/churn` } }),
          }),
        ],
      }),
    },
    {
      name: 'roles SageMaker cannot assume are not judged',
      inventory: inventory({
        iamRoles: [
          iamRole(),
          iamRole({ name: 'etl-lambda', trustPolicy: LAMBDA_TRUST }),
          iamRole({
            name: 'sagemaker-denied',
            trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'the console\'s default trust policy, without a condition',
      inventory: inventory({ iamRoles: [iamRole(), iamRole({ name: 'role-fail-no-condition', trustPolicy: UNCONDITIONED_SAGEMAKER_TRUST })] }),
      failures: [{ resource: 'role-fail-no-condition', messageId: 'noSourceCondition' }],
    },
    {
      name: 'conditions that do not pin the source',
      inventory: inventory({
        iamRoles: [
          iamRole({ name: 'role-fail-if-exists', trustPolicy: sagemakerTrust({ StringEqualsIfExists: { 'aws:SourceAccount': ACCOUNT } }) }),
          iamRole({ name: 'role-fail-other-key', trustPolicy: sagemakerTrust({ StringEquals: { 'aws:PrincipalTag/team': 'ml' } }) }),
          iamRole({ name: 'role-fail-not-equals', trustPolicy: sagemakerTrust({ StringNotEquals: { 'aws:SourceAccount': '999988887777' } }) }),
        ],
      }),
      failures: [
        { resource: 'role-fail-if-exists', messageId: 'noSourceCondition' },
        { resource: 'role-fail-other-key', messageId: 'noSourceCondition' },
        { resource: 'role-fail-not-equals', messageId: 'noSourceCondition' },
      ],
    },
    {
      name: 'one of two SageMaker trust statements without a condition',
      inventory: inventory({
        iamRoles: [
          iamRole({
            name: 'role-fail-second-statement',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } },
                { Effect: 'Allow', Principal: { Service: ['sagemaker.amazonaws.com', 'glue.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
              ],
            },
          }),
        ],
      }),
      failures: [{ resource: 'role-fail-second-statement', messageId: 'noSourceCondition' }],
    },
  ],
  error: [
    {
      name: 'GetRole failed for one role',
      inventory: inventory({
        iamRoles: [iamRole()],
        errors: [describeError('iamRoles', roleArn('role-unreadable'), { kind: 'access-denied', code: 'AccessDenied' })],
      }),
      errors: ['role-unreadable'],
    },
    {
      name: 'ListRoles denied: the account-wide scope is ERROR, roles read keep their verdicts',
      inventory: inventory({
        iamRoles: [iamRole(), iamRole({ name: 'role-fail-no-condition', trustPolicy: UNCONDITIONED_SAGEMAKER_TRUST })],
        errors: [listError('iamRoles', { operation: 'ListRoles', action: 'iam:ListRoles' })],
      }),
      errors: ['iamRoles (global)'],
      failures: [{ resource: 'role-fail-no-condition', messageId: 'noSourceCondition' }],
    },
    {
      name: 'a source slice of the roles failed to list: roles referenced only there may be missing',
      inventory: inventory({ iamRoles: [iamRole()], errors: [listError('trainingJobs')] }),
      errors: ['trainingJobs (us-east-1)'],
    },
  ],
});
