import {
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  ResourceNotFound,
  type DescribeTrainingJobResponse,
  type TrainingJobSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { toTrainingJob, trainingJobsCollector } from '../../src/inventory/collectors/training-jobs.js';
import { collectorContext } from '../support/collector-context.js';
import { listDescribeSuite, REGION, sagemakerArn, sagemakerMock, serveListDescribe, type ListDescribeCase } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('training-job', name);
const created = new Date('2025-04-01T09:00:00.000Z');
const SINCE = new Date('2025-01-01T00:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerTraining';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const summary = (name: string): TrainingJobSummary => ({
  TrainingJobName: name,
  TrainingJobArn: arn(name),
  CreationTime: created,
  TrainingEndTime: new Date('2025-04-01T10:00:00.000Z'),
  LastModifiedTime: new Date('2025-04-01T10:00:05.000Z'),
  TrainingJobStatus: 'Completed',
  SecondaryStatus: 'Completed',
});

const minimal = (name: string): DescribeTrainingJobResponse => ({
  TrainingJobName: name,
  TrainingJobArn: arn(name),
  ModelArtifacts: { S3ModelArtifacts: `s3://ml-models/${name}/output/model.tar.gz` },
  TrainingJobStatus: 'Completed',
  SecondaryStatus: 'Completed',
  AlgorithmSpecification: {
    TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    TrainingInputMode: 'File',
    EnableSageMakerMetricsTimeSeries: false,
  },
  RoleArn: ROLE_ARN,
  OutputDataConfig: { S3OutputPath: 's3://ml-models/' },
  ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
  StoppingCondition: { MaxRuntimeInSeconds: 86400 },
  CreationTime: created,
  TrainingStartTime: new Date('2025-04-01T09:02:00.000Z'),
  TrainingEndTime: new Date('2025-04-01T10:00:00.000Z'),
  LastModifiedTime: new Date('2025-04-01T10:00:05.000Z'),
  EnableNetworkIsolation: false,
  EnableInterContainerTrafficEncryption: false,
  EnableManagedSpotTraining: false,
  TrainingTimeInSeconds: 3480,
  BillableTimeInSeconds: 3480,
});

const full: DescribeTrainingJobResponse = {
  ...minimal('job-full'),
  TuningJobArn: sagemakerArn('hyper-parameter-tuning-job', 'hpo-1'),
  AutoMLJobArn: sagemakerArn('automl-job', 'automl-1'),
  OutputDataConfig: { S3OutputPath: 's3://ml-models/', KmsKeyId: 'alias/training-output' },
  ResourceConfig: {
    VolumeSizeInGB: 100,
    VolumeKmsKeyId: KEY_ARN,
    InstanceGroups: [
      { InstanceGroupName: 'gpu', InstanceType: 'ml.p4d.24xlarge', InstanceCount: 2 },
      { InstanceGroupName: 'cpu', InstanceType: 'ml.c5.18xlarge', InstanceCount: 3 },
    ],
  },
  VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0aaa', 'subnet-0bbb'] },
  StoppingCondition: { MaxRuntimeInSeconds: 7200, MaxWaitTimeInSeconds: 14400 },
  EnableNetworkIsolation: true,
  EnableInterContainerTrafficEncryption: true,
  EnableManagedSpotTraining: true,
  CheckpointConfig: { S3Uri: 's3://ml-checkpoints/job-full', LocalPath: '/opt/ml/checkpoints' },
  TrainingTimeInSeconds: 5000,
  BillableTimeInSeconds: 1500,
  ExperimentConfig: { ExperimentName: 'churn', TrialName: 'churn-trial-7', RunName: 'run-42' },
  DebugHookConfig: { S3OutputPath: 's3://ml-debug/job-full', CollectionConfigurations: [{ CollectionName: 'losses' }] },
  DebugRuleConfigurations: [
    { RuleConfigurationName: 'LossNotDecreasing', RuleEvaluatorImage: '503895931360.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rules:latest' },
    { RuleConfigurationName: 'Overfit', RuleEvaluatorImage: '503895931360.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rules:latest' },
  ],
  ProfilerConfig: { S3OutputPath: 's3://ml-profiler/job-full', ProfilingIntervalInMilliseconds: 500 },
};

describe('toTrainingJob', () => {
  it('maps a heterogeneous, spot, VPC-bound job with debugger, profiler and experiment', () => {
    expect(toTrainingJob(full, REGION)).toEqual({
      arn: arn('job-full'),
      name: 'job-full',
      region: REGION,
      resourceType: 'AWS::SageMaker::TrainingJob',
      tags: {},
      status: 'Completed',
      creationTime: '2025-04-01T09:00:00.000Z',
      roleArn: ROLE_ARN,
      networkIsolation: true,
      interContainerEncryption: true,
      vpc: { subnets: ['subnet-0aaa', 'subnet-0bbb'], securityGroupIds: ['sg-0123456789abcdef0'] },
      outputKmsKeyId: 'alias/training-output',
      volumeKmsKeyId: KEY_ARN,
      instanceCount: 5,
      usesInstanceGroups: true,
      managedSpot: true,
      checkpointS3Uri: 's3://ml-checkpoints/job-full',
      maxRuntimeSeconds: 7200,
      maxWaitSeconds: 14400,
      trainingTimeSeconds: 5000,
      billableTimeSeconds: 1500,
      experiment: { experimentName: 'churn', trialName: 'churn-trial-7', runName: 'run-42' },
      debugHook: true,
      debugRuleCount: 2,
      profilerEnabled: true,
      tuningJobArn: sagemakerArn('hyper-parameter-tuning-job', 'hpo-1'),
      autoMlJobArn: sagemakerArn('automl-job', 'automl-1'),
    });
  });

  it('maps a plain job: single instance group, everything off', () => {
    const job = toTrainingJob(minimal('job-plain'), REGION);
    expect(job).toMatchObject({
      instanceCount: 1,
      instanceType: 'ml.m5.xlarge',
      usesInstanceGroups: false,
      networkIsolation: false,
      interContainerEncryption: false,
      managedSpot: false,
      debugHook: false,
      debugRuleCount: 0,
      profilerEnabled: false,
      maxRuntimeSeconds: 86400,
    });
    expect(job).not.toHaveProperty('vpc');
    expect(job).not.toHaveProperty('experiment');
    expect(job.outputKmsKeyId).toBeUndefined();
    expect(job.volumeKmsKeyId).toBeUndefined();
  });

  it('treats absent security flags as off and a disabled profiler as not profiling', () => {
    const job = toTrainingJob(
      {
        ...minimal('job-defaults'),
        EnableNetworkIsolation: undefined,
        EnableInterContainerTrafficEncryption: undefined,
        EnableManagedSpotTraining: undefined,
        ProfilerConfig: { DisableProfiler: true },
      },
      REGION,
    );
    expect(job).toMatchObject({ networkIsolation: false, interContainerEncryption: false, managedSpot: false, profilerEnabled: false });
  });
});

const trainingCase: ListDescribeCase<'trainingJobs', TrainingJobSummary, DescribeTrainingJobResponse> = {
  collector: trainingJobsCollector,
  list: { command: ListTrainingJobsCommand, operation: 'ListTrainingJobs', pageKey: 'TrainingJobSummaries' },
  describe: { command: DescribeTrainingJobCommand, operation: 'DescribeTrainingJob', nameKey: 'TrainingJobName' },
  summary,
  output: minimal,
  arn,
  notFound: () => new ResourceNotFound({ message: 'Requested resource not found.', $metadata: { httpStatusCode: 400 } }),
  listInput: { CreationTimeAfter: SINCE, SortBy: 'CreationTime', SortOrder: 'Descending' },
};

describe('trainingJobsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(trainingJobsCollector.operations).toEqual(['sagemaker:ListTrainingJobs', 'sagemaker:DescribeTrainingJob']);
  });

  listDescribeSuite(trainingCase);

  it('lists only jobs created since --since, newest first, and notes the window', async () => {
    const since = new Date('2025-02-15T00:00:00.000Z');
    const served = serveListDescribe(trainingCase, [['job-new']]);
    const { ctx, notes } = collectorContext({ since });
    await trainingJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toEqual([
      { CreationTimeAfter: since, SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100, NextToken: undefined },
    ]);
    expect(notes).toEqual(['trainingJobs: only jobs created since 2025-02-15T00:00:00.000Z (--since)']);
  });

  it('stops listing at the --max-jobs cap and describes only the newest jobs', async () => {
    const served = serveListDescribe(trainingCase, [['job-5', 'job-4'], ['job-3', 'job-2'], ['job-1']]);
    const { ctx, notes } = collectorContext({ maxJobs: 3 });
    const slice = await trainingJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toHaveLength(2);
    expect(sagemakerMock.commandCalls(DescribeTrainingJobCommand)).toHaveLength(3);
    expect(slice.items.map((j) => j.name)).toEqual(['job-5', 'job-4', 'job-3']);
    expect(slice.errors).toEqual([]);
    expect(notes).toContain('trainingJobs in us-east-1: stopped at the cap of 3 (newest first); raise --max-jobs to see more');
  });

  it('does not fetch another page once the cap is reached on a page boundary', async () => {
    const served = serveListDescribe(trainingCase, [['job-4', 'job-3'], ['job-2', 'job-1']]);
    const { ctx } = collectorContext({ maxJobs: 2 });
    const slice = await trainingJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toHaveLength(1);
    expect(slice.items.map((j) => j.name)).toEqual(['job-4', 'job-3']);
  });
});
