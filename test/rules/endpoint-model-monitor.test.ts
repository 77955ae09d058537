import rule from '../../rules/endpoint-model-monitor.js';
import {
  describeError,
  endpoint,
  inventory,
  listError,
  monitoringSchedule,
  OTHER_REGION,
  sagemakerArn,
} from '../support/builders.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'a scheduled data-quality monitor',
      inventory: inventory({ endpoints: [endpoint()], monitoringSchedules: [monitoringSchedule()] }),
    },
    {
      name: 'a scheduled model-quality monitor, next to a stopped data-quality one',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-model-quality' })],
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-dq-stopped', endpointName: 'ep-pass-model-quality', status: 'Stopped' }),
          monitoringSchedule({ name: 'ms-mq', endpointName: 'ep-pass-model-quality', monitoringType: 'ModelQuality' }),
        ],
      }),
    },
    {
      name: 'a legacy schedule without MonitoringType counts as data quality',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-pass-legacy' })],
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-legacy', endpointName: 'ep-pass-legacy', monitoringType: undefined }),
        ],
      }),
    },
    {
      name: 'endpoints that are not InService are not judged',
      inventory: inventory({
        endpoints: [
          endpoint(),
          endpoint({ name: 'ep-skip-creating', status: 'Creating' }),
          endpoint({ name: 'ep-skip-failed', status: 'Failed', variants: [] }),
          endpoint({ name: 'ep-skip-out-of-service', status: 'OutOfService' }),
        ],
        monitoringSchedules: [monitoringSchedule()],
      }),
    },
  ],
  invalid: [
    {
      name: 'no schedule at all',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-fail-no-monitor' })],
        monitoringSchedules: [monitoringSchedule()],
      }),
      failures: [{ resource: 'ep-fail-no-monitor', messageId: 'noSchedule' }],
    },
    {
      name: 'quality schedules exist but none is Scheduled',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-stopped-monitors' })],
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-stopped', endpointName: 'ep-fail-stopped-monitors', status: 'Stopped' }),
          monitoringSchedule({
            name: 'ms-failed',
            endpointName: 'ep-fail-stopped-monitors',
            monitoringType: 'ModelQuality',
            status: 'Failed',
          }),
        ],
      }),
      failures: [{ resource: 'ep-fail-stopped-monitors', messageId: 'notScheduled' }],
    },
    {
      name: 'only bias and explainability monitors',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-bias-only' })],
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-bias', endpointName: 'ep-fail-bias-only', monitoringType: 'ModelBias' }),
          monitoringSchedule({
            name: 'ms-explain',
            endpointName: 'ep-fail-bias-only',
            monitoringType: 'ModelExplainability',
          }),
        ],
      }),
      failures: [{ resource: 'ep-fail-bias-only', messageId: 'noSchedule' }],
    },
    {
      name: 'a schedule for a same-named endpoint in another region does not count',
      inventory: inventory({
        endpoints: [endpoint({ name: 'ep-fail-west-only', region: OTHER_REGION }), endpoint({ name: 'ep-fail-east' })],
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-east', endpointName: 'ep-fail-west-only' }),
          monitoringSchedule({ name: 'ms-west', endpointName: 'ep-fail-east', region: OTHER_REGION }),
        ],
      }),
      failures: [
        { resource: 'ep-fail-west-only', messageId: 'noSchedule' },
        { resource: 'ep-fail-east', messageId: 'noSchedule' },
      ],
    },
    {
      name: 'a not-InService endpoint is skipped while an InService one without monitor fails',
      inventory: inventory({
        endpoints: [
          endpoint({ name: 'ep-skip-updating', status: 'Updating' }),
          endpoint({ name: 'ep-fail-no-monitor' }),
        ],
      }),
      failures: [{ resource: 'ep-fail-no-monitor', messageId: 'noSchedule' }],
    },
  ],
  error: [
    {
      name: 'ListEndpoints denied in the region: the scope is ERROR, endpoints read keep their verdicts',
      inventory: inventory({
        endpoints: [endpoint(), endpoint({ name: 'ep-fail-no-monitor' })],
        monitoringSchedules: [monitoringSchedule()],
        errors: [listError('endpoints')],
      }),
      errors: ['endpoints (us-east-1)'],
      failures: [{ resource: 'ep-fail-no-monitor', messageId: 'noSchedule' }],
    },
    {
      name: 'ListMonitoringSchedules denied: endpoints in that region are ERROR, never PASS or FAIL',
      inventory: inventory({
        endpoints: [
          endpoint(),
          endpoint({ name: 'ep-error-no-monitor-visible' }),
          endpoint({ name: 'ep-fail-west', region: OTHER_REGION }),
        ],
        monitoringSchedules: [monitoringSchedule()],
        errors: [listError('monitoringSchedules')],
      }),
      errors: ['ep-pass', 'ep-error-no-monitor-visible', 'monitoringSchedules (us-east-1)'],
      failures: [{ resource: 'ep-fail-west', messageId: 'noSchedule' }],
    },
    {
      name: 'DescribeMonitoringSchedule failed for one schedule: unmonitored endpoints there are ERROR, not FAIL',
      inventory: inventory({
        endpoints: [
          endpoint(),
          endpoint({ name: 'ep-error-maybe-monitored' }),
          endpoint({ name: 'ep-fail-west', region: OTHER_REGION }),
        ],
        monitoringSchedules: [monitoringSchedule()],
        errors: [describeError('monitoringSchedules', sagemakerArn('monitoring-schedule', 'ms-unreadable'))],
      }),
      errors: ['ep-error-maybe-monitored'],
      failures: [{ resource: 'ep-fail-west', messageId: 'noSchedule' }],
    },
    {
      name: 'DescribeEndpoint failed for one endpoint',
      inventory: inventory({
        endpoints: [endpoint()],
        monitoringSchedules: [monitoringSchedule()],
        errors: [describeError('endpoints', sagemakerArn('endpoint', 'ep-unreadable'))],
      }),
      errors: ['ep-unreadable'],
    },
  ],
});
