import rule from '../../rules/endpoint-data-capture-kms.js';
import {
  awsManagedKmsKey,
  describeError,
  endpointConfig,
  inventory,
  kmsKey,
  kmsKeyArn,
  listError,
  OTHER_REGION,
  sagemakerArn,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const CAPTURE = {
  enabled: true,
  samplingPercentage: 20,
  captureInput: true,
  captureOutput: true,
  destinationS3Uri: 's3://ml-capture-111122223333/churn',
};

runRuleTests(rule, {
  valid: [
    {
      name: 'capture encrypted with a customer-managed key referenced by ARN',
      inventory: inventory({ endpointConfigs: [endpointConfig()], kmsKeys: [kmsKey()] }),
    },
    {
      name: 'capture encrypted with a customer-managed key referenced by alias',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-pass-alias', dataCapture: { ...CAPTURE, kmsKeyId: 'alias/ml-capture' } })],
        kmsKeys: [kmsKey({ aliases: ['alias/ml-capture'] })],
      }),
    },
    {
      name: 'configs that capture nothing are not applicable, with or without a key',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig({ name: 'epc-pass-no-capture', dataCapture: undefined }),
          endpointConfig({ name: 'epc-pass-capture-off', dataCapture: { ...CAPTURE, enabled: false } }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'capture on without a KmsKeyId',
      inventory: inventory({
        endpointConfigs: [endpointConfig(), endpointConfig({ name: 'epc-fail-no-key', dataCapture: CAPTURE })],
        kmsKeys: [kmsKey()],
      }),
      failures: [{ resource: 'epc-fail-no-key', messageId: 'noKey' }],
    },
    {
      name: 'capture encrypted with the AWS-managed aws/s3 key',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-fail-aws-key', dataCapture: { ...CAPTURE, kmsKeyId: 'alias/aws/s3' } })],
        kmsKeys: [awsManagedKmsKey({ aliases: ['alias/aws/s3'] })],
      }),
      failures: [{ resource: 'epc-fail-aws-key', messageId: 'awsManagedKey' }],
    },
  ],
  error: [
    {
      name: 'DescribeKey failed for the capture key: ERROR, not PASS',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-error-key-unreadable' })],
        errors: [describeError('kmsKeys', kmsKeyArn(), { operation: 'DescribeKey', action: 'kms:DescribeKey' })],
      }),
      errors: ['epc-error-key-unreadable'],
    },
    {
      name: 'the capture key is not in the inventory',
      inventory: inventory({ endpointConfigs: [endpointConfig({ name: 'epc-error-key-missing' })] }),
      errors: ['epc-error-key-missing'],
    },
    {
      name: 'ListEndpointConfigs denied in one region: scope ERROR, configs read elsewhere keep their verdicts',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-fail-west', region: OTHER_REGION, dataCapture: CAPTURE })],
        errors: [listError('endpointConfigs')],
      }),
      errors: ['endpointConfigs (us-east-1)'],
      failures: [{ resource: 'epc-fail-west', messageId: 'noKey' }],
    },
    {
      name: 'DescribeEndpointConfig failed for one config',
      inventory: inventory({
        endpointConfigs: [endpointConfig()],
        kmsKeys: [kmsKey()],
        errors: [describeError('endpointConfigs', sagemakerArn('endpoint-config', 'epc-unreadable'))],
      }),
      errors: ['epc-unreadable'],
    },
  ],
});
