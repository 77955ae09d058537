import rule from '../../rules/monitor-last-run-healthy.js';
import { describeError, inventory, listError, monitoringSchedule, OTHER_REGION, sagemakerArn } from '../support/builders.js';
import { cloudwatchAlarm, endpointMetric } from '../support/builders-monitoring.js';
import { runRuleTests } from '../support/rule-tester.js';

const driftAlarm = (name: string, dimensions: Record<string, string>, namespace = '/aws/sagemaker/Endpoints/data-metric') =>
  cloudwatchAlarm({ name, metrics: [{ namespace, metricName: 'feature_baseline_drift_tenure', dimensions }] });

runRuleTests(rule, {
  valid: [
    {
      name: 'last run completed; a schedule that never ran yet',
      inventory: inventory({
        monitoringSchedules: [monitoringSchedule(), monitoringSchedule({ name: 'ms-pass-new', lastExecutionStatus: undefined })],
      }),
    },
    {
      name: 'violations with an alarm on the data-quality metrics of the endpoint (built-in and custom dimensions)',
      inventory: inventory({
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-pass-builtin', endpointName: 'ep-builtin', lastExecutionStatus: 'CompletedWithViolations' }),
          monitoringSchedule({ name: 'ms-pass-byoc', endpointName: 'ep-byoc', lastExecutionStatus: 'CompletedWithViolations' }),
        ],
        cloudwatchAlarms: [
          driftAlarm('ep-builtin-drift', { EndpointName: 'ep-builtin', ScheduleName: 'ms-pass-builtin' }),
          driftAlarm('ep-byoc-drift', { Endpoint: 'ep-byoc', MonitoringSchedule: 'ms-pass-byoc' }, '/aws/sagemaker/Endpoint/data-metrics'),
        ],
      }),
    },
    {
      name: 'violations with an alarm on the schedule only, or on the endpoint itself',
      inventory: inventory({
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-pass-bias', endpointName: 'ep-bias', monitoringType: 'ModelBias', lastExecutionStatus: 'CompletedWithViolations' }),
          monitoringSchedule({ name: 'ms-pass-endpoint-alarm', endpointName: 'ep-pass', lastExecutionStatus: 'CompletedWithViolations' }),
        ],
        cloudwatchAlarms: [
          driftAlarm('bias-ci', { MonitoringSchedule: 'ms-pass-bias', BiasStage: 'Post-training' }, 'aws/sagemaker/Endpoints/bias-metrics'),
          cloudwatchAlarm(),
        ],
      }),
    },
    {
      name: 'stopped schedules are not judged, whatever their last run',
      inventory: inventory({
        monitoringSchedules: [monitoringSchedule(), monitoringSchedule({ name: 'ms-skip-stopped', status: 'Stopped', lastExecutionStatus: 'Failed' })],
      }),
    },
  ],
  invalid: [
    {
      name: 'the last run failed',
      inventory: inventory({
        monitoringSchedules: [monitoringSchedule(), monitoringSchedule({ name: 'ms-fail-failed', lastExecutionStatus: 'Failed' })],
        cloudwatchAlarms: [cloudwatchAlarm()],
      }),
      failures: [{ resource: 'ms-fail-failed', messageId: 'lastRunFailed' }],
    },
    {
      name: 'violations with no alarm, or alarms on another endpoint, another region, or not on SageMaker metrics',
      inventory: inventory({
        monitoringSchedules: [
          monitoringSchedule({ name: 'ms-fail-unwatched', endpointName: 'ep-unwatched', lastExecutionStatus: 'CompletedWithViolations' }),
        ],
        cloudwatchAlarms: [
          cloudwatchAlarm({ name: 'other-endpoint', metrics: [endpointMetric('ep-other')] }),
          cloudwatchAlarm({ name: 'other-region', region: OTHER_REGION, metrics: [endpointMetric('ep-unwatched')] }),
        ],
      }),
      failures: [{ resource: 'ms-fail-unwatched', messageId: 'violationsUnwatched' }],
    },
  ],
  error: [
    {
      name: 'DescribeAlarms denied: schedules in that region are ERROR, never PASS or FAIL',
      inventory: inventory({
        monitoringSchedules: [
          monitoringSchedule(),
          monitoringSchedule({ name: 'ms-error-violations', lastExecutionStatus: 'CompletedWithViolations' }),
          monitoringSchedule({ name: 'ms-fail-west', region: OTHER_REGION, lastExecutionStatus: 'Failed' }),
        ],
        errors: [listError('cloudwatchAlarms')],
      }),
      errors: ['ms-pass', 'ms-error-violations', 'cloudwatchAlarms (us-east-1)'],
      failures: [{ resource: 'ms-fail-west', messageId: 'lastRunFailed' }],
    },
    {
      name: 'ListMonitoringSchedules denied: scope ERROR, schedules read keep their verdicts',
      inventory: inventory({
        monitoringSchedules: [monitoringSchedule({ name: 'ms-fail-failed', lastExecutionStatus: 'Failed' })],
        errors: [listError('monitoringSchedules')],
      }),
      errors: ['monitoringSchedules (us-east-1)'],
      failures: [{ resource: 'ms-fail-failed', messageId: 'lastRunFailed' }],
    },
    {
      name: 'DescribeMonitoringSchedule failed for one schedule',
      inventory: inventory({
        monitoringSchedules: [monitoringSchedule()],
        errors: [describeError('monitoringSchedules', sagemakerArn('monitoring-schedule', 'ms-unreadable'))],
      }),
      errors: ['ms-unreadable'],
    },
  ],
});
