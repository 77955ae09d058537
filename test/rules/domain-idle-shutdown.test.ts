import { describe, expect, it } from 'vitest';
import rule from '../../rules/domain-idle-shutdown.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { describeError, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { domain } from '../support/builders-workspaces.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'idle shutdown after 2 hours', inventory: inventory({ domains: [domain()] }) },
    {
      name: 'exactly the maximum timeout, without user bounds',
      inventory: inventory({ domains: [domain({ name: 'domain-pass-240', jupyterLabIdleShutdown: { enabled: true, idleTimeoutMinutes: 240 } })] }),
    },
  ],
  invalid: [
    {
      name: 'idle shutdown disabled or never configured',
      inventory: inventory({
        domains: [
          domain(),
          domain({ name: 'domain-fail-disabled', domainId: 'd-disabled0001', jupyterLabIdleShutdown: { enabled: false, idleTimeoutMinutes: 60 } }),
          domain({ name: 'domain-fail-unset', domainId: 'd-unset0000001', region: OTHER_REGION, jupyterLabIdleShutdown: { enabled: false } }),
        ],
      }),
      failures: [
        { resource: 'domain-fail-disabled', messageId: 'disabled' },
        { resource: 'domain-fail-unset', messageId: 'disabled' },
      ],
    },
    {
      name: 'enabled without a default timeout',
      inventory: inventory({ domains: [domain({ name: 'domain-fail-no-timeout', jupyterLabIdleShutdown: { enabled: true } })] }),
      failures: [{ resource: 'domain-fail-no-timeout', messageId: 'noTimeout' }],
    },
    {
      name: 'a timeout longer than the policy allows',
      inventory: inventory({ domains: [domain({ name: 'domain-fail-24h', jupyterLabIdleShutdown: { enabled: true, idleTimeoutMinutes: 1440 } })] }),
      failures: [{ resource: 'domain-fail-24h', messageId: 'timeoutTooLong' }],
    },
  ],
  error: [
    {
      name: 'DescribeDomain failed for one domain',
      inventory: inventory({ domains: [domain()], errors: [describeError('domains', sagemakerArn('domain', 'd-unreadable01'))] }),
      errors: ['d-unreadable01'],
    },
    {
      name: 'ListDomains denied: the scope is ERROR',
      inventory: inventory({ domains: [domain()], errors: [listError('domains', { region: OTHER_REGION })] }),
      errors: ['domains (us-west-2)'],
    },
  ],
});

describe('rule domain-idle-shutdown options', () => {
  it('uses maxIdleTimeoutMinutes from the configuration', () => {
    const inv = inventory({ domains: [domain({ jupyterLabIdleShutdown: { enabled: true, idleTimeoutMinutes: 480 } })] });
    const statusWith = (options?: Record<string, unknown>): string | undefined =>
      evaluateRules([rule], inv, options ? { ruleOptions: { [rule.id]: options } } : {})[0]?.status;
    expect(statusWith()).toBe('FAIL');
    expect(statusWith({ maxIdleTimeoutMinutes: 480 })).toBe('PASS');
  });
});
