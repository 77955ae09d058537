import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';
import { isEndpointNamespace, metricEndpoint, metricSchedule } from '../src/inventory/model-monitoring.js';

export default defineRule({
  id: 'monitor-last-run-healthy',
  title: 'Running monitoring schedules last completed cleanly, or their violations raise an alarm',
  severity: 'medium',
  kind: 'practice',
  phase: 'monitoring',
  dimensions: ['veracity-robustness'],
  pillars: ['operational-excellence'],
  rationale:
    'A monitor whose job fails watches nothing, and one that finds violations nobody is alerted to only writes reports ' +
    'to S3. Either way drift goes unnoticed while the schedule looks healthy in the console.',
  remediation: {
    summary:
      'For a failed run, read FailureReason and the processing job logs (baseline, permissions, capture data) and fix ' +
      'the job definition. For violations, act on the report and create a CloudWatch alarm on the Model Monitor ' +
      'metrics (/aws/sagemaker/Endpoints/data-metric and the other Model Monitor namespaces, with the endpoint or ' +
      'schedule dimension) or on the endpoint, with an action that notifies the owners. Stopped schedules are not judged.',
    console:
      'SageMaker Studio > Deployments > Endpoints > (endpoint) > Model Monitoring > (schedule) > Monitoring job history; ' +
      'CloudWatch console > Alarms > Create alarm on the Model Monitor metric.',
    cli:
      'aws sagemaker list-monitoring-executions --monitoring-schedule-name <name> --sort-by ScheduledTime --sort-order Descending; ' +
      'aws cloudwatch put-metric-alarm --alarm-name <endpoint>-drift --namespace /aws/sagemaker/Endpoints/data-metric ' +
      '--metric-name feature_baseline_drift_<feature> --dimensions Name=Endpoint,Value=<endpoint> ' +
      'Name=MonitoringSchedule,Value=<schedule> --statistic Maximum --period 3600 --evaluation-periods 1 ' +
      '--threshold 0.1 --comparison-operator GreaterThanThreshold --alarm-actions <sns-topic-arn>',
  },
  references: [
    'ML Lens MLPERF06-BP04',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-interpreting-cloudwatch.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MonitoringExecutionSummary.html',
  ],
  needs: ['monitoringSchedules', 'cloudwatchAlarms'],
  messages: {
    lastRunFailed: 'The last run of monitoring schedule {name} failed, so it is not monitoring {endpoint}.',
    violationsUnwatched:
      'The last run of monitoring schedule {name} found violations on {endpoint}, and no CloudWatch alarm watches its metrics or the endpoint.',
  },
  evaluate: ({ monitoringSchedules, cloudwatchAlarms }, ctx) =>
    monitoringSchedules
      // A stopped schedule's last run is history; endpoint-model-monitor reports that the schedule is stopped.
      .filter((s) => s.status === 'Scheduled')
      .map((schedule) => {
        const status = schedule.lastExecutionStatus;
        const endpoint = schedule.endpointName ?? 'its endpoint';
        const evidence = { LastMonitoringExecutionStatus: status ?? null, EndpointName: schedule.endpointName ?? null };
        if (status === 'Failed') return ctx.fail(schedule, 'lastRunFailed', { endpoint }, evidence);
        if (status !== 'CompletedWithViolations') return ctx.pass(schedule, evidence);
        const alarms = cloudwatchAlarms
          .filter(
            (a) =>
              a.region === schedule.region &&
              a.metrics.some(
                (m) =>
                  isEndpointNamespace(m.namespace) &&
                  ((schedule.endpointName !== undefined && metricEndpoint(m) === schedule.endpointName) ||
                    metricSchedule(m) === schedule.name),
              ),
          )
          .map((a) => a.name);
        const withAlarms = { ...evidence, Alarms: alarms };
        if (alarms.length > 0) return ctx.pass(schedule, withAlarms);
        const gap = ctx.gap('cloudwatchAlarms', schedule.region);
        if (gap) return ctx.error(schedule, `Not evaluated: ${describeCollectionError(gap)}.`, withAlarms);
        return ctx.fail(schedule, 'violationsUnwatched', { endpoint }, withAlarms);
      }),
});
