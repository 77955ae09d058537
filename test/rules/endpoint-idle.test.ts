import { describe, expect, it } from 'vitest';
import rule from '../../rules/endpoint-idle.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
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
import { endpointMetrics } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

/** COLLECTED_AT is 2026-03-02T10:00Z: five days earlier is inside the 14-day window, fifteen days just outside it. */
const FIVE_DAYS_OLD = '2026-02-25T10:00:00.000Z';
const FIFTEEN_DAYS_OLD = '2026-02-15T10:00:00.000Z';
const silent = (name: string, region?: string) =>
  endpointMetrics({ name, ...(region ? { region } : {}), variants: [{ variantName: 'AllTraffic', invocations: 0, dataPoints: 0 }] });

runRuleTests(rule, {
  valid: [
    {
      name: 'an endpoint with traffic in the window',
      inventory: inventory({ endpoints: [endpoint()], endpointMetrics: [endpointMetrics()] }),
    },
    {
      name: 'a single invocation meets the default minimum of 1',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-one-call' })],
        endpointMetrics: [endpointMetrics({ name: 'ep-pass-one-call', variants: [{ variantName: 'AllTraffic', invocations: 1, dataPoints: 14 }] })],
      }),
    },
    {
      name: 'younger than the window: not applicable, with or without metrics',
      inventory: inventory({
        endpoints: [
          endpoint({ name: 'ep-pass-new-silent', creationTime: FIVE_DAYS_OLD }),
          endpoint({ name: 'ep-pass-new-unmeasured', creationTime: FIVE_DAYS_OLD }),
        ],
        endpointMetrics: [silent('ep-pass-new-silent')],
      }),
    },
    {
      name: 'serverless endpoints and endpoints not InService are not judged as idle',
      inventory: inventory({
        endpoints: [
          endpoint({ name: 'ep-pass-serverless', variants: [serverlessEndpointVariant()] }),
          endpoint({ name: 'ep-skip-failed', status: 'Failed' }),
          endpoint(),
        ],
        endpointMetrics: [endpointMetrics()],
      }),
    },
  ],
  invalid: [
    {
      name: 'no invocations in 14 days (no data points at all)',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-fail-idle' })],
        endpointMetrics: [endpointMetrics(), silent('ep-fail-idle')],
      }),
      failures: [{ resource: 'ep-fail-idle', messageId: 'idle' }],
    },
    {
      name: 'a multi-variant endpoint idle on every variant, just older than the window',
      inventory: inventory({
        endpoints: [
          endpoint({
            name: 'ep-fail-idle-ab',
            creationTime: FIFTEEN_DAYS_OLD,
            variants: [endpointVariant({ name: 'champion' }), endpointVariant({ name: 'challenger' })],
          }),
        ],
        endpointMetrics: [
          endpointMetrics({
            name: 'ep-fail-idle-ab',
            variants: [
              { variantName: 'champion', invocations: 0, dataPoints: 14 },
              { variantName: 'challenger', invocations: 0, dataPoints: 14 },
            ],
          }),
        ],
      }),
      failures: [{ resource: 'ep-fail-idle-ab', messageId: 'idle' }],
    },
  ],
  error: [
    {
      name: 'GetMetricData failed for one endpoint: ERROR, not idle and not in use',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-error-metrics' })],
        endpointMetrics: [endpointMetrics()],
        errors: [describeError('endpointMetrics', sagemakerArn('endpoint', 'ep-error-metrics'))],
      }),
      errors: ['ep-error-metrics'],
    },
    {
      name: 'no metrics were collected for an old endpoint',
      inventory: inventory({ endpoints: [endpoint({ name: 'ep-error-unmeasured' })] }),
      errors: ['ep-error-unmeasured'],
    },
    {
      name: 'ListEndpoints denied in one region: scope ERROR, endpoints read elsewhere keep their verdicts',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-west', region: OTHER_REGION })],
        endpointMetrics: [silent('ep-fail-west', OTHER_REGION)],
        errors: [listError('endpoints')],
      }),
      errors: ['endpoints (us-east-1)'],
      failures: [{ resource: 'ep-fail-west', messageId: 'idle' }],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint',
      inventory: inventory({
        endpoints: [endpoint()],
        endpointMetrics: [endpointMetrics()],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
  ],
});

describe('endpoint-idle options', () => {
  it('minInvocations raises the bar for "in use"', () => {
    const inv = inventory({
      endpoints: [endpoint()],
      endpointMetrics: [endpointMetrics({ variants: [{ variantName: 'AllTraffic', invocations: 40, dataPoints: 3 }] })],
    });
    expect(evaluateRules([rule], inv)[0]?.status).toBe('PASS');
    const [finding] = evaluateRules([rule], inv, { ruleOptions: { [rule.id]: { minInvocations: 100 } } });
    expect(finding).toMatchObject({ status: 'FAIL', messageId: 'idle', message: 'Endpoint ep-pass received 40 invocations in the last 14 days.' });
  });
});
