import rule from '../../rules/endpoint-cloudwatch-alarms.js';
import { describeError, endpoint, inventory, listError, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { cloudwatchAlarm, endpointMetric } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'an alarm on Invocation5XXErrors for the endpoint',
      inventory: inventory({ endpoints: [endpoint()], cloudwatchAlarms: [cloudwatchAlarm()] }),
    },
    {
      name: 'latency, traffic-drop and metric-math alarms count too',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-latency' }), endpoint({ name: 'ep-pass-traffic' }), endpoint({ name: 'ep-pass-math' })],
        cloudwatchAlarms: [
          cloudwatchAlarm({ name: 'latency', metrics: [endpointMetric('ep-pass-latency', 'ModelLatency')] }),
          cloudwatchAlarm({ name: 'no-traffic', metrics: [endpointMetric('ep-pass-traffic', 'Invocations')] }),
          cloudwatchAlarm({
            name: 'error-rate',
            metrics: [endpointMetric('ep-pass-math', 'Invocation5XXErrors'), endpointMetric('ep-pass-math', 'Invocations')],
          }),
        ],
      }),
    },
    {
      name: 'endpoints that are not InService are not judged',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-skip-out-of-service', status: 'OutOfService' })],
        cloudwatchAlarms: [cloudwatchAlarm()],
      }),
    },
  ],
  invalid: [
    {
      name: 'no alarm at all',
      inventory: inventory({ endpoints: [endpoint(), endpoint({ name: 'ep-fail-no-alarm' })], cloudwatchAlarms: [cloudwatchAlarm()] }),
      failures: [{ resource: 'ep-fail-no-alarm', messageId: 'noAlarm' }],
    },
    {
      name: 'alarms that do not watch this endpoint health: other endpoint, other region, instance CPU, 4XX only',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-unwatched' })],
        cloudwatchAlarms: [
          cloudwatchAlarm({ name: 'other-endpoint', metrics: [endpointMetric('ep-other')] }),
          cloudwatchAlarm({ name: 'other-region', region: OTHER_REGION, metrics: [endpointMetric('ep-fail-unwatched')] }),
          cloudwatchAlarm({
            name: 'cpu',
            metrics: [
              {
                namespace: '/aws/sagemaker/Endpoints',
                metricName: 'CPUUtilization',
                dimensions: { EndpointName: 'ep-fail-unwatched', VariantName: 'AllTraffic' },
              },
            ],
          }),
          cloudwatchAlarm({ name: 'client-errors', metrics: [endpointMetric('ep-fail-unwatched', 'Invocation4XXErrors')] }),
        ],
      }),
      failures: [{ resource: 'ep-fail-unwatched', messageId: 'noAlarm' }],
    },
  ],
  error: [
    {
      name: 'DescribeAlarms denied: endpoints in that region are ERROR, never PASS or FAIL',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-error-no-alarm-visible' }), endpoint({ name: 'ep-fail-west', region: OTHER_REGION })],
        cloudwatchAlarms: [cloudwatchAlarm()],
        errors: [listError('cloudwatchAlarms')],
      }),
      errors: ['ep-pass', 'ep-error-no-alarm-visible', 'cloudwatchAlarms (us-east-1)'],
      failures: [{ resource: 'ep-fail-west', messageId: 'noAlarm' }],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint',
      inventory: inventory({
        endpoints: [endpoint()],
        cloudwatchAlarms: [cloudwatchAlarm()],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
  ],
});
