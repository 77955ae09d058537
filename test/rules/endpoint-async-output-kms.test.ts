import rule from '../../rules/endpoint-async-output-kms.js';
import {
  awsManagedKmsKey,
  describeError,
  endpointConfig,
  inventory,
  KEY_ID,
  kmsKey,
  kmsKeyArn,
  listError,
  OTHER_REGION,
  sagemakerArn,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'real-time configs (no AsyncInferenceConfig) are not applicable',
      inventory: inventory({ endpointConfigs: [endpointConfig()], kmsKeys: [kmsKey()] }),
    },
    {
      name: 'async output encrypted with a customer-managed key, by ARN and by bare key id',
      inventory: inventory({
        endpointConfigs: [
          endpointConfig({ name: 'epc-pass-async', asyncInference: { outputKmsKeyId: kmsKeyArn() } }),
          endpointConfig({ name: 'epc-pass-async-key-id', asyncInference: { outputKmsKeyId: KEY_ID } }),
        ],
        kmsKeys: [kmsKey()],
      }),
    },
  ],
  invalid: [
    {
      name: 'async output without a KmsKeyId',
      inventory: inventory({
        endpointConfigs: [endpointConfig(), endpointConfig({ name: 'epc-fail-async-no-key', asyncInference: {} })],
        kmsKeys: [kmsKey()],
      }),
      failures: [{ resource: 'epc-fail-async-no-key', messageId: 'noKey' }],
    },
    {
      name: 'async output encrypted with an AWS-managed key',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-fail-async-aws-key', asyncInference: { outputKmsKeyId: 'alias/aws/s3' } })],
        kmsKeys: [kmsKey(), awsManagedKmsKey({ aliases: ['alias/aws/s3'] })],
      }),
      failures: [{ resource: 'epc-fail-async-aws-key', messageId: 'awsManagedKey' }],
    },
  ],
  error: [
    {
      name: 'DescribeKey failed for the output key',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-error-async', asyncInference: { outputKmsKeyId: kmsKeyArn() } })],
        errors: [describeError('kmsKeys', kmsKeyArn(), { operation: 'DescribeKey', action: 'kms:DescribeKey' })],
      }),
      errors: ['epc-error-async'],
    },
    {
      name: 'the output key is not in the inventory',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-error-async-missing-key', asyncInference: { outputKmsKeyId: 'alias/gone' } })],
        kmsKeys: [kmsKey()],
      }),
      errors: ['epc-error-async-missing-key'],
    },
    {
      name: 'ListEndpointConfigs denied: scope ERROR, configs read in another region keep their verdicts',
      inventory: inventory({
        endpointConfigs: [endpointConfig({ name: 'epc-fail-west', region: OTHER_REGION, asyncInference: {} })],
        errors: [listError('endpointConfigs')],
      }),
      errors: ['endpointConfigs (us-east-1)'],
      failures: [{ resource: 'epc-fail-west', messageId: 'noKey' }],
    },
    {
      name: 'DescribeEndpointConfig failed for one config',
      inventory: inventory({
        endpointConfigs: [endpointConfig()],
        errors: [describeError('endpointConfigs', sagemakerArn('endpoint-config', 'epc-unreadable'))],
      }),
      errors: ['epc-unreadable'],
    },
  ],
});
