import rule from '../../rules/featuregroup-offline-store.js';
import { describeError, featureGroup, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'online and offline stores', inventory: inventory({ featureGroups: [featureGroup()] }) },
    {
      name: 'an offline-only group, and an InMemory online group that cannot have an offline store',
      inventory: inventory({
        featureGroups: [
          featureGroup({ name: 'fg-pass-offline-only', onlineStore: undefined }),
          featureGroup({ name: 'fg-pass-in-memory', offlineStore: undefined, onlineStore: { enabled: true, storageType: 'InMemory' } }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a Standard online-only group',
      inventory: inventory({ featureGroups: [featureGroup(), featureGroup({ name: 'fg-fail-online-only', offlineStore: undefined })] }),
      failures: [{ resource: 'fg-fail-online-only', messageId: 'noOfflineStore' }],
    },
    {
      name: 'a group with neither store enabled',
      inventory: inventory({
        featureGroups: [featureGroup({ name: 'fg-fail-no-store', region: OTHER_REGION, offlineStore: undefined, onlineStore: { enabled: false, storageType: 'InMemory' } })],
      }),
      failures: [{ resource: 'fg-fail-no-store', messageId: 'noOfflineStore' }],
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
      inventory: inventory({ errors: [listError('featureGroups')] }),
      errors: ['featureGroups (us-east-1)'],
    },
  ],
});
