import {
  DescribeProcessingJobCommand,
  ListProcessingJobsCommand,
  ResourceNotFound,
  type DescribeProcessingJobResponse,
  type ProcessingJobSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { processingJobsCollector, toProcessingJob } from '../../src/inventory/collectors/processing-jobs.js';
import { collectorContext } from '../support/collector-context.js';
import { listDescribeSuite, REGION, sagemakerArn, sagemakerMock, serveListDescribe, type ListDescribeCase } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('processing-job', name);
const created = new Date('2025-04-02T07:00:00.000Z');
const SINCE = new Date('2025-01-01T00:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerProcessing';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const SKLEARN = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3';
const CLARIFY = '205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0';

const summary = (name: string): ProcessingJobSummary => ({
  ProcessingJobName: name,
  ProcessingJobArn: arn(name),
  CreationTime: created,
  ProcessingEndTime: new Date('2025-04-02T07:20:00.000Z'),
  LastModifiedTime: new Date('2025-04-02T07:20:05.000Z'),
  ProcessingJobStatus: 'Completed',
});

const minimal = (name: string): DescribeProcessingJobResponse => ({
  ProcessingInputs: [
    {
      InputName: 'input-1',
      AppManaged: false,
      S3Input: {
        S3Uri: 's3://ml-data/churn/raw/',
        LocalPath: '/opt/ml/processing/input',
        S3DataType: 'S3Prefix',
        S3InputMode: 'File',
        S3DataDistributionType: 'FullyReplicated',
      },
    },
  ],
  ProcessingOutputConfig: {
    Outputs: [
      {
        OutputName: 'train',
        S3Output: { S3Uri: 's3://ml-data/churn/train/', LocalPath: '/opt/ml/processing/train', S3UploadMode: 'EndOfJob' },
        AppManaged: false,
      },
    ],
  },
  ProcessingJobName: name,
  ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 } },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  AppSpecification: { ImageUri: SKLEARN, ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/preprocess.py'] },
  RoleArn: ROLE_ARN,
  ProcessingJobArn: arn(name),
  ProcessingJobStatus: 'Completed',
  ProcessingEndTime: new Date('2025-04-02T07:20:00.000Z'),
  ProcessingStartTime: new Date('2025-04-02T07:03:00.000Z'),
  LastModifiedTime: new Date('2025-04-02T07:20:05.000Z'),
  CreationTime: created,
});

const clarify: DescribeProcessingJobResponse = {
  ...minimal('clarify-bias-churn'),
  AppSpecification: { ImageUri: CLARIFY },
  ProcessingOutputConfig: {
    Outputs: [
      {
        OutputName: 'analysis_result',
        S3Output: { S3Uri: 's3://ml-reports/churn/bias/', LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' },
      },
      {
        OutputName: 'features',
        FeatureStoreOutput: { FeatureGroupName: 'customer-features' },
      },
    ],
    KmsKeyId: 'alias/ml-reports',
  },
  ProcessingResources: {
    ClusterConfig: { InstanceCount: 2, InstanceType: 'ml.m5.2xlarge', VolumeSizeInGB: 50, VolumeKmsKeyId: KEY_ARN },
  },
  NetworkConfig: {
    EnableInterContainerTrafficEncryption: true,
    EnableNetworkIsolation: true,
    VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0aaa'] },
  },
  ExperimentConfig: { ExperimentName: 'churn', TrialName: 'churn-bias' },
};

describe('toProcessingJob', () => {
  it('maps a Clarify job with keys, network config and a Feature Store output', () => {
    expect(toProcessingJob(clarify, REGION)).toEqual({
      arn: arn('clarify-bias-churn'),
      name: 'clarify-bias-churn',
      region: REGION,
      resourceType: 'AWS::SageMaker::ProcessingJob',
      tags: {},
      status: 'Completed',
      creationTime: '2025-04-02T07:00:00.000Z',
      roleArn: ROLE_ARN,
      imageUri: CLARIFY,
      volumeKmsKeyId: KEY_ARN,
      outputKmsKeyId: 'alias/ml-reports',
      s3OutputCount: 1,
      networkIsolation: true,
      interContainerEncryption: true,
      vpc: { subnets: ['subnet-0aaa'], securityGroupIds: ['sg-0123456789abcdef0'] },
      instanceType: 'ml.m5.2xlarge',
      instanceCount: 2,
      monitoringScheduleArn: undefined,
      trainingJobArn: undefined,
      autoMlJobArn: undefined,
    });
  });

  it('maps a plain job: no keys, no NetworkConfig', () => {
    const job = toProcessingJob(minimal('pj-plain'), REGION);
    expect(job).toMatchObject({ s3OutputCount: 1, networkIsolation: false, interContainerEncryption: false, instanceCount: 1 });
    expect(job).not.toHaveProperty('vpc');
    expect(job.volumeKmsKeyId).toBeUndefined();
    expect(job.outputKmsKeyId).toBeUndefined();
  });

  it('records which SageMaker feature launched a job, and a job without outputs', () => {
    const monitor = toProcessingJob(
      {
        ...minimal('model-monitoring-202504020700-0a1b2c3d'),
        ProcessingOutputConfig: undefined,
        MonitoringScheduleArn: sagemakerArn('monitoring-schedule', 'churn-data-quality'),
      },
      REGION,
    );
    expect(monitor.monitoringScheduleArn).toBe(sagemakerArn('monitoring-schedule', 'churn-data-quality'));
    expect(monitor.s3OutputCount).toBe(0);
    const debuggerRule = toProcessingJob(
      { ...minimal('lossnotdecreasing-1a2b3c4d'), TrainingJobArn: sagemakerArn('training-job', 'churn-xgb') },
      REGION,
    );
    expect(debuggerRule.trainingJobArn).toBe(sagemakerArn('training-job', 'churn-xgb'));
  });
});

const processingCase: ListDescribeCase<'processingJobs', ProcessingJobSummary, DescribeProcessingJobResponse> = {
  collector: processingJobsCollector,
  list: { command: ListProcessingJobsCommand, operation: 'ListProcessingJobs', pageKey: 'ProcessingJobSummaries' },
  describe: { command: DescribeProcessingJobCommand, operation: 'DescribeProcessingJob', nameKey: 'ProcessingJobName' },
  summary,
  output: minimal,
  arn,
  notFound: (name) => new ResourceNotFound({ message: `Could not find requested job with name ${name}`, $metadata: { httpStatusCode: 400 } }),
  listInput: { CreationTimeAfter: SINCE, SortBy: 'CreationTime', SortOrder: 'Descending' },
};

describe('processingJobsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(processingJobsCollector.operations).toEqual(['sagemaker:ListProcessingJobs', 'sagemaker:DescribeProcessingJob']);
  });

  listDescribeSuite(processingCase);

  it('lists only jobs created since --since, newest first, and notes the window', async () => {
    const since = new Date('2025-02-15T00:00:00.000Z');
    const served = serveListDescribe(processingCase, [['pj-new']]);
    const { ctx, notes } = collectorContext({ since });
    await processingJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toEqual([
      { CreationTimeAfter: since, SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100, NextToken: undefined },
    ]);
    expect(notes).toEqual(['processingJobs: only jobs created since 2025-02-15T00:00:00.000Z (--since)']);
  });

  it('stops listing at the --max-jobs cap and describes only the newest jobs', async () => {
    const served = serveListDescribe(processingCase, [['pj-5', 'pj-4'], ['pj-3', 'pj-2'], ['pj-1']]);
    const { ctx, notes } = collectorContext({ maxJobs: 3 });
    const slice = await processingJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toHaveLength(2);
    expect(sagemakerMock.commandCalls(DescribeProcessingJobCommand)).toHaveLength(3);
    expect(slice.items.map((j) => j.name)).toEqual(['pj-5', 'pj-4', 'pj-3']);
    expect(notes).toContain('processingJobs in us-east-1: stopped at the cap of 3 (newest first); raise --max-jobs to see more');
  });
});
