import rule from '../../rules/notebook-imdsv2.js';
import { describeError, inventory, listError, notebook, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'IMDSv2 required', inventory: inventory({ notebookInstances: [notebook()] }) },
    {
      name: 'IMDSv2 required on a stopped notebook in another region',
      inventory: inventory({ notebookInstances: [notebook({ name: 'nb-pass-west', region: OTHER_REGION, status: 'Stopped' })] }),
    },
  ],
  invalid: [
    {
      name: 'minimum version 1',
      inventory: inventory({ notebookInstances: [notebook(), notebook({ name: 'nb-fail-imdsv1', minimumImdsVersion: '1' })] }),
      failures: [{ resource: 'nb-fail-imdsv1', messageId: 'legacyImdsAllowed' }],
    },
    {
      name: 'no InstanceMetadataServiceConfiguration reported: version 1 is the default',
      inventory: inventory({ notebookInstances: [notebook({ name: 'nb-fail-imds-unset', minimumImdsVersion: undefined })] }),
      failures: [{ resource: 'nb-fail-imds-unset', messageId: 'legacyImdsAllowed' }],
    },
  ],
  error: [
    {
      name: 'DescribeNotebookInstance failed for one notebook',
      inventory: inventory({
        notebookInstances: [notebook()],
        errors: [describeError('notebookInstances', sagemakerArn('notebook-instance', 'nb-unreadable'))],
      }),
      errors: ['nb-unreadable'],
    },
    {
      name: 'ListNotebookInstances denied: the scope is ERROR',
      inventory: inventory({ notebookInstances: [], errors: [listError('notebookInstances')] }),
      errors: ['notebookInstances (us-east-1)'],
    },
  ],
});
