import {
  DescribeTransformJobCommand,
  ListTransformJobsCommand,
  ResourceNotFound,
  type DescribeTransformJobResponse,
  type TransformJobSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { toTransformJob, transformJobsCollector } from '../../src/inventory/collectors/transform-jobs.js';
import { collectorContext } from '../support/collector-context.js';
import { listDescribeSuite, REGION, sagemakerArn, sagemakerMock, serveListDescribe, type ListDescribeCase } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('transform-job', name);
const created = new Date('2025-04-03T02:00:00.000Z');
const SINCE = new Date('2025-01-01T00:00:00.000Z');
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const summary = (name: string): TransformJobSummary => ({
  TransformJobName: name,
  TransformJobArn: arn(name),
  CreationTime: created,
  TransformEndTime: new Date('2025-04-03T02:40:00.000Z'),
  LastModifiedTime: new Date('2025-04-03T02:40:05.000Z'),
  TransformJobStatus: 'Completed',
});

const minimal = (name: string): DescribeTransformJobResponse => ({
  TransformJobName: name,
  TransformJobArn: arn(name),
  TransformJobStatus: 'Completed',
  ModelName: 'churn-xgb-model',
  MaxConcurrentTransforms: 1,
  MaxPayloadInMB: 6,
  BatchStrategy: 'MultiRecord',
  TransformInput: {
    DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://ml-data/churn/score/' } },
    ContentType: 'text/csv',
    CompressionType: 'None',
    SplitType: 'Line',
  },
  TransformOutput: { S3OutputPath: 's3://ml-predictions/churn/', AssembleWith: 'Line' },
  TransformResources: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 },
  CreationTime: created,
  TransformStartTime: new Date('2025-04-03T02:04:00.000Z'),
  TransformEndTime: new Date('2025-04-03T02:40:00.000Z'),
  DataProcessing: { InputFilter: '$', OutputFilter: '$', JoinSource: 'None' },
});

describe('toTransformJob', () => {
  it('maps the keys, the model and the instances', () => {
    expect(
      toTransformJob(
        {
          ...minimal('tf-full'),
          TransformOutput: { S3OutputPath: 's3://ml-predictions/churn/', KmsKeyId: 'alias/ml-predictions' },
          TransformResources: { InstanceType: 'ml.c5.2xlarge', InstanceCount: 4, VolumeKmsKeyId: KEY_ARN },
        },
        REGION,
      ),
    ).toEqual({
      arn: arn('tf-full'),
      name: 'tf-full',
      region: REGION,
      resourceType: 'AWS::SageMaker::TransformJob',
      tags: {},
      status: 'Completed',
      creationTime: '2025-04-03T02:00:00.000Z',
      modelName: 'churn-xgb-model',
      volumeKmsKeyId: KEY_ARN,
      outputKmsKeyId: 'alias/ml-predictions',
      instanceType: 'ml.c5.2xlarge',
      instanceCount: 4,
      autoMlJobArn: undefined,
    });
  });

  it('leaves the keys undefined when the job sets none, and records an AutoML parent', () => {
    const job = toTransformJob({ ...minimal('tf-plain'), AutoMLJobArn: sagemakerArn('automl-job', 'churn-automl') }, REGION);
    expect(job.volumeKmsKeyId).toBeUndefined();
    expect(job.outputKmsKeyId).toBeUndefined();
    expect(job.autoMlJobArn).toBe(sagemakerArn('automl-job', 'churn-automl'));
  });
});

const transformCase: ListDescribeCase<'transformJobs', TransformJobSummary, DescribeTransformJobResponse> = {
  collector: transformJobsCollector,
  list: { command: ListTransformJobsCommand, operation: 'ListTransformJobs', pageKey: 'TransformJobSummaries' },
  describe: { command: DescribeTransformJobCommand, operation: 'DescribeTransformJob', nameKey: 'TransformJobName' },
  summary,
  output: minimal,
  arn,
  notFound: (name) => new ResourceNotFound({ message: `Could not find requested job with name ${name}`, $metadata: { httpStatusCode: 400 } }),
  listInput: { CreationTimeAfter: SINCE, SortBy: 'CreationTime', SortOrder: 'Descending' },
};

describe('transformJobsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(transformJobsCollector.operations).toEqual(['sagemaker:ListTransformJobs', 'sagemaker:DescribeTransformJob']);
  });

  listDescribeSuite(transformCase);

  it('lists only jobs created since --since, newest first, and notes the window', async () => {
    const since = new Date('2025-02-15T00:00:00.000Z');
    const served = serveListDescribe(transformCase, [['tf-new']]);
    const { ctx, notes } = collectorContext({ since });
    await transformJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toEqual([
      { CreationTimeAfter: since, SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100, NextToken: undefined },
    ]);
    expect(notes).toEqual(['transformJobs: only jobs created since 2025-02-15T00:00:00.000Z (--since)']);
  });

  it('stops listing at the --max-jobs cap and describes only the newest jobs', async () => {
    const served = serveListDescribe(transformCase, [['tf-5', 'tf-4'], ['tf-3', 'tf-2'], ['tf-1']]);
    const { ctx, notes } = collectorContext({ maxJobs: 3 });
    const slice = await transformJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toHaveLength(2);
    expect(sagemakerMock.commandCalls(DescribeTransformJobCommand)).toHaveLength(3);
    expect(slice.items.map((j) => j.name)).toEqual(['tf-5', 'tf-4', 'tf-3']);
    expect(notes).toContain('transformJobs in us-east-1: stopped at the cap of 3 (newest first); raise --max-jobs to see more');
  });
});
