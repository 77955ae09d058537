import rule from '../../rules/notebook-lcc-no-secrets.js';
import { ACCOUNT, describeError, inventory, listError, notebook, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { notebookLifecycleConfig } from '../support/builders-workspaces.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'a configuration with no secrets',
      inventory: inventory({ notebookInstances: [notebook({ lifecycleConfigName: 'lcc-pass' })], notebookLifecycleConfigs: [notebookLifecycleConfig()] }),
    },
    {
      name: 'configurations with both hooks, or none, and no secrets',
      inventory: inventory({
        notebookLifecycleConfigs: [
          notebookLifecycleConfig({ name: 'lcc-pass-both-hooks', hooks: ['OnCreate', 'OnStart'] }),
          notebookLifecycleConfig({ name: 'lcc-pass-empty', hooks: [], autoStop: false }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'an access key and a password in the scripts',
      inventory: inventory({
        notebookLifecycleConfigs: [
          notebookLifecycleConfig(),
          notebookLifecycleConfig({
            name: 'lcc-fail-credentials',
            hooks: ['OnCreate', 'OnStart'],
            secretFindings: [
              { hook: 'OnCreate', kind: 'AWS access key id', line: 4 },
              { hook: 'OnCreate', kind: 'AWS secret access key', line: 5 },
              { hook: 'OnStart', kind: 'password assignment', line: 12 },
            ],
          }),
        ],
      }),
      failures: [{ resource: 'lcc-fail-credentials', messageId: 'secretsFound' }],
    },
    {
      name: 'a private key in a configuration in another region',
      inventory: inventory({
        notebookLifecycleConfigs: [
          notebookLifecycleConfig(),
          notebookLifecycleConfig({
            name: 'lcc-fail-ssh-key',
            region: OTHER_REGION,
            secretFindings: [{ hook: 'OnStart', kind: 'private key block', line: 3 }],
          }),
        ],
      }),
      failures: [{ resource: 'lcc-fail-ssh-key', messageId: 'secretsFound' }],
    },
  ],
  error: [
    {
      name: 'DescribeNotebookInstanceLifecycleConfig failed for one configuration',
      inventory: inventory({
        notebookLifecycleConfigs: [notebookLifecycleConfig()],
        errors: [
          describeError('notebookLifecycleConfigs', sagemakerArn('notebook-instance-lifecycle-config', 'lcc-unreadable'), {
            kind: 'access-denied',
            code: 'AccessDeniedException',
          }),
        ],
      }),
      errors: ['lcc-unreadable'],
    },
    {
      name: 'ListNotebookInstances denied: configurations used only by unseen notebooks may be missing',
      inventory: inventory({
        notebookLifecycleConfigs: [
          notebookLifecycleConfig(),
          notebookLifecycleConfig({ name: 'lcc-fail-token', secretFindings: [{ hook: 'OnStart', kind: 'token assignment', line: 2 }] }),
        ],
        errors: [listError('notebookInstances')],
      }),
      errors: ['notebookInstances (us-east-1)'],
      failures: [{ resource: 'lcc-fail-token', messageId: 'secretsFound' }],
    },
    {
      name: 'notebook instances not collected: the configurations cannot be complete',
      inventory: inventory({ notebookLifecycleConfigs: [notebookLifecycleConfig()], notCollected: ['notebookInstances'] }),
      errors: [`account ${ACCOUNT}`],
    },
  ],
});
