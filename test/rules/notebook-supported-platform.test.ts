import { describe, expect, it } from 'vitest';
import rule from '../../rules/notebook-supported-platform.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, notebook, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'Amazon Linux 2023', inventory: inventory({ notebookInstances: [notebook()] }) },
    {
      name: 'every notebook on Amazon Linux 2023, whatever its status or region',
      inventory: inventory({
        notebookInstances: [
          notebook(),
          notebook({ name: 'nb-pass-stopped', status: 'Stopped' }),
          notebook({ name: 'nb-pass-west', region: OTHER_REGION }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'deprecated and end-of-life platforms',
      inventory: inventory({
        notebookInstances: [
          notebook(),
          notebook({ name: 'nb-fail-al1', platformIdentifier: 'notebook-al1-v1' }),
          notebook({ name: 'nb-fail-jupyterlab3', platformIdentifier: 'notebook-al2-v2' }),
          // Still launchable, but Amazon Linux 2 is not on the default allow-list.
          notebook({ name: 'nb-fail-al2-v3', platformIdentifier: 'notebook-al2-v3' }),
        ],
      }),
      failures: [
        { resource: 'nb-fail-al1', messageId: 'unsupported' },
        { resource: 'nb-fail-jupyterlab3', messageId: 'unsupported' },
        { resource: 'nb-fail-al2-v3', messageId: 'unsupported' },
      ],
    },
    {
      name: 'a notebook that reports no platform identifier is not shown to be supported',
      inventory: inventory({ notebookInstances: [notebook({ name: 'nb-fail-no-platform', platformIdentifier: undefined })] }),
      failures: [{ resource: 'nb-fail-no-platform', messageId: 'noPlatform' }],
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
      name: 'ListNotebookInstances denied in a region: the scope is ERROR, notebooks read keep their verdicts',
      inventory: inventory({
        notebookInstances: [notebook(), notebook({ name: 'nb-fail-west', region: OTHER_REGION, platformIdentifier: 'notebook-al2-v1' })],
        errors: [listError('notebookInstances', { region: OTHER_REGION })],
      }),
      errors: ['notebookInstances (us-west-2)'],
      failures: [{ resource: 'nb-fail-west', messageId: 'unsupported' }],
    },
  ],
});

describe('rule notebook-supported-platform options', () => {
  it('accepts the platforms listed in allowedPlatforms', () => {
    const inv = inventory({
      notebookInstances: [
        notebook({ name: 'nb-al2-v3', platformIdentifier: 'notebook-al2-v3' }),
        notebook({ name: 'nb-al2-v2', platformIdentifier: 'notebook-al2-v2' }),
      ],
    });
    const findings = evaluateRules([rule], inv, {
      ruleOptions: { [rule.id]: { allowedPlatforms: ['notebook-al2023-v1', 'notebook-al2-v3'] } },
    });
    expect(findings.map((f) => [f.resource.name, f.status])).toEqual([
      ['nb-al2-v3', 'PASS'],
      ['nb-al2-v2', 'FAIL'],
    ]);
  });
});
