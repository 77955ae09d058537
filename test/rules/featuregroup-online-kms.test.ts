import rule from '../../rules/featuregroup-online-kms.js';
import { describeError, featureGroup, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'a Standard online store with a KMS key', inventory: inventory({ featureGroups: [featureGroup()] }) },
    {
      name: 'not applicable: no online store, a disabled one, or the InMemory tier',
      inventory: inventory({
        featureGroups: [
          featureGroup({ name: 'fg-pass-offline-only', onlineStore: undefined }),
          featureGroup({ name: 'fg-pass-online-disabled', onlineStore: { enabled: false } }),
          featureGroup({ name: 'fg-pass-in-memory', offlineStore: undefined, onlineStore: { enabled: true, storageType: 'InMemory' } }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a Standard online store without a key',
      inventory: inventory({
        featureGroups: [featureGroup(), featureGroup({ name: 'fg-fail-no-key', onlineStore: { enabled: true, storageType: 'Standard' } })],
      }),
      failures: [{ resource: 'fg-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'an online store without StorageType is Standard',
      inventory: inventory({ featureGroups: [featureGroup({ name: 'fg-fail-default-tier', region: OTHER_REGION, onlineStore: { enabled: true } })] }),
      failures: [{ resource: 'fg-fail-default-tier', messageId: 'noKey' }],
    },
  ],
  error: [
    {
      name: 'DescribeFeatureGroup failed for one group',
      inventory: inventory({ featureGroups: [featureGroup()], errors: [describeError('featureGroups', sagemakerArn('feature-group', 'fg-unreadable'))] }),
      errors: ['fg-unreadable'],
    },
    {
      name: 'ListFeatureGroups denied: the scope is ERROR',
      inventory: inventory({ featureGroups: [featureGroup({ region: OTHER_REGION })], errors: [listError('featureGroups')] }),
      errors: ['featureGroups (us-east-1)'],
    },
  ],
});
