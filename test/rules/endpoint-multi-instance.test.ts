import rule from '../../rules/endpoint-multi-instance.js';
import {
  describeError,
  endpoint,
  endpointVariant,
  inventory,
  listError,
  OTHER_REGION,
  sagemakerArn,
  serverlessEndpointVariant,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'one variant on two instances',
      inventory: inventory({ endpoints: [endpoint()] }),
    },
    {
      name: 'serverless-only endpoint has no instance count to judge',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-serverless', variants: [serverlessEndpointVariant()] })],
      }),
    },
    {
      name: 'serverless variants are skipped next to multi-instance variants',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-pass-mixed',
            variants: [
              endpointVariant({ name: 'instances', currentInstanceCount: 3 }),
              serverlessEndpointVariant({ name: 'serverless' }),
            ],
          }),
        ],
      }),
    },
    {
      name: 'desired count used when the current count is not reported',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-pass-desired',
            variants: [endpointVariant({ currentInstanceCount: undefined, desiredInstanceCount: 2 })],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'single instance',
      inventory: inventory({
        endpoints: [
          endpoint(),
          endpoint({
            name: 'ep-fail-single',
            variants: [endpointVariant({ currentInstanceCount: 1, desiredInstanceCount: 1 })],
          }),
        ],
      }),
      failures: [{ resource: 'ep-fail-single', messageId: 'singleInstance' }],
    },
    {
      name: 'the live count wins over the desired count',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-fail-live-single',
            variants: [endpointVariant({ currentInstanceCount: 1, desiredInstanceCount: 2 })],
          }),
        ],
      }),
      failures: [{ resource: 'ep-fail-live-single', messageId: 'singleInstance' }],
    },
    {
      name: 'one of two variants on a single instance, and a serverless one beside a single instance',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-fail-one-variant',
            variants: [
              endpointVariant({ name: 'blue', currentInstanceCount: 2 }),
              endpointVariant({ name: 'green', currentInstanceCount: 1 }),
            ],
          }),
          endpoint({
            name: 'ep-fail-serverless-and-single',
            variants: [
              serverlessEndpointVariant({ name: 'serverless' }),
              endpointVariant({ name: 'gpu', currentInstanceCount: 1 }),
            ],
          }),
        ],
      }),
      failures: [
        { resource: 'ep-fail-one-variant', messageId: 'singleInstance' },
        { resource: 'ep-fail-serverless-and-single', messageId: 'singleInstance' },
      ],
    },
  ],
  error: [
    {
      name: 'ListEndpoints denied in one region: the scope is ERROR, endpoints read keep their verdicts',
      inventory: inventory({
        endpoints: [
          endpoint(),
          endpoint({ name: 'ep-fail-single', variants: [endpointVariant({ currentInstanceCount: 1 })] }),
          endpoint({ name: 'ep-pass-west', region: OTHER_REGION }),
        ],
        errors: [listError('endpoints')],
      }),
      errors: ['endpoints (us-east-1)'],
      failures: [{ resource: 'ep-fail-single', messageId: 'singleInstance' }],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint: others keep their verdict',
      inventory: inventory({
        endpoints: [
          endpoint(),
          endpoint({ name: 'ep-fail-single', variants: [endpointVariant({ currentInstanceCount: 1 })] }),
        ],
        errors: [
          describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'), {
            kind: 'access-denied',
            code: 'AccessDeniedException',
          }),
        ],
      }),
      errors: ['ep-unreadable'],
      failures: [{ resource: 'ep-fail-single', messageId: 'singleInstance' }],
    },
    {
      name: 'no instance count reported, or no variants at all',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-error-no-count',
            status: 'Creating',
            variants: [endpointVariant({ currentInstanceCount: undefined, desiredInstanceCount: undefined })],
          }),
          endpoint({ name: 'ep-error-no-variants', status: 'Failed', variants: [] }),
        ],
      }),
      errors: ['ep-error-no-count', 'ep-error-no-variants'],
    },
  ],
});
