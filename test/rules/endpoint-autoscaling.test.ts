import rule from '../../rules/endpoint-autoscaling.js';
import {
  describeError,
  endpoint,
  endpointConfig,
  endpointConfigVariant,
  endpointVariant,
  inventory,
  listError,
  OTHER_REGION,
  sagemakerArn,
  serverlessEndpointVariant,
} from '../support/builders.js';
import { scalableTarget } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'a scalable target with a target-tracking policy',
      inventory: inventory({ endpoints: [endpoint()], scalableTargets: [scalableTarget()], endpointConfigs: [endpointConfig()] }),
    },
    {
      name: 'every instance variant scaled; a serverless variant beside them needs no target',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-pass-mixed',
            variants: [
              endpointVariant({ name: 'blue', currentWeight: 0.5 }),
              endpointVariant({ name: 'green', currentWeight: 0.3 }),
              serverlessEndpointVariant({ name: 'serverless', currentWeight: 0.2 }),
            ],
          }),
        ],
        scalableTargets: [
          scalableTarget({ endpointName: 'ep-pass-mixed', variantName: 'blue' }),
          scalableTarget({ endpointName: 'ep-pass-mixed', variantName: 'green', policyTypes: ['StepScaling'] }),
        ],
      }),
    },
    {
      name: 'serverless-only endpoints are not applicable',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-serverless', variants: [serverlessEndpointVariant()] })],
      }),
    },
    {
      name: 'managed instance scaling in the endpoint config',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-managed', endpointConfigName: 'epc-managed' })],
        endpointConfigs: [endpointConfig({ name: 'epc-managed', variants: [endpointConfigVariant({ managedInstanceScaling: true })] })],
      }),
    },
    {
      name: 'endpoints that are not InService are not judged',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-skip-creating', status: 'Creating' }), endpoint({ name: 'ep-skip-failed', status: 'Failed' })],
        scalableTargets: [scalableTarget()],
      }),
    },
  ],
  invalid: [
    {
      name: 'no scalable target and no managed scaling',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-fail-no-scaling' })],
        scalableTargets: [scalableTarget()],
        endpointConfigs: [endpointConfig()],
      }),
      failures: [{ resource: 'ep-fail-no-scaling', messageId: 'noScaling' }],
    },
    {
      name: 'one of two variants scaled',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-fail-one-variant',
            variants: [endpointVariant({ name: 'champion' }), endpointVariant({ name: 'challenger' })],
          }),
        ],
        scalableTargets: [scalableTarget({ endpointName: 'ep-fail-one-variant', variantName: 'champion' })],
        endpointConfigs: [endpointConfig()],
      }),
      failures: [{ resource: 'ep-fail-one-variant', messageId: 'noScaling' }],
    },
    {
      name: 'a registered target without a scaling policy',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-no-policy' })],
        scalableTargets: [scalableTarget({ endpointName: 'ep-fail-no-policy', policyNames: [], policyTypes: [] })],
        endpointConfigs: [endpointConfig()],
      }),
      failures: [{ resource: 'ep-fail-no-policy', messageId: 'noPolicy' }],
    },
    {
      name: 'a target pinned at min = max, and one whose scale-out is suspended',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-pinned' }), endpoint({ name: 'ep-fail-suspended' })],
        scalableTargets: [
          scalableTarget({ endpointName: 'ep-fail-pinned', minCapacity: 2, maxCapacity: 2 }),
          scalableTarget({ endpointName: 'ep-fail-suspended', scaleOutSuspended: true }),
        ],
        endpointConfigs: [endpointConfig()],
      }),
      failures: [
        { resource: 'ep-fail-pinned', messageId: 'cannotScale' },
        { resource: 'ep-fail-suspended', messageId: 'cannotScale' },
      ],
    },
    {
      name: 'targets that do not scale this variant: other region, provisioned concurrency dimension',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-wrong-target' })],
        scalableTargets: [
          scalableTarget({ endpointName: 'ep-fail-wrong-target', region: OTHER_REGION }),
          scalableTarget({
            endpointName: 'ep-fail-wrong-target',
            scalableDimension: 'sagemaker:variant:DesiredProvisionedConcurrency',
          }),
        ],
        endpointConfigs: [endpointConfig()],
      }),
      failures: [{ resource: 'ep-fail-wrong-target', messageId: 'noScaling' }],
    },
  ],
  error: [
    {
      name: 'DescribeScalableTargets denied: endpoints in that region are ERROR, never PASS or FAIL',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-error-unscaled' }), endpoint({ name: 'ep-fail-west', region: OTHER_REGION })],
        scalableTargets: [scalableTarget()],
        endpointConfigs: [endpointConfig(), endpointConfig({ region: OTHER_REGION })],
        errors: [listError('scalableTargets')],
      }),
      errors: ['ep-pass', 'ep-error-unscaled', 'scalableTargets (us-east-1)'],
      failures: [{ resource: 'ep-fail-west', messageId: 'noScaling' }],
    },
    {
      name: 'DescribeScalingPolicies denied: a target without policies is not a missing policy',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-error-policies-unknown' })],
        scalableTargets: [scalableTarget({ endpointName: 'ep-error-policies-unknown', policyNames: [], policyTypes: [] })],
        endpointConfigs: [endpointConfig()],
        errors: [
          listError('scalableTargets', {
            operation: 'DescribeScalingPolicies',
            action: 'application-autoscaling:DescribeScalingPolicies',
          }),
        ],
      }),
      errors: ['ep-error-policies-unknown', 'scalableTargets (us-east-1)'],
    },
    {
      name: 'the endpoint config of an unscaled endpoint could not be described (managed scaling unknown)',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-error-config', endpointConfigName: 'epc-unreadable' })],
        scalableTargets: [scalableTarget()],
        errors: [describeError('endpointConfigs', sagemakerArn('endpoint-config', 'epc-unreadable'))],
      }),
      errors: ['ep-error-config'],
    },
    {
      name: 'the endpoint config of an unscaled endpoint no longer exists',
      inventory: inventory({ endpoints: [endpoint({ name: 'ep-error-config-gone', endpointConfigName: 'epc-deleted' })] }),
      errors: ['ep-error-config-gone'],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint',
      inventory: inventory({
        endpoints: [endpoint()],
        scalableTargets: [scalableTarget()],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
    {
      name: 'an InService endpoint that reports no variants',
      inventory: inventory({ endpoints: [endpoint({ name: 'ep-error-no-variants', variants: [] })] }),
      errors: ['ep-error-no-variants'],
    },
  ],
});
