import { describe, expect, it } from 'vitest';
import rule from '../../rules/notebook-idle.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, notebook, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { daysBeforeCollection, notebookLifecycleConfig, notebookWithAutoStop, RECENTLY } from '../support/builders-workspaces.js';
import { runRuleTests } from '../support/rule-tester.js';

const longAgo = daysBeforeCollection(45);

runRuleTests(rule, {
  valid: [
    {
      name: 'a long-running notebook whose lifecycle configuration stops it when idle',
      inventory: inventory({
        notebookInstances: [notebookWithAutoStop({ lastModifiedTime: longAgo })],
        notebookLifecycleConfigs: [notebookLifecycleConfig()],
      }),
    },
    {
      name: 'a notebook started recently needs no auto-stop yet, even without a lifecycle configuration',
      inventory: inventory({ notebookInstances: [notebook({ name: 'nb-pass-recent', lastModifiedTime: RECENTLY })] }),
    },
    {
      name: 'exactly maxIdleDays in service is still within the limit',
      inventory: inventory({ notebookInstances: [notebook({ name: 'nb-pass-14-days', lastModifiedTime: daysBeforeCollection(14) })] }),
    },
    {
      name: 'stopped, pending and failed notebooks cost nothing idle',
      inventory: inventory({
        notebookInstances: [
          notebook({ name: 'nb-pass-stopped', status: 'Stopped', lastModifiedTime: longAgo }),
          notebook({ name: 'nb-pass-pending', status: 'Pending', lastModifiedTime: longAgo }),
          notebook({ name: 'nb-pass-failed', status: 'Failed', lastModifiedTime: longAgo }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'InService for 45 days without a lifecycle configuration',
      inventory: inventory({
        notebookInstances: [
          notebookWithAutoStop(),
          notebook({ name: 'nb-fail-idle', lastModifiedTime: longAgo }),
        ],
        notebookLifecycleConfigs: [notebookLifecycleConfig()],
      }),
      failures: [{ resource: 'nb-fail-idle', messageId: 'noAutoStop' }],
    },
    {
      name: 'InService for 15 days with a lifecycle configuration that only installs packages',
      inventory: inventory({
        notebookInstances: [notebook({ name: 'nb-fail-no-autostop', lifecycleConfigName: 'lcc-pip-install', lastModifiedTime: daysBeforeCollection(15) })],
        notebookLifecycleConfigs: [notebookLifecycleConfig({ name: 'lcc-pip-install', autoStop: false })],
      }),
      failures: [{ resource: 'nb-fail-no-autostop', messageId: 'lifecycleWithoutAutoStop' }],
    },
    {
      name: 'the configuration is looked up in the notebook\'s region',
      inventory: inventory({
        notebookInstances: [notebookWithAutoStop({ name: 'nb-pass-east', lastModifiedTime: longAgo }), notebook({
          name: 'nb-fail-west',
          region: OTHER_REGION,
          lifecycleConfigName: 'lcc-pass',
          lastModifiedTime: longAgo,
        })],
        notebookLifecycleConfigs: [
          notebookLifecycleConfig(),
          notebookLifecycleConfig({ region: OTHER_REGION, autoStop: false }),
        ],
      }),
      failures: [{ resource: 'nb-fail-west', messageId: 'lifecycleWithoutAutoStop' }],
    },
  ],
  error: [
    {
      name: 'the lifecycle configuration could not be described: long-running notebooks using it are ERROR',
      inventory: inventory({
        notebookInstances: [
          notebook({ name: 'nb-error-lcc-unreadable', lifecycleConfigName: 'lcc-secret', lastModifiedTime: longAgo }),
          // Recent enough that the configuration does not matter.
          notebook({ name: 'nb-pass-recent', lifecycleConfigName: 'lcc-secret', lastModifiedTime: RECENTLY }),
          notebook({ name: 'nb-fail-idle', lastModifiedTime: longAgo }),
        ],
        errors: [
          describeError('notebookLifecycleConfigs', sagemakerArn('notebook-instance-lifecycle-config', 'lcc-secret'), {
            kind: 'access-denied',
            code: 'AccessDeniedException',
          }),
        ],
      }),
      errors: ['nb-error-lcc-unreadable'],
      failures: [{ resource: 'nb-fail-idle', messageId: 'noAutoStop' }],
    },
    {
      name: 'a lifecycle configuration missing from the inventory is ERROR, not FAIL',
      inventory: inventory({
        notebookInstances: [notebook({ name: 'nb-error-lcc-missing', lifecycleConfigName: 'lcc-missing', lastModifiedTime: longAgo })],
      }),
      errors: ['nb-error-lcc-missing'],
    },
    {
      name: 'an InService notebook without LastModifiedTime cannot be aged',
      inventory: inventory({ notebookInstances: [notebook({ name: 'nb-error-no-time', lastModifiedTime: undefined })] }),
      errors: ['nb-error-no-time'],
    },
    {
      name: 'DescribeNotebookInstance failed for one notebook, ListNotebookInstances denied in another region',
      inventory: inventory({
        notebookInstances: [notebookWithAutoStop()],
        notebookLifecycleConfigs: [notebookLifecycleConfig()],
        errors: [
          describeError('notebookInstances', sagemakerArn('notebook-instance', 'nb-unreadable')),
          listError('notebookInstances', { region: OTHER_REGION }),
        ],
      }),
      errors: ['nb-unreadable', 'notebookInstances (us-west-2)'],
    },
  ],
});

describe('rule notebook-idle options', () => {
  it('uses maxIdleDays from the configuration', () => {
    const inv = inventory({ notebookInstances: [notebook({ name: 'nb-5-days', lastModifiedTime: daysBeforeCollection(5) })] });
    const statusWith = (options?: Record<string, unknown>): string | undefined =>
      evaluateRules([rule], inv, options ? { ruleOptions: { [rule.id]: options } } : {})[0]?.status;
    expect(statusWith()).toBe('PASS');
    expect(statusWith({ maxIdleDays: 3 })).toBe('FAIL');
  });
});
