import rule from '../../rules/iam-execution-role-not-admin.js';
import type { PolicyDocument } from '../../src/inventory/model.js';
import {
  awsManagedPolicy,
  customerPolicy,
  describeError,
  iamRole,
  inventory,
  listError,
  roleArn,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const doc = (Statement: PolicyDocument['Statement']): PolicyDocument => ({ Version: '2012-10-17', Statement });

runRuleTests(rule, {
  valid: [
    {
      name: 'scoped customer policy',
      inventory: inventory({ iamRoles: [iamRole()] }),
    },
    {
      name: 'broad but not admin: service wildcards, wildcard on a scoped resource, Deny *, single-object statement',
      inventory: inventory({
        iamRoles: [
          iamRole({
            name: 'role-pass-broad',
            attachedPolicies: [
              awsManagedPolicy('AmazonSageMakerFullAccess'),
              customerPolicy('s3-everything', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })),
              customerPolicy('one-bucket', doc([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::ml-data/*' }])),
            ],
            inlinePolicies: [
              { name: 'deny-all-outside-hours', document: doc({ Effect: 'Deny', Action: '*', Resource: '*' }) },
              { name: 'no-statement', document: { Version: '2012-10-17' } },
            ],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'AdministratorAccess attached',
      inventory: inventory({
        iamRoles: [
          iamRole(),
          iamRole({ name: 'role-fail-admin', attachedPolicies: [awsManagedPolicy('AdministratorAccess')] }),
        ],
      }),
      failures: [{ resource: 'role-fail-admin', messageId: 'adminPolicy' }],
    },
    {
      name: 'wildcard statements: inline object, customer array with *:*, mixed arrays',
      inventory: inventory({
        iamRoles: [
          iamRole({
            name: 'role-fail-inline-star',
            inlinePolicies: [{ name: 'everything', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
          }),
          iamRole({
            name: 'role-fail-customer-star-star',
            attachedPolicies: [
              customerPolicy(
                'ml-admin',
                doc([{ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['arn:aws:s3:::x', '*'] }]),
              ),
            ],
          }),
        ],
      }),
      failures: [
        { resource: 'role-fail-inline-star', messageId: 'wildcardPolicy' },
        { resource: roleArn('role-fail-customer-star-star'), messageId: 'wildcardPolicy' },
      ],
    },
    {
      name: 'NotAction or NotResource with Allow',
      inventory: inventory({
        iamRoles: [
          iamRole({
            name: 'role-fail-not-action',
            attachedPolicies: [
              customerPolicy(
                'power-user',
                doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }),
              ),
            ],
          }),
          iamRole({
            name: 'role-fail-not-resource',
            inlinePolicies: [
              {
                name: 'all-but-one',
                document: doc({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::audit-logs/*' }),
              },
            ],
          }),
        ],
      }),
      failures: [
        { resource: 'role-fail-not-action', messageId: 'wildcardPolicy' },
        { resource: 'role-fail-not-resource', messageId: 'wildcardPolicy' },
      ],
    },
    {
      name: 'AdministratorAccess takes precedence over a wildcard policy; GovCloud ARN',
      inventory: inventory({
        iamRoles: [
          iamRole({
            name: 'role-fail-both',
            attachedPolicies: [
              {
                arn: 'arn:aws-us-gov:iam::aws:policy/AdministratorAccess',
                name: 'AdministratorAccess',
                awsManaged: true,
              },
              customerPolicy('star', doc({ Effect: 'Allow', Action: '*', Resource: '*' })),
            ],
          }),
        ],
      }),
      failures: [{ resource: 'role-fail-both', messageId: 'adminPolicy' }],
    },
  ],
  error: [
    {
      name: 'role list incomplete: the global scope is ERROR, roles read keep their verdicts',
      inventory: inventory({
        iamRoles: [
          iamRole(),
          iamRole({ name: 'role-fail-admin', attachedPolicies: [awsManagedPolicy('AdministratorAccess')] }),
        ],
        errors: [listError('iamRoles')],
      }),
      errors: ['iamRoles (global)'],
      failures: [{ resource: 'role-fail-admin', messageId: 'adminPolicy' }],
    },
    {
      // Roles are found through the resources that use them, so a source slice that failed leaves the list incomplete:
      // that gap is reported, while each role that was read stands on its own GetRole.
      name: 'ListTrainingJobs denied: the source scope is ERROR, roles read keep their verdicts',
      inventory: inventory({
        iamRoles: [
          iamRole(),
          iamRole({ name: 'role-fail-admin', attachedPolicies: [awsManagedPolicy('AdministratorAccess')] }),
        ],
        errors: [listError('trainingJobs')],
      }),
      errors: ['trainingJobs (us-east-1)'],
      failures: [{ resource: 'role-fail-admin', messageId: 'adminPolicy' }],
    },
    {
      name: 'GetRole failed for one role; another role\'s customer policy document was not read',
      inventory: inventory({
        iamRoles: [
          iamRole(),
          iamRole({
            name: 'role-error-unread-policy',
            attachedPolicies: [{ arn: 'arn:aws:iam::111122223333:policy/opaque', name: 'opaque', awsManaged: false }],
          }),
        ],
        errors: [
          describeError('iamRoles', roleArn('role-unreadable'), { kind: 'access-denied', code: 'AccessDenied' }),
        ],
      }),
      errors: ['role-unreadable', 'role-error-unread-policy'],
    },
  ],
});
