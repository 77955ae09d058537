import rule from '../../rules/cost-allocation-tags.js';
import type { Rule } from '../../src/engine/rule.js';
import { describeError, inventory, listError, sagemakerArn } from '../support/builders.js';
import { resourceTags } from '../support/builders-governance.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'project and owner set', inventory: inventory({ resourceTags: [resourceTags()] }) },
    {
      name: 'extra tags are fine, on any resource type',
      inventory: inventory({
        resourceTags: [
          resourceTags({
            name: 'nb-pass',
            type: 'notebook-instance',
            resourceType: 'AWS::SageMaker::NotebookInstance',
            tags: { project: 'churn', owner: 'ml-team', 'cost-center': 'cc-4410', 'aws:cloudformation:stack-name': 'ml' },
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a missing owner, and no tags at all',
      inventory: inventory({
        resourceTags: [
          resourceTags(),
          resourceTags({ name: 'ep-fail-no-owner', tags: { project: 'churn' } }),
          resourceTags({ name: 'model-fail-untagged', type: 'model', resourceType: 'AWS::SageMaker::Model', tags: {} }),
        ],
      }),
      failures: [
        { resource: 'ep-fail-no-owner', messageId: 'missingTags' },
        { resource: 'model-fail-untagged', messageId: 'missingTags' },
      ],
    },
    {
      name: 'an empty value does not allocate cost, and keys are case-sensitive',
      inventory: inventory({
        resourceTags: [
          resourceTags({ name: 'ep-fail-empty-owner', tags: { project: 'churn', owner: ' ' } }),
          resourceTags({ name: 'ep-fail-capitalised', tags: { Project: 'churn', Owner: 'ml-team' } }),
        ],
      }),
      failures: [
        { resource: 'ep-fail-empty-owner', messageId: 'missingTags' },
        { resource: 'ep-fail-capitalised', messageId: 'missingTags' },
      ],
    },
  ],
  error: [
    {
      name: 'ListTags failed for one resource',
      inventory: inventory({
        resourceTags: [resourceTags()],
        errors: [describeError('resourceTags', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
    {
      name: 'ListEndpoints denied: the scope is ERROR, resources read keep their verdicts',
      inventory: inventory({
        resourceTags: [resourceTags(), resourceTags({ name: 'ep-fail-no-owner', tags: { project: 'churn' } })],
        errors: [listError('endpoints')],
      }),
      errors: ['endpoints (us-east-1)'],
      failures: [{ resource: 'ep-fail-no-owner', messageId: 'missingTags' }],
    },
  ],
});

/** requiredTags replaces the default list. */
const withCostCenter: Rule = { ...rule, options: { requiredTags: ['project', 'cost-center'] } };
runRuleTests(withCostCenter, {
  valid: [
    {
      name: 'requiredTags [project, cost-center]: owner is no longer required',
      inventory: inventory({ resourceTags: [resourceTags({ tags: { project: 'churn', 'cost-center': 'cc-4410' } })] }),
    },
  ],
  invalid: [
    {
      name: 'requiredTags [project, cost-center]: the default tags are not enough',
      inventory: inventory({ resourceTags: [resourceTags({ name: 'ep-fail-no-cost-center' })] }),
      failures: [{ resource: 'ep-fail-no-cost-center', messageId: 'missingTags' }],
    },
  ],
  error: [
    {
      name: 'requiredTags [project, cost-center]: ListTags failed',
      inventory: inventory({ errors: [describeError('resourceTags', sagemakerArn('endpoint', 'ep-unreadable'))] }),
      errors: ['ep-unreadable'],
    },
  ],
});
