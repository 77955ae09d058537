import rule from '../../rules/notebook-in-vpc.js';
import { describeError, inventory, listError, notebook, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'SubnetId set',
      inventory: inventory({ notebookInstances: [notebook()] }),
    },
    {
      name: 'in a VPC with direct internet still counts as in a VPC',
      inventory: inventory({
        notebookInstances: [notebook({ name: 'nb-pass-vpc-internet', directInternetAccess: true })],
      }),
    },
  ],
  invalid: [
    {
      name: 'no SubnetId',
      inventory: inventory({
        notebookInstances: [
          notebook(),
          notebook({ name: 'nb-fail-no-vpc', subnetId: undefined, securityGroups: [], directInternetAccess: true }),
        ],
      }),
      failures: [{ resource: 'nb-fail-no-vpc', messageId: 'noVpc' }],
    },
    {
      name: 'no SubnetId in another region',
      inventory: inventory({
        notebookInstances: [notebook({ name: 'nb-fail-west', region: OTHER_REGION, subnetId: undefined })],
      }),
      failures: [{ resource: sagemakerArn('notebook-instance', 'nb-fail-west', OTHER_REGION), messageId: 'noVpc' }],
    },
  ],
  error: [
    {
      name: 'ListNotebookInstances throttled in the region: the scope is ERROR, instances read keep their verdicts',
      inventory: inventory({
        notebookInstances: [
          notebook(),
          notebook({ name: 'nb-fail-no-vpc', subnetId: undefined }),
          notebook({ name: 'nb-pass-west', region: OTHER_REGION }),
        ],
        errors: [
          listError('notebookInstances', { kind: 'throttled', code: 'ThrottlingException', message: 'Rate exceeded' }),
        ],
      }),
      errors: ['notebookInstances (us-east-1)'],
      failures: [{ resource: 'nb-fail-no-vpc', messageId: 'noVpc' }],
    },
    {
      name: 'DescribeNotebookInstance failed for one instance',
      inventory: inventory({
        notebookInstances: [notebook(), notebook({ name: 'nb-fail-no-vpc', subnetId: undefined })],
        errors: [describeError('notebookInstances', sagemakerArn('notebook-instance', 'nb-unreadable'))],
      }),
      errors: ['nb-unreadable'],
      failures: [{ resource: 'nb-fail-no-vpc', messageId: 'noVpc' }],
    },
  ],
});
