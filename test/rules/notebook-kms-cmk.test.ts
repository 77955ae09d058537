import rule from '../../rules/notebook-kms-cmk.js';
import {
  awsManagedKmsKey,
  describeError,
  inventory,
  KEY_ID,
  kmsKey,
  kmsKeyArn,
  listError,
  notebook,
  OTHER_REGION,
  sagemakerArn,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'customer-managed key by key id',
      inventory: inventory({ notebookInstances: [notebook()], kmsKeys: [kmsKey()] }),
    },
    {
      name: 'customer-managed key by key ARN and by alias ARN',
      inventory: inventory({
        notebookInstances: [
          notebook({ name: 'nb-pass-key-arn', kmsKeyId: kmsKeyArn() }),
          notebook({ name: 'nb-pass-alias-arn', kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:alias/notebooks' }),
        ],
        kmsKeys: [kmsKey({ aliases: ['alias/notebooks'] })],
      }),
    },
  ],
  invalid: [
    {
      name: 'no KmsKeyId (AWS-managed key used)',
      inventory: inventory({
        notebookInstances: [notebook(), notebook({ name: 'nb-fail-no-key', kmsKeyId: undefined })],
        kmsKeys: [kmsKey()],
      }),
      failures: [{ resource: 'nb-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'the AWS-managed key named explicitly',
      inventory: inventory({
        notebookInstances: [notebook({ name: 'nb-fail-aws-key', kmsKeyId: 'alias/aws/sagemaker' })],
        kmsKeys: [awsManagedKmsKey()],
      }),
      failures: [{ resource: 'nb-fail-aws-key', messageId: 'awsManagedKey' }],
    },
  ],
  error: [
    {
      name: 'ListNotebookInstances denied in one region: the scope is ERROR, instances read keep their verdicts',
      inventory: inventory({
        notebookInstances: [
          notebook(),
          notebook({ name: 'nb-fail-east', kmsKeyId: undefined }),
          notebook({ name: 'nb-fail-west', region: OTHER_REGION, kmsKeyId: undefined }),
        ],
        kmsKeys: [kmsKey()],
        errors: [listError('notebookInstances')],
      }),
      errors: ['notebookInstances (us-east-1)'],
      failures: [
        { resource: 'nb-fail-east', messageId: 'noKey' },
        { resource: 'nb-fail-west', messageId: 'noKey' },
      ],
    },
    {
      name: 'DescribeKey denied for the notebook key: ERROR, never PASS',
      inventory: inventory({
        notebookInstances: [notebook({ name: 'nb-error-key-denied' })],
        errors: [describeError('kmsKeys', kmsKeyArn(KEY_ID), { kind: 'access-denied', code: 'AccessDeniedException' })],
      }),
      errors: ['nb-error-key-denied'],
    },
    {
      name: 'key missing from the inventory, or its region not collectable',
      inventory: inventory({
        notebookInstances: [
          notebook({ name: 'nb-error-key-absent' }),
          notebook({ name: 'nb-error-west-kms', region: OTHER_REGION, kmsKeyId: kmsKeyArn(KEY_ID, OTHER_REGION) }),
        ],
        errors: [listError('kmsKeys', { region: OTHER_REGION })],
      }),
      errors: ['nb-error-key-absent', 'nb-error-west-kms', 'kmsKeys (us-west-2)'],
    },
    {
      name: 'key described without a KeyManager',
      inventory: inventory({
        notebookInstances: [notebook({ name: 'nb-error-key-manager' })],
        kmsKeys: [kmsKey({ manager: 'Unknown' })],
      }),
      errors: ['nb-error-key-manager'],
    },
    {
      name: 'DescribeNotebookInstance failed for one instance',
      inventory: inventory({
        notebookInstances: [notebook()],
        kmsKeys: [kmsKey()],
        errors: [describeError('notebookInstances', sagemakerArn('notebook-instance', 'nb-unreadable'))],
      }),
      errors: ['nb-unreadable'],
    },
  ],
});
