import { describe, expect, it } from 'vitest';
import rule, { hasInstanceStore } from '../../rules/endpoint-config-kms.js';
import {
  awsManagedKmsKey,
  describeError,
  endpointConfig,
  endpointConfigVariant,
  inventory,
  KEY_ID,
  kmsKey,
  kmsKeyArn,
  listError,
  OTHER_REGION,
  sagemakerArn,
  serverlessConfigVariant,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const onInstances = (...types: string[]) =>
  types.map((instanceType, i) => endpointConfigVariant({ name: `variant-${i + 1}`, instanceType }));

runRuleTests(rule, {
  valid: [
    {
      name: 'customer-managed key referenced by key ARN',
      inventory: inventory({ endpointConfigs: [endpointConfig()], kmsKeys: [kmsKey()] }),
    },
    {
      name: 'customer-managed key referenced by bare key id and by alias',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig({ name: 'epc-pass-key-id', kmsKeyId: KEY_ID }),
          endpointConfig({ name: 'epc-pass-alias', kmsKeyId: 'alias/ml-endpoints' }),
        ],
        kmsKeys: [kmsKey({ aliases: ['alias/ml-endpoints'] })],
      }),
    },
    {
      name: 'NVMe instance-store types without a key are not applicable',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig({ name: 'epc-pass-nvme-g5', kmsKeyId: undefined, variants: onInstances('ml.g5.2xlarge') }),
          endpointConfig({ name: 'epc-pass-nvme-m5d', kmsKeyId: undefined, variants: onInstances('ml.m5d.large') }),
          endpointConfig({ name: 'epc-pass-nvme-g4dn', kmsKeyId: undefined, variants: onInstances('ml.g4dn.xlarge') }),
          endpointConfig({ name: 'epc-pass-nvme-p4d', kmsKeyId: undefined, variants: onInstances('ml.p4d.24xlarge') }),
          endpointConfig({ name: 'epc-pass-nvme-trn1', kmsKeyId: undefined, variants: onInstances('ml.trn1.2xlarge') }),
        ],
      }),
    },
    {
      // CreateEndpointConfig rejects a key when any variant has local storage, so the config cannot take one.
      name: 'one NVMe variant among EBS variants makes a key impossible',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig({
            name: 'epc-pass-mixed-nvme',
            kmsKeyId: undefined,
            variants: onInstances('ml.m5.xlarge', 'ml.g5.xlarge'),
          }),
        ],
      }),
    },
    {
      name: 'key in the config region, another region than the default',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig({ name: 'epc-pass-west', region: OTHER_REGION, kmsKeyId: kmsKeyArn(KEY_ID, OTHER_REGION) }),
        ],
        kmsKeys: [kmsKey({ region: OTHER_REGION })],
      }),
    },
  ],
  invalid: [
    {
      name: 'no key on EBS-backed instances',
      inventory: inventory({
        endpointConfigs: [endpointConfig(), endpointConfig({ name: 'epc-fail-no-key', kmsKeyId: undefined })],
        kmsKeys: [kmsKey()],
      }),
      failures: [{ resource: 'epc-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'the AWS-managed aws/sagemaker key',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-fail-aws-key', kmsKeyId: 'alias/aws/sagemaker' })],
        kmsKeys: [awsManagedKmsKey()],
      }),
      failures: [{ resource: sagemakerArn('endpoint-config', 'epc-fail-aws-key'), messageId: 'awsManagedKey' }],
    },
    {
      name: 'serverless-only config without a key (serverless configs accept one)',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig({ name: 'epc-fail-serverless', kmsKeyId: undefined, variants: [serverlessConfigVariant()] }),
        ],
      }),
      failures: [{ resource: 'epc-fail-serverless', messageId: 'noKey' }],
    },
    {
      name: 'accelerated families on EBS (inf2, p3) still need a key; g4ad has NVMe',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig({ name: 'epc-fail-inf2', kmsKeyId: undefined, variants: onInstances('ml.inf2.xlarge') }),
          endpointConfig({ name: 'epc-fail-p3', kmsKeyId: undefined, variants: onInstances('ml.p3.2xlarge') }),
          endpointConfig({ name: 'epc-pass-g4ad', kmsKeyId: undefined, variants: onInstances('ml.g4ad.xlarge') }),
        ],
      }),
      failures: [
        { resource: 'epc-fail-inf2', messageId: 'noKey' },
        { resource: 'epc-fail-p3', messageId: 'noKey' },
      ],
    },
  ],
  error: [
    {
      name: 'ListEndpointConfigs denied in one region: the scope is ERROR, configs read there keep their verdicts',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig(),
          endpointConfig({ name: 'epc-fail-east', kmsKeyId: undefined }),
          endpointConfig({ name: 'epc-fail-west', region: OTHER_REGION, kmsKeyId: undefined }),
        ],
        kmsKeys: [kmsKey()],
        errors: [listError('endpointConfigs')],
      }),
      errors: ['endpointConfigs (us-east-1)'],
      failures: [
        { resource: 'epc-fail-east', messageId: 'noKey' },
        { resource: 'epc-fail-west', messageId: 'noKey' },
      ],
    },
    {
      name: 'DescribeKey denied for the key: the config is ERROR, never PASS',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-error-key-denied' })],
        errors: [describeError('kmsKeys', kmsKeyArn(), { kind: 'access-denied', code: 'AccessDeniedException' })],
      }),
      errors: ['epc-error-key-denied'],
    },
    {
      name: 'KMS keys not collectable in the region',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-error-kms-region' })],
        errors: [listError('kmsKeys')],
      }),
      errors: ['epc-error-kms-region', 'kmsKeys (us-east-1)'],
    },
    {
      name: 'referenced key missing from the inventory',
      inventory: inventory({ endpointConfigs: [endpointConfig({ name: 'epc-error-key-absent' })] }),
      errors: ['epc-error-key-absent'],
    },
    {
      name: 'DescribeEndpointConfig failed for one config: others keep their verdict',
      inventory: inventory({
        endpointConfigs: [endpointConfig(), endpointConfig({ name: 'epc-fail-no-key', kmsKeyId: undefined })],
        kmsKeys: [kmsKey()],
        errors: [describeError('endpointConfigs', sagemakerArn('endpoint-config', 'epc-unreadable'))],
      }),
      errors: ['epc-unreadable'],
      failures: [{ resource: 'epc-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'KMS keys not collected at all',
      inventory: inventory({ endpointConfigs: [endpointConfig()], notCollected: ['kmsKeys'] }),
      errors: ['account 111122223333'],
    },
  ],
});

describe('hasInstanceStore', () => {
  it.each([
    'ml.m5d.xlarge',
    'ml.c5d.2xlarge',
    'ml.r5d.large',
    'ml.g4dn.xlarge',
    'ml.p3dn.24xlarge',
    'ml.p4d.24xlarge',
    'ml.p4de.24xlarge',
    'ml.p5.48xlarge',
    'ml.g5.xlarge',
    'ml.g6.xlarge',
    'ml.trn1.32xlarge',
  ])('%s has local NVMe storage', (type) => expect(hasInstanceStore(type)).toBe(true));

  it.each(['ml.m5.xlarge', 'ml.c5.large', 'ml.p3.2xlarge', 'ml.inf2.xlarge', 'ml.t2.medium', 'ml.c7g.large', 'bogus'])(
    '%s has EBS storage only',
    (type) => expect(hasInstanceStore(type)).toBe(false),
  );
});
