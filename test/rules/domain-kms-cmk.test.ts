import { describe, expect, it } from 'vitest';
import rule from '../../rules/domain-kms-cmk.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import {
  ACCOUNT,
  AWS_MANAGED_KEY_ID,
  awsManagedKmsKey,
  describeError,
  inventory,
  kmsAliasArn,
  kmsKey,
  kmsKeyArn,
  listError,
  sagemakerArn,
} from '../support/builders.js';
import { domain } from '../support/builders-workspaces.js';
import { runRuleTests } from '../support/rule-tester.js';

const UNSEEN_KEY = '9999ffff-12ab-34cd-56ef-1234567890ab';

runRuleTests(rule, {
  valid: [
    { name: 'a customer-managed key', inventory: inventory({ domains: [domain()], kmsKeys: [kmsKey()] }) },
    {
      name: 'a customer-managed key referenced by alias',
      inventory: inventory({
        domains: [domain({ name: 'domain-pass-alias', kmsKeyId: kmsAliasArn('alias/ml-data') })],
        kmsKeys: [kmsKey({ aliases: ['alias/ml-data'] })],
      }),
    },
  ],
  invalid: [
    {
      name: 'no KmsKeyId: the AWS-managed key',
      inventory: inventory({ domains: [domain(), domain({ name: 'domain-fail-no-key', domainId: 'd-nokey0000001', kmsKeyId: undefined })], kmsKeys: [kmsKey()] }),
      failures: [{ resource: 'domain-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'the aws/sagemaker key named explicitly',
      inventory: inventory({
        domains: [domain({ name: 'domain-fail-aws-key', kmsKeyId: kmsKeyArn(AWS_MANAGED_KEY_ID) })],
        kmsKeys: [awsManagedKmsKey()],
      }),
      failures: [{ resource: 'domain-fail-aws-key', messageId: 'awsManagedKey' }],
    },
  ],
  error: [
    {
      name: 'DescribeKey failed for the domain key',
      inventory: inventory({
        domains: [domain({ name: 'domain-error-key-unreadable' })],
        errors: [describeError('kmsKeys', kmsKeyArn(), { kind: 'access-denied', code: 'AccessDeniedException' })],
      }),
      errors: ['domain-error-key-unreadable'],
    },
    {
      name: 'a key missing from the inventory: its manager is unknown, never assumed customer-managed',
      inventory: inventory({ domains: [domain({ name: 'domain-error-key-unseen', kmsKeyId: kmsKeyArn(UNSEEN_KEY) })], kmsKeys: [kmsKey()] }),
      errors: ['domain-error-key-unseen'],
    },
    {
      name: 'a key with an unknown KeyManager',
      inventory: inventory({ domains: [domain({ name: 'domain-error-odd-key' })], kmsKeys: [kmsKey({ manager: 'Unknown' })] }),
      errors: ['domain-error-odd-key'],
    },
    {
      name: 'DescribeDomain failed for one domain, ListDomains denied in the region',
      inventory: inventory({
        domains: [domain()],
        kmsKeys: [kmsKey()],
        errors: [describeError('domains', sagemakerArn('domain', 'd-unreadable01')), listError('domains')],
      }),
      errors: ['d-unreadable01', 'domains (us-east-1)'],
    },
    {
      name: 'KMS keys not collected',
      inventory: inventory({ domains: [domain()], notCollected: ['kmsKeys'] }),
      errors: [`account ${ACCOUNT}`],
    },
  ],
});

describe('rule domain-kms-cmk evidence', () => {
  it('shows the key and its manager', () => {
    const [finding] = evaluateRules([rule], inventory({ domains: [domain()], kmsKeys: [kmsKey()] }));
    expect(finding?.status).toBe('PASS');
    expect(finding?.evidence).toEqual({ KmsKeyId: kmsKeyArn(), KeyManager: 'CUSTOMER' });
  });
});
