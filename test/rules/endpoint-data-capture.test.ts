import rule from '../../rules/endpoint-data-capture.js';
import {
  describeError,
  endpoint,
  endpointConfig,
  inventory,
  listError,
  OTHER_REGION,
  sagemakerArn,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

const capture = {
  enabled: true,
  samplingPercentage: 20,
  captureInput: true,
  captureOutput: true,
  destinationS3Uri: 's3://ml-capture-111122223333/churn',
};

/** An endpoint and its own config, both named after the outcome. */
function pair(
  name: string,
  config: Parameters<typeof endpointConfig>[0] = {},
  ep: Parameters<typeof endpoint>[0] = {},
) {
  return {
    endpoint: endpoint({ name, endpointConfigName: `${name}-config`, ...ep }),
    config: endpointConfig({ name: `${name}-config`, ...config }),
  };
}

function inventoryOf(...pairs: ReturnType<typeof pair>[]) {
  return inventory({ endpoints: pairs.map((p) => p.endpoint), endpointConfigs: pairs.map((p) => p.config) });
}

runRuleTests(rule, {
  valid: [
    {
      name: 'input and output captured at 20% and capture started',
      inventory: inventory({ endpoints: [endpoint()], endpointConfigs: [endpointConfig()] }),
    },
    {
      name: 'full capture at 100%; endpoint summary without a capture status',
      inventory: inventoryOf(
        pair('ep-pass-full', { dataCapture: { ...capture, samplingPercentage: 100 } }),
        pair('ep-pass-no-summary', {}, { dataCapture: undefined }),
      ),
    },
    {
      name: 'endpoints in two regions with same-named configs resolve to their own region',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-pass-west', region: OTHER_REGION })],
        endpointConfigs: [
          endpointConfig(),
          endpointConfig({ region: OTHER_REGION }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no DataCaptureConfig, or EnableCapture false',
      inventory: inventoryOf(
        pair('ep-pass'),
        pair('ep-fail-no-capture-config', { dataCapture: undefined }, { dataCapture: undefined }),
        pair('ep-fail-capture-disabled', { dataCapture: { ...capture, enabled: false } }),
      ),
      failures: [
        { resource: 'ep-fail-no-capture-config', messageId: 'notEnabled' },
        { resource: 'ep-fail-capture-disabled', messageId: 'notEnabled' },
      ],
    },
    {
      name: 'capture enabled at 0% sampling',
      inventory: inventoryOf(pair('ep-fail-zero-sampling', { dataCapture: { ...capture, samplingPercentage: 0 } })),
      failures: [{ resource: 'ep-fail-zero-sampling', messageId: 'zeroSampling' }],
    },
    {
      name: 'only input or only output captured',
      inventory: inventoryOf(
        pair('ep-fail-input-only', { dataCapture: { ...capture, captureOutput: false } }),
        pair('ep-fail-output-only', { dataCapture: { ...capture, captureInput: false } }),
      ),
      failures: [
        { resource: 'ep-fail-input-only', messageId: 'partialCapture' },
        { resource: 'ep-fail-output-only', messageId: 'partialCapture' },
      ],
    },
    {
      name: 'configured but the endpoint reports CaptureStatus Stopped',
      inventory: inventoryOf(
        pair(
          'ep-fail-stopped',
          {},
          { dataCapture: { enabled: true, captureStatus: 'Stopped', currentSamplingPercentage: 20 } },
        ),
      ),
      failures: [{ resource: sagemakerArn('endpoint', 'ep-fail-stopped'), messageId: 'captureStopped' }],
    },
    {
      name: 'a config of the same name in another region does not count',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-west', region: OTHER_REGION })],
        endpointConfigs: [
          endpointConfig(),
          endpointConfig({ region: OTHER_REGION, dataCapture: undefined }),
        ],
      }),
      failures: [{ resource: 'ep-fail-west', messageId: 'notEnabled' }],
    },
  ],
  error: [
    {
      name: 'ListEndpoints denied in the region: the scope is ERROR, endpoints read keep their verdicts',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-fail-no-capture', endpointConfigName: 'epc-no-capture' })],
        endpointConfigs: [endpointConfig(), endpointConfig({ name: 'epc-no-capture', dataCapture: undefined })],
        errors: [listError('endpoints')],
      }),
      errors: ['endpoints (us-east-1)'],
      failures: [{ resource: 'ep-fail-no-capture', messageId: 'notEnabled' }],
    },
    {
      name: 'ListEndpointConfigs denied: endpoints that depend on them are ERROR, never PASS',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-error-configs-denied' })],
        endpointConfigs: [endpointConfig()],
        errors: [listError('endpointConfigs')],
      }),
      errors: ['ep-error-configs-denied', 'endpointConfigs (us-east-1)'],
    },
    {
      name: 'DescribeEndpointConfig failed for the endpoint\'s config',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-error-config-unreadable', endpointConfigName: 'EPC-Unreadable' })],
        endpointConfigs: [endpointConfig()],
        errors: [describeError('endpointConfigs', sagemakerArn('endpoint-config', 'EPC-Unreadable'))],
      }),
      errors: ['ep-error-config-unreadable'],
    },
    {
      name: 'endpoint config deleted while the endpoint runs on it',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-error-config-absent', endpointConfigName: 'epc-deleted' })],
        endpointConfigs: [endpointConfig()],
      }),
      errors: ['ep-error-config-absent'],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint: others keep their verdict',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-fail-no-capture', endpointConfigName: 'epc-no-capture' })],
        endpointConfigs: [endpointConfig(), endpointConfig({ name: 'epc-no-capture', dataCapture: undefined })],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
      failures: [{ resource: 'ep-fail-no-capture', messageId: 'notEnabled' }],
    },
  ],
});
