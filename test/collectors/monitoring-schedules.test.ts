import {
  DescribeMonitoringScheduleCommand,
  ListMonitoringSchedulesCommand,
  ResourceNotFound,
  type DescribeMonitoringScheduleResponse,
  type MonitoringScheduleSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { monitoringSchedulesCollector, toMonitoringSchedule } from '../../src/inventory/collectors/monitoring-schedules.js';
import { listDescribeSuite, REGION, sagemakerArn } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('monitoring-schedule', name);
const created = new Date('2025-03-05T00:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerMonitoring';

const summary = (name: string): MonitoringScheduleSummary => ({
  MonitoringScheduleName: name,
  MonitoringScheduleArn: arn(name),
  CreationTime: created,
  LastModifiedTime: created,
  MonitoringScheduleStatus: 'Scheduled',
  EndpointName: 'ep-churn',
  MonitoringJobDefinitionName: `${name}-definition`,
  MonitoringType: 'ModelQuality',
});

/** A schedule that points at a separately created job definition (the SDK's usual way for the non-data-quality types). */
const byDefinition = (name: string): DescribeMonitoringScheduleResponse => ({
  MonitoringScheduleArn: arn(name),
  MonitoringScheduleName: name,
  MonitoringScheduleStatus: 'Scheduled',
  MonitoringType: 'ModelQuality',
  CreationTime: created,
  LastModifiedTime: created,
  MonitoringScheduleConfig: {
    ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' },
    MonitoringJobDefinitionName: `${name}-definition`,
    MonitoringType: 'ModelQuality',
  },
  EndpointName: 'ep-churn',
  LastMonitoringExecutionSummary: {
    MonitoringScheduleName: name,
    ScheduledTime: new Date('2025-03-06T10:00:00.000Z'),
    CreationTime: new Date('2025-03-06T10:00:10.000Z'),
    LastModifiedTime: new Date('2025-03-06T10:20:00.000Z'),
    MonitoringExecutionStatus: 'CompletedWithViolations',
    ProcessingJobArn: sagemakerArn('processing-job', 'model-monitoring-202503061000'),
    EndpointName: 'ep-churn',
  },
});

/** A data-quality schedule with its job definition inline, as CreateMonitoringSchedule also allows. */
const inline = (name: string, networkConfig?: { EnableNetworkIsolation?: boolean; EnableInterContainerTrafficEncryption?: boolean }): DescribeMonitoringScheduleResponse => ({
  MonitoringScheduleArn: arn(name),
  MonitoringScheduleName: name,
  MonitoringScheduleStatus: 'Scheduled',
  CreationTime: created,
  LastModifiedTime: created,
  MonitoringScheduleConfig: {
    ScheduleConfig: { ScheduleExpression: 'cron(0 0 ? * * *)' },
    MonitoringJobDefinition: {
      BaselineConfig: { StatisticsResource: { S3Uri: 's3://ml-baselines/statistics.json' } },
      MonitoringInputs: [{ EndpointInput: { EndpointName: 'ep-churn', LocalPath: '/opt/ml/processing/input' } }],
      MonitoringOutputConfig: { MonitoringOutputs: [{ S3Output: { S3Uri: 's3://ml-monitoring/out', LocalPath: '/opt/ml/processing/output' } }] },
      MonitoringResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 } },
      MonitoringAppSpecification: { ImageUri: '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer' },
      ...(networkConfig ? { NetworkConfig: networkConfig } : {}),
      RoleArn: ROLE_ARN,
    },
  },
  EndpointName: 'ep-churn',
});

describe('toMonitoringSchedule', () => {
  it('maps a schedule that uses a named job definition, leaving network settings unknown', () => {
    expect(toMonitoringSchedule(byDefinition('mon-quality'), REGION)).toEqual({
      arn: arn('mon-quality'),
      name: 'mon-quality',
      region: REGION,
      resourceType: 'AWS::SageMaker::MonitoringSchedule',
      tags: {},
      status: 'Scheduled',
      monitoringType: 'ModelQuality',
      endpointName: 'ep-churn',
      jobDefinitionName: 'mon-quality-definition',
      lastExecutionStatus: 'CompletedWithViolations',
    });
    const s = toMonitoringSchedule(byDefinition('mon-quality'), REGION);
    expect(s).not.toHaveProperty('networkIsolation');
    expect(s).not.toHaveProperty('interContainerEncryption');
  });

  it('falls back to MonitoringScheduleConfig.MonitoringType when the top-level type is absent', () => {
    const s = toMonitoringSchedule(
      { ...byDefinition('mon-bias'), MonitoringType: undefined, MonitoringScheduleConfig: { MonitoringJobDefinitionName: 'bias-def', MonitoringType: 'ModelBias' } },
      REGION,
    );
    expect(s.monitoringType).toBe('ModelBias');
  });

  it('reads network isolation and inter-container encryption from an inline job definition', () => {
    const s = toMonitoringSchedule(inline('mon-inline', { EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true }), REGION);
    expect(s).toMatchObject({ networkIsolation: true, interContainerEncryption: true, jobDefinitionName: undefined });
    expect(s.lastExecutionStatus).toBeUndefined();
  });

  it('treats an inline definition without NetworkConfig as neither isolated nor encrypted', () => {
    const s = toMonitoringSchedule(inline('mon-inline-open'), REGION);
    expect(s).toMatchObject({ networkIsolation: false, interContainerEncryption: false });
  });
});

describe('monitoringSchedulesCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(monitoringSchedulesCollector.operations).toEqual([
      'sagemaker:ListMonitoringSchedules',
      'sagemaker:DescribeMonitoringSchedule',
    ]);
  });

  listDescribeSuite({
    collector: monitoringSchedulesCollector,
    list: { command: ListMonitoringSchedulesCommand, operation: 'ListMonitoringSchedules', pageKey: 'MonitoringScheduleSummaries' },
    describe: { command: DescribeMonitoringScheduleCommand, operation: 'DescribeMonitoringSchedule', nameKey: 'MonitoringScheduleName' },
    summary,
    output: byDefinition,
    arn,
    notFound: () => new ResourceNotFound({ message: 'Resource Not Found', $metadata: { httpStatusCode: 400 } }),
  });
});
