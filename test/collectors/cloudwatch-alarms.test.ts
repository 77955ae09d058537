import {
  CloudWatchClient,
  CloudWatchServiceException,
  DescribeAlarmsCommand,
  type DescribeAlarmsInput,
  type DescribeAlarmsOutput,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cloudwatchAlarmsCollector, toCloudWatchAlarm } from '../../src/inventory/collectors/cloudwatch-alarms.js';
import { ACCOUNT_ID, collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';

const REGION = 'us-east-1';
const cw = mockClient(CloudWatchClient);
beforeEach(() => {
  cw.reset();
});
afterAll(() => {
  cw.restore();
});

const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT_ID}:ml-oncall`;
const updated = new Date('2025-04-01T12:00:00.000Z');

function alarm(name: string, metric: Partial<MetricAlarm>): MetricAlarm {
  return {
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT_ID}:alarm:${name}`,
    AlarmConfigurationUpdatedTimestamp: updated,
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [TOPIC],
    InsufficientDataActions: [],
    StateValue: 'OK',
    StateReason: 'Threshold Crossed: 1 datapoint [0.0] was not greater than or equal to the threshold (5.0).',
    StateUpdatedTimestamp: updated,
    StateTransitionedTimestamp: updated,
    Period: 300,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: 5,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    ...metric,
  };
}

const endpoint5xx = alarm('churn-prod-5xx', {
  MetricName: 'Invocation5XXErrors',
  Namespace: 'AWS/SageMaker',
  Statistic: 'Sum',
  Dimensions: [
    { Name: 'EndpointName', Value: 'churn-prod' },
    { Name: 'VariantName', Value: 'AllTraffic' },
  ],
});

const errorRate = alarm('churn-prod-error-rate', {
  ActionsEnabled: false,
  AlarmActions: [],
  StateValue: 'ALARM',
  ThresholdMetricId: 'rate',
  Metrics: [
    {
      Id: 'errors',
      ReturnData: false,
      MetricStat: {
        Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocation5XXErrors', Dimensions: [{ Name: 'EndpointName', Value: 'churn-prod' }] },
        Period: 300,
        Stat: 'Sum',
      },
    },
    {
      Id: 'calls',
      ReturnData: false,
      MetricStat: {
        Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: [{ Name: 'EndpointName', Value: 'churn-prod' }] },
        Period: 300,
        Stat: 'Sum',
      },
    },
    { Id: 'rate', Expression: '100 * errors / calls', Label: 'error rate', ReturnData: true },
  ],
});

const drift = alarm('churn-prod-drift', {
  MetricName: 'feature_baseline_drift_tenure',
  Namespace: '/aws/sagemaker/Endpoints/data-metric',
  Statistic: 'Maximum',
  Dimensions: [
    { Name: 'EndpointName', Value: 'churn-prod' },
    { Name: 'ScheduleName', Value: 'churn-data-quality' },
  ],
});

const bias = alarm('credit-bias-dppl', {
  MetricName: 'bias_metric_DPPL',
  Namespace: 'aws/sagemaker/Endpoints/bias-metrics',
  Statistic: 'Maximum',
  Dimensions: [
    { Name: 'Endpoint', Value: 'credit-scoring' },
    { Name: 'MonitoringSchedule', Value: 'credit-bias' },
  ],
});

const ec2 = alarm('web-cpu', {
  MetricName: 'CPUUtilization',
  Namespace: 'AWS/EC2',
  Statistic: 'Average',
  Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }],
});

const training = alarm('training-gpu', {
  MetricName: 'GPUUtilization',
  Namespace: '/aws/sagemaker/TrainingJobs',
  Statistic: 'Average',
  Dimensions: [{ Name: 'Host', Value: 'churn-xgb/algo-1' }],
});

describe('toCloudWatchAlarm', () => {
  it('maps a plain metric alarm', () => {
    expect(toCloudWatchAlarm(endpoint5xx, REGION)).toEqual({
      arn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT_ID}:alarm:churn-prod-5xx`,
      name: 'churn-prod-5xx',
      region: REGION,
      resourceType: 'AWS::CloudWatch::Alarm',
      tags: {},
      metrics: [{ namespace: 'AWS/SageMaker', metricName: 'Invocation5XXErrors', dimensions: { EndpointName: 'churn-prod', VariantName: 'AllTraffic' } }],
      actionsEnabled: true,
      alarmActionCount: 1,
      stateValue: 'OK',
    });
  });

  it('lists every metric a metric-math alarm reads, and nothing for the expression', () => {
    expect(toCloudWatchAlarm(errorRate, REGION)).toMatchObject({
      metrics: [
        { namespace: 'AWS/SageMaker', metricName: 'Invocation5XXErrors', dimensions: { EndpointName: 'churn-prod' } },
        { namespace: 'AWS/SageMaker', metricName: 'Invocations', dimensions: { EndpointName: 'churn-prod' } },
      ],
      actionsEnabled: false,
      alarmActionCount: 0,
      stateValue: 'ALARM',
    });
  });
});

describe('cloudwatchAlarmsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(cloudwatchAlarmsCollector.operations).toEqual(['cloudwatch:DescribeAlarms']);
  });

  it('pages through metric alarms (MaxRecords 100) and keeps only those on SageMaker endpoint metrics', async () => {
    const pages: DescribeAlarmsOutput[] = [
      { MetricAlarms: [endpoint5xx, ec2, errorRate], CompositeAlarms: [] },
      { MetricAlarms: [drift, training, bias], CompositeAlarms: [] },
    ];
    const inputs: DescribeAlarmsInput[] = [];
    cw.on(DescribeAlarmsCommand).callsFake((input: DescribeAlarmsInput) => {
      inputs.push({ ...input });
      const index = input.NextToken === undefined ? 0 : 1;
      return { ...pages[index], ...(index === 0 ? { NextToken: 'page-1' } : {}) };
    });
    const { ctx } = collectorContext();
    const slice = await cloudwatchAlarmsCollector.collect(ctx, REGION);

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((a) => a.name)).toEqual(['churn-prod-5xx', 'churn-prod-error-rate', 'churn-prod-drift', 'credit-bias-dppl']);
    expect(inputs).toEqual([
      { AlarmTypes: ['MetricAlarm'], MaxRecords: 100, NextToken: undefined },
      { AlarmTypes: ['MetricAlarm'], MaxRecords: 100, NextToken: 'page-1' },
    ]);
  });

  it('reports a denied DescribeAlarms as a region-wide access-denied error, with no items', async () => {
    const message = notAuthorized('cloudwatch:DescribeAlarms', `arn:aws:cloudwatch:${REGION}:${ACCOUNT_ID}:alarm:*`);
    cw.on(DescribeAlarmsCommand).rejects(serviceError(CloudWatchServiceException, 'AccessDenied', message, 403));
    const { ctx } = collectorContext();
    const slice = await cloudwatchAlarmsCollector.collect(ctx, REGION);

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      {
        slice: 'cloudwatchAlarms',
        region: REGION,
        operation: 'DescribeAlarms',
        action: 'cloudwatch:DescribeAlarms',
        kind: 'access-denied',
        code: 'AccessDenied',
        message,
      },
    ]);
  });

  it('keeps the alarms of the pages read before a later page failed, with the region-wide error', async () => {
    cw.on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [endpoint5xx], NextToken: 'page-1' })
      .rejects(serviceError(CloudWatchServiceException, 'Throttling', 'Rate exceeded'));
    const { ctx } = collectorContext();
    const slice = await cloudwatchAlarmsCollector.collect(ctx, REGION);

    expect(slice.items.map((a) => a.name)).toEqual(['churn-prod-5xx']);
    expect(slice.errors).toMatchObject([{ operation: 'DescribeAlarms', kind: 'throttled', code: 'Throttling' }]);
    expect(slice.errors[0]).not.toHaveProperty('resourceArn');
  });
});
