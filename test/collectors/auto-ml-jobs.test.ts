import {
  DescribeAutoMLJobV2Command,
  ListAutoMLJobsCommand,
  ResourceNotFound,
  type AutoMLJobSummary,
  type DescribeAutoMLJobV2Response,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { autoMlJobsCollector, toAutoMlJob } from '../../src/inventory/collectors/auto-ml-jobs.js';
import { collectorContext } from '../support/collector-context.js';
import { listDescribeSuite, REGION, sagemakerArn, sagemakerMock, serveListDescribe, type ListDescribeCase } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('automl-job', name);
const created = new Date('2025-04-04T12:00:00.000Z');
const modified = new Date('2025-04-04T16:30:00.000Z');
const SINCE = new Date('2025-01-01T00:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerAutopilot';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const summary = (name: string): AutoMLJobSummary => ({
  AutoMLJobName: name,
  AutoMLJobArn: arn(name),
  AutoMLJobStatus: 'Completed',
  AutoMLJobSecondaryStatus: 'Completed',
  CreationTime: created,
  EndTime: modified,
  LastModifiedTime: modified,
});

/** A tabular job created from SageMaker Canvas or CreateAutoMLJobV2 without a SecurityConfig. */
const minimal = (name: string): DescribeAutoMLJobV2Response => ({
  AutoMLJobName: name,
  AutoMLJobArn: arn(name),
  AutoMLJobInputDataConfig: [
    {
      ChannelType: 'training',
      ContentType: 'text/csv;header=present',
      CompressionType: 'None',
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://ml-data/churn/train.csv' } },
    },
  ],
  OutputDataConfig: { S3OutputPath: 's3://ml-automl/churn/' },
  RoleArn: ROLE_ARN,
  AutoMLJobObjective: { MetricName: 'F1' },
  AutoMLProblemTypeConfig: {
    TabularJobConfig: {
      CompletionCriteria: { MaxCandidates: 50 },
      Mode: 'ENSEMBLING',
      ProblemType: 'BinaryClassification',
      TargetAttributeName: 'churned',
    },
  },
  AutoMLProblemTypeConfigName: 'Tabular',
  CreationTime: created,
  EndTime: modified,
  LastModifiedTime: modified,
  AutoMLJobStatus: 'Completed',
  AutoMLJobSecondaryStatus: 'Completed',
  DataSplitConfig: { ValidationFraction: 0.2 },
});

describe('toAutoMlJob', () => {
  it('maps a job with a full SecurityConfig', () => {
    expect(
      toAutoMlJob(
        {
          ...minimal('automl-secure'),
          OutputDataConfig: { S3OutputPath: 's3://ml-automl/churn/', KmsKeyId: 'alias/ml-automl' },
          SecurityConfig: {
            VolumeKmsKeyId: KEY_ARN,
            EnableInterContainerTrafficEncryption: true,
            VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0aaa', 'subnet-0bbb'] },
          },
        },
        REGION,
      ),
    ).toEqual({
      arn: arn('automl-secure'),
      name: 'automl-secure',
      region: REGION,
      resourceType: 'AWS::SageMaker::AutoMLJob',
      tags: {},
      status: 'Completed',
      creationTime: '2025-04-04T12:00:00.000Z',
      roleArn: ROLE_ARN,
      securityConfig: {
        interContainerEncryption: true,
        volumeKmsKeyId: KEY_ARN,
        vpc: { subnets: ['subnet-0aaa', 'subnet-0bbb'], securityGroupIds: ['sg-0123456789abcdef0'] },
      },
      outputKmsKeyId: 'alias/ml-automl',
    });
  });

  it('normalises an absent SecurityConfig to no encryption, no key and no VPC', () => {
    const job = toAutoMlJob(minimal('automl-plain'), REGION);
    expect(job.securityConfig).toEqual({ interContainerEncryption: false, volumeKmsKeyId: undefined });
    expect(job.securityConfig).not.toHaveProperty('vpc');
    expect(job.outputKmsKeyId).toBeUndefined();
  });
});

const autoMlCase: ListDescribeCase<'autoMlJobs', AutoMLJobSummary, DescribeAutoMLJobV2Response> = {
  collector: autoMlJobsCollector,
  list: { command: ListAutoMLJobsCommand, operation: 'ListAutoMLJobs', pageKey: 'AutoMLJobSummaries' },
  describe: { command: DescribeAutoMLJobV2Command, operation: 'DescribeAutoMLJobV2', nameKey: 'AutoMLJobName' },
  summary,
  output: minimal,
  arn,
  notFound: (name) => new ResourceNotFound({ message: `Job ${name} not found.`, $metadata: { httpStatusCode: 400 } }),
  listInput: { CreationTimeAfter: SINCE, SortBy: 'CreationTime', SortOrder: 'Descending' },
};

describe('autoMlJobsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(autoMlJobsCollector.operations).toEqual(['sagemaker:ListAutoMLJobs', 'sagemaker:DescribeAutoMLJobV2']);
  });

  listDescribeSuite(autoMlCase);

  it('lists only jobs created since --since, newest first, and notes the window', async () => {
    const since = new Date('2025-02-15T00:00:00.000Z');
    const served = serveListDescribe(autoMlCase, [['automl-new']]);
    const { ctx, notes } = collectorContext({ since });
    await autoMlJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toEqual([
      { CreationTimeAfter: since, SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100, NextToken: undefined },
    ]);
    expect(notes).toEqual(['autoMlJobs: only jobs created since 2025-02-15T00:00:00.000Z (--since)']);
  });

  it('stops listing at the --max-jobs cap and describes only the newest jobs', async () => {
    const served = serveListDescribe(autoMlCase, [['automl-5', 'automl-4'], ['automl-3', 'automl-2'], ['automl-1']]);
    const { ctx, notes } = collectorContext({ maxJobs: 3 });
    const slice = await autoMlJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toHaveLength(2);
    expect(sagemakerMock.commandCalls(DescribeAutoMLJobV2Command)).toHaveLength(3);
    expect(slice.items.map((j) => j.name)).toEqual(['automl-5', 'automl-4', 'automl-3']);
    expect(notes).toContain('autoMlJobs in us-east-1: stopped at the cap of 3 (newest first); raise --max-jobs to see more');
  });
});
