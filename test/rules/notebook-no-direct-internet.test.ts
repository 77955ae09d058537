import rule from '../../rules/notebook-no-direct-internet.js';
import { describeError, inventory, listError, notebook, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'DirectInternetAccess Disabled',
      inventory: inventory({ notebookInstances: [notebook()] }),
    },
    {
      // The verdict follows DirectInternetAccess alone, not whether the notebook happens to be in a VPC.
      name: 'disabled in two regions, and on a stopped instance',
      inventory: inventory({
        notebookInstances: [
          notebook(),
          notebook({ name: 'nb-pass-west', region: OTHER_REGION }),
          notebook({ name: 'nb-pass-stopped', status: 'Stopped' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'DirectInternetAccess Enabled',
      inventory: inventory({
        notebookInstances: [notebook(), notebook({ name: 'nb-fail-internet', directInternetAccess: true })],
      }),
      failures: [{ resource: 'nb-fail-internet', messageId: 'directInternet' }],
    },
    {
      name: 'enabled even inside a VPC subnet',
      inventory: inventory({
        notebookInstances: [
          notebook({ name: 'nb-fail-vpc-internet', directInternetAccess: true, subnetId: 'subnet-0a1b2c3d4e5f60718' }),
        ],
      }),
      failures: [{ resource: sagemakerArn('notebook-instance', 'nb-fail-vpc-internet'), messageId: 'directInternet' }],
    },
  ],
  error: [
    {
      name: 'ListNotebookInstances denied in one region: the scope is ERROR, instances read keep their verdicts',
      inventory: inventory({
        notebookInstances: [
          notebook(),
          notebook({ name: 'nb-fail-east', directInternetAccess: true }),
          notebook({ name: 'nb-fail-west', region: OTHER_REGION, directInternetAccess: true }),
        ],
        errors: [listError('notebookInstances')],
      }),
      errors: ['notebookInstances (us-east-1)'],
      failures: [
        { resource: 'nb-fail-east', messageId: 'directInternet' },
        { resource: 'nb-fail-west', messageId: 'directInternet' },
      ],
    },
    {
      name: 'DescribeNotebookInstance failed for one instance',
      inventory: inventory({
        notebookInstances: [notebook(), notebook({ name: 'nb-fail-internet', directInternetAccess: true })],
        errors: [describeError('notebookInstances', sagemakerArn('notebook-instance', 'nb-unreadable'))],
      }),
      errors: ['nb-unreadable'],
      failures: [{ resource: 'nb-fail-internet', messageId: 'directInternet' }],
    },
  ],
});
