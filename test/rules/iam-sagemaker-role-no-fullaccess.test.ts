import rule from '../../rules/iam-sagemaker-role-no-fullaccess.js';
import type { PolicyDocument } from '../../src/inventory/model.js';
import { awsManagedPolicy, customerPolicy, describeError, iamRole, inventory, listError, roleArn } from '../support/builders.js';
import { LAMBDA_TRUST, UNCONDITIONED_SAGEMAKER_TRUST } from '../support/builders-workspaces.js';
import { runRuleTests } from '../support/rule-tester.js';

const doc = (...Statement: NonNullable<PolicyDocument['Statement']>[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: Statement.flat(),
});

const listRolesDenied = listError('iamRoles', { operation: 'ListRoles', action: 'iam:ListRoles' });

runRuleTests(rule, {
  valid: [
    { name: 'a role with a scoped customer policy', inventory: inventory({ iamRoles: [iamRole()] }) },
    {
      name: 'scoped grants: wildcard actions on named buckets and keys, single actions on every resource, denies',
      inventory: inventory({
        iamRoles: [
          iamRole({
            name: 'role-pass-scoped',
            trustPolicy: UNCONDITIONED_SAGEMAKER_TRUST,
            attachedPolicies: [
              awsManagedPolicy('AmazonSageMakerReadOnly'),
              customerPolicy(
                'churn-data',
                doc(
                  { Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::ml-data-111122223333', 'arn:aws:s3:::ml-data-111122223333/*'] },
                  { Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
                  { Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 'kms:ListAliases'], Resource: '*' },
                  { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
                ),
              ),
            ],
            inlinePolicies: [{ name: 'logs', document: doc({ Effect: 'Allow', Action: 'logs:*', Resource: '*' }) }],
          }),
        ],
      }),
    },
    {
      name: 'roles SageMaker cannot assume are not judged',
      inventory: inventory({
        iamRoles: [
          iamRole(),
          iamRole({ name: 'etl-lambda', trustPolicy: LAMBDA_TRUST, attachedPolicies: [awsManagedPolicy('AmazonSageMakerFullAccess')] }),
          iamRole({ name: 'no-trust-read', trustPolicy: undefined, attachedPolicies: [awsManagedPolicy('AmazonS3FullAccess')] }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'AmazonSageMakerFullAccess attached',
      inventory: inventory({
        iamRoles: [
          iamRole(),
          iamRole({
            name: 'AmazonSageMaker-ExecutionRole-20240611T101500',
            trustPolicy: UNCONDITIONED_SAGEMAKER_TRUST,
            attachedPolicies: [awsManagedPolicy('AmazonSageMakerFullAccess')],
          }),
        ],
      }),
      failures: [{ resource: 'AmazonSageMaker-ExecutionRole-20240611T101500', messageId: 'fullAccessPolicy' }],
    },
    {
      name: 'AWS-managed policies that allow s3:* on every resource',
      inventory: inventory({
        iamRoles: [
          iamRole({ name: 'role-fail-s3-full', attachedPolicies: [awsManagedPolicy('AmazonS3FullAccess')] }),
          iamRole({ name: 'role-fail-power-user', attachedPolicies: [awsManagedPolicy('PowerUserAccess')] }),
        ],
      }),
      failures: [
        { resource: 'role-fail-s3-full', messageId: 'wildcardManagedPolicy' },
        { resource: 'role-fail-power-user', messageId: 'wildcardManagedPolicy' },
      ],
    },
    {
      name: 'wildcard statements on every resource, in customer and inline policies',
      inventory: inventory({
        iamRoles: [
          iamRole({ name: 'role-fail-inline-s3', inlinePolicies: [{ name: 's3-all', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }] }),
          iamRole({ name: 'role-fail-kms-all', attachedPolicies: [customerPolicy('kms-admin', doc({ Effect: 'Allow', Action: ['kms:*'], Resource: ['*'] }))] }),
          iamRole({
            name: 'role-fail-s3-get-star',
            attachedPolicies: [customerPolicy('read-everything', doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: 'arn:aws:s3:::*' }))],
          }),
          iamRole({
            name: 'role-fail-kms-decrypt-star',
            attachedPolicies: [customerPolicy('decrypt-any', doc({ Effect: 'Allow', Action: 'KMS:Decrypt*', Resource: 'arn:aws:kms:*:111122223333:key/*' }))],
          }),
          iamRole({
            name: 'role-fail-not-action',
            inlinePolicies: [{ name: 'all-but-iam', document: doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }) }],
          }),
          iamRole({
            name: 'role-fail-star',
            inlinePolicies: [{ name: 'everything', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
          }),
          iamRole({
            name: 'role-fail-not-resource',
            inlinePolicies: [{ name: 'all-but-one', document: doc({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::audit-logs/*' }) }],
          }),
        ],
      }),
      failures: [
        { resource: 'role-fail-inline-s3', messageId: 'wildcardStatement' },
        { resource: 'role-fail-kms-all', messageId: 'wildcardStatement' },
        { resource: 'role-fail-s3-get-star', messageId: 'wildcardStatement' },
        { resource: 'role-fail-kms-decrypt-star', messageId: 'wildcardStatement' },
        { resource: 'role-fail-not-action', messageId: 'wildcardStatement' },
        { resource: 'role-fail-star', messageId: 'wildcardStatement' },
        { resource: 'role-fail-not-resource', messageId: 'wildcardStatement' },
      ],
    },
    {
      name: 'a role trusted by SageMaker and another service is an execution role',
      inventory: inventory({
        iamRoles: [
          iamRole({
            name: 'role-fail-shared-trust',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: ['glue.amazonaws.com', 'SageMaker.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }],
            },
            attachedPolicies: [awsManagedPolicy('AmazonSageMakerFullAccess')],
          }),
        ],
      }),
      failures: [{ resource: 'role-fail-shared-trust', messageId: 'fullAccessPolicy' }],
    },
  ],
  error: [
    {
      name: 'a customer policy whose document was not read',
      inventory: inventory({
        iamRoles: [
          iamRole(),
          iamRole({ name: 'role-error-unread-policy', attachedPolicies: [{ arn: 'arn:aws:iam::111122223333:policy/opaque', name: 'opaque', awsManaged: false }] }),
        ],
      }),
      errors: ['role-error-unread-policy'],
    },
    {
      name: 'GetRole failed for one role',
      inventory: inventory({
        iamRoles: [iamRole()],
        errors: [describeError('iamRoles', roleArn('role-unreadable'), { kind: 'access-denied', code: 'AccessDenied' })],
      }),
      errors: ['role-unreadable'],
    },
    {
      name: 'ListRoles denied: roles nobody references may be missing; roles read keep their verdicts',
      inventory: inventory({
        iamRoles: [iamRole(), iamRole({ name: 'role-fail-full', attachedPolicies: [awsManagedPolicy('AmazonSageMakerFullAccess')] })],
        errors: [listRolesDenied],
      }),
      errors: ['iamRoles (global)'],
      failures: [{ resource: 'role-fail-full', messageId: 'fullAccessPolicy' }],
    },
  ],
});
