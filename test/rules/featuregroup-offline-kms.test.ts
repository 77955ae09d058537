import rule from '../../rules/featuregroup-offline-kms.js';
import { describeError, featureGroup, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'offline store with a KMS key',
      inventory: inventory({ featureGroups: [featureGroup()] }),
    },
    {
      name: 'online-only feature group has no offline store to encrypt',
      inventory: inventory({
        featureGroups: [featureGroup({ name: 'fg-pass-online-only', offlineStore: undefined })],
      }),
    },
  ],
  invalid: [
    {
      name: 'offline store without a key',
      inventory: inventory({
        featureGroups: [
          featureGroup(),
          featureGroup({ name: 'fg-fail-no-key', offlineStore: { s3Uri: 's3://ml-features-111122223333/raw' } }),
        ],
      }),
      failures: [{ resource: 'fg-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'offline store without a key, while the online store has one',
      inventory: inventory({
        featureGroups: [featureGroup({ name: 'fg-fail-online-key-only', region: OTHER_REGION, offlineStore: {} })],
      }),
      failures: [
        { resource: sagemakerArn('feature-group', 'fg-fail-online-key-only', OTHER_REGION), messageId: 'noKey' },
      ],
    },
  ],
  error: [
    {
      name: 'ListFeatureGroups denied in one region: the scope is ERROR, groups read keep their verdicts',
      inventory: inventory({
        featureGroups: [
          featureGroup(),
          featureGroup({ name: 'fg-fail-no-key', offlineStore: {} }),
          featureGroup({ name: 'fg-pass-west', region: OTHER_REGION }),
        ],
        errors: [listError('featureGroups')],
      }),
      errors: ['featureGroups (us-east-1)'],
      failures: [{ resource: 'fg-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'DescribeFeatureGroup failed for one group',
      inventory: inventory({
        featureGroups: [featureGroup(), featureGroup({ name: 'fg-fail-no-key', offlineStore: {} })],
        errors: [describeError('featureGroups', sagemakerArn('feature-group', 'fg-unreadable'))],
      }),
      errors: ['fg-unreadable'],
      failures: [{ resource: 'fg-fail-no-key', messageId: 'noKey' }],
    },
  ],
});
