import rule from '../../rules/model-card-kms.js';
import { describeError, inventory, kmsAliasArn, listError, sagemakerArn } from '../support/builders.js';
import { modelCard } from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'a customer-managed key ARN', inventory: inventory({ modelCards: [modelCard()] }) },
    {
      name: 'a customer alias, and an archived card is judged too',
      inventory: inventory({
        modelCards: [
          modelCard({ name: 'mc-pass-alias', kmsKeyId: 'alias/ml-model-cards' }),
          modelCard({ name: 'mc-pass-archived', status: 'Archived' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no SecurityConfig: an AWS owned key',
      inventory: inventory({ modelCards: [modelCard(), modelCard({ name: 'mc-fail-no-key', kmsKeyId: undefined, status: 'Draft' })] }),
      failures: [{ resource: 'mc-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'the AWS managed aws/sagemaker key, by alias name or alias ARN',
      inventory: inventory({
        modelCards: [
          modelCard({ name: 'mc-fail-aws-alias', kmsKeyId: 'alias/aws/sagemaker' }),
          modelCard({ name: 'mc-fail-aws-alias-arn', kmsKeyId: kmsAliasArn('alias/aws/sagemaker') }),
        ],
      }),
      failures: [
        { resource: 'mc-fail-aws-alias', messageId: 'awsManagedKey' },
        { resource: 'mc-fail-aws-alias-arn', messageId: 'awsManagedKey' },
      ],
    },
  ],
  error: [
    {
      name: 'DescribeModelCard failed for one card (e.g. kms:Decrypt denied)',
      inventory: inventory({ modelCards: [modelCard()], errors: [describeError('modelCards', sagemakerArn('model-card', 'mc-unreadable'))] }),
      errors: ['mc-unreadable'],
    },
    {
      name: 'ListModelCards denied: the scope is ERROR',
      inventory: inventory({ modelCards: [modelCard()], errors: [listError('modelCards')] }),
      errors: ['modelCards (us-east-1)'],
    },
  ],
});
