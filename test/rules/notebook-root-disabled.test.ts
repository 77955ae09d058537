import rule from '../../rules/notebook-root-disabled.js';
import { describeError, inventory, listError, notebook, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'RootAccess Disabled',
      inventory: inventory({ notebookInstances: [notebook()] }),
    },
    {
      name: 'disabled in two regions',
      inventory: inventory({
        notebookInstances: [notebook(), notebook({ name: 'nb-pass-west', region: OTHER_REGION })],
      }),
    },
  ],
  invalid: [
    {
      name: 'RootAccess Enabled (the API default)',
      inventory: inventory({ notebookInstances: [notebook(), notebook({ name: 'nb-fail-root', rootAccess: true })] }),
      failures: [{ resource: 'nb-fail-root', messageId: 'rootEnabled' }],
    },
    {
      name: 'enabled on several instances, one stopped',
      inventory: inventory({
        notebookInstances: [
          notebook({ name: 'nb-fail-root-a', rootAccess: true }),
          notebook({ name: 'nb-fail-root-stopped', rootAccess: true, status: 'Stopped' }),
        ],
      }),
      failures: [
        { resource: 'nb-fail-root-a', messageId: 'rootEnabled' },
        { resource: 'nb-fail-root-stopped', messageId: 'rootEnabled' },
      ],
    },
  ],
  error: [
    {
      name: 'ListNotebookInstances denied in the region: the scope is ERROR, instances read keep their verdicts',
      inventory: inventory({
        notebookInstances: [notebook(), notebook({ name: 'nb-fail-root', rootAccess: true })],
        errors: [listError('notebookInstances')],
      }),
      errors: ['notebookInstances (us-east-1)'],
      failures: [{ resource: 'nb-fail-root', messageId: 'rootEnabled' }],
    },
    {
      name: 'DescribeNotebookInstance failed for one instance',
      inventory: inventory({
        notebookInstances: [notebook()],
        errors: [describeError('notebookInstances', sagemakerArn('notebook-instance', 'nb-unreadable'))],
      }),
      errors: ['nb-unreadable'],
    },
  ],
});
