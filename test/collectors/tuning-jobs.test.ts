import {
  DescribeHyperParameterTuningJobCommand,
  ListHyperParameterTuningJobsCommand,
  ResourceNotFound,
  SageMakerServiceException,
  type DescribeHyperParameterTuningJobResponse,
  type HyperParameterTrainingJobDefinition,
  type HyperParameterTuningJobSummary,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { toTuningJob, tuningJobsCollector } from '../../src/inventory/collectors/tuning-jobs.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import { REGION, sagemakerArn, sagemakerMock, serveListDescribe, type ListDescribeCase } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('hyper-parameter-tuning-job', name);
const created = new Date('2025-04-01T09:00:00.000Z');
const SINCE = new Date('2025-01-01T00:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerTuning';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const PYTORCH = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3-gpu-py311';

const counters = {
  TrainingJobStatusCounters: { Completed: 20, InProgress: 0, RetryableError: 0, NonRetryableError: 1, Stopped: 3 },
  ObjectiveStatusCounters: { Succeeded: 20, Pending: 0, Failed: 1 },
};

const summary = (name: string): HyperParameterTuningJobSummary => ({
  HyperParameterTuningJobName: name,
  HyperParameterTuningJobArn: arn(name),
  HyperParameterTuningJobStatus: 'Completed',
  Strategy: 'Bayesian',
  CreationTime: created,
  HyperParameterTuningEndTime: new Date('2025-04-01T15:00:00.000Z'),
  LastModifiedTime: new Date('2025-04-01T15:00:05.000Z'),
  ...counters,
  ResourceLimits: { MaxNumberOfTrainingJobs: 24, MaxParallelTrainingJobs: 4 },
});

const plainDefinition: HyperParameterTrainingJobDefinition = {
  StaticHyperParameters: { objective: 'binary:logistic', num_round: '200' },
  AlgorithmSpecification: { TrainingImage: XGBOOST, TrainingInputMode: 'File' },
  RoleArn: ROLE_ARN,
  InputDataConfig: [
    {
      ChannelName: 'train',
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://ml-data/churn/train/', S3DataDistributionType: 'FullyReplicated' } },
      ContentType: 'text/csv',
    },
  ],
  OutputDataConfig: { S3OutputPath: 's3://ml-models/churn-hpo/' },
  ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  EnableNetworkIsolation: false,
  EnableInterContainerTrafficEncryption: false,
  EnableManagedSpotTraining: false,
};

const minimal = (name: string): DescribeHyperParameterTuningJobResponse => ({
  HyperParameterTuningJobName: name,
  HyperParameterTuningJobArn: arn(name),
  HyperParameterTuningJobConfig: {
    Strategy: 'Bayesian',
    HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' },
    ResourceLimits: { MaxNumberOfTrainingJobs: 24, MaxParallelTrainingJobs: 4 },
    ParameterRanges: {
      ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.01', MaxValue: '0.3', ScalingType: 'Logarithmic' }],
      IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10', ScalingType: 'Auto' }],
    },
  },
  TrainingJobDefinition: plainDefinition,
  HyperParameterTuningJobStatus: 'Completed',
  CreationTime: created,
  HyperParameterTuningEndTime: new Date('2025-04-01T15:00:00.000Z'),
  LastModifiedTime: new Date('2025-04-01T15:00:05.000Z'),
  ...counters,
});

const full: DescribeHyperParameterTuningJobResponse = {
  ...minimal('hpo-full'),
  HyperParameterTuningJobConfig: {
    Strategy: 'Hyperband',
    StrategyConfig: { HyperbandStrategyConfig: { MinResource: 1, MaxResource: 27 } },
    HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'validation:loss' },
    ResourceLimits: { MaxNumberOfTrainingJobs: 60, MaxParallelTrainingJobs: 6, MaxRuntimeInSeconds: 43_200 },
    TrainingJobEarlyStoppingType: 'Off',
    TuningJobCompletionCriteria: { BestObjectiveNotImproving: { MaxNumberOfTrainingJobsNotImproving: 10 } },
  },
  TrainingJobDefinition: undefined,
  TrainingJobDefinitions: [
    {
      ...plainDefinition,
      DefinitionName: 'xgb',
      HyperParameterRanges: { CategoricalParameterRanges: [{ Name: 'booster', Values: ['gbtree', 'dart'] }] },
      TuningObjective: { Type: 'Minimize', MetricName: 'validation:loss' },
      VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0aaa', 'subnet-0bbb'] },
      OutputDataConfig: { S3OutputPath: 's3://ml-models/churn-hpo/', KmsKeyId: 'alias/ml-output' },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 2, VolumeSizeInGB: 30, VolumeKmsKeyId: KEY_ARN },
      EnableNetworkIsolation: true,
      EnableInterContainerTrafficEncryption: true,
      EnableManagedSpotTraining: true,
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      CheckpointConfig: { S3Uri: 's3://ml-checkpoints/hpo-full/' },
    },
    {
      DefinitionName: 'torch',
      AlgorithmSpecification: { TrainingImage: PYTORCH, TrainingInputMode: 'FastFile' },
      RoleArn: ROLE_ARN,
      HyperParameterRanges: {
        CategoricalParameterRanges: [
          { Name: 'optimizer', Values: ['adam', 'sgd', 'adamw'] },
          { Name: 'batch_size', Values: ['32', '64'] },
        ],
      },
      TuningObjective: { Type: 'Minimize', MetricName: 'validation:loss' },
      OutputDataConfig: { S3OutputPath: 's3://ml-models/churn-hpo/' },
      // Flexible instance types: the tuning job picks one configuration per training job.
      HyperParameterTuningResourceConfig: {
        VolumeKmsKeyId: KEY_ARN,
        AllocationStrategy: 'Prioritized',
        InstanceConfigs: [
          { InstanceType: 'ml.g5.2xlarge', InstanceCount: 1, VolumeSizeInGB: 50 },
          { InstanceType: 'ml.p3.2xlarge', InstanceCount: 2, VolumeSizeInGB: 50 },
        ],
      },
      StoppingCondition: { MaxRuntimeInSeconds: 7200 },
    },
  ],
  WarmStartConfig: {
    ParentHyperParameterTuningJobs: [{ HyperParameterTuningJobName: 'hpo-jan' }, { HyperParameterTuningJobName: 'hpo-feb' }],
    WarmStartType: 'TransferLearning',
  },
};

describe('toTuningJob', () => {
  it('maps a Hyperband, warm-started, multi-definition tuning job', () => {
    expect(toTuningJob(full, REGION)).toEqual({
      arn: arn('hpo-full'),
      name: 'hpo-full',
      region: REGION,
      resourceType: 'AWS::SageMaker::HyperParameterTuningJob',
      tags: {},
      status: 'Completed',
      creationTime: '2025-04-01T09:00:00.000Z',
      strategy: 'Hyperband',
      hyperband: { minResource: 1, maxResource: 27 },
      earlyStoppingType: 'Off',
      resourceLimits: { maxNumberOfTrainingJobs: 60, maxParallelTrainingJobs: 6, maxRuntimeSeconds: 43_200 },
      completionCriteria: true,
      // 2 booster values, plus 3 optimizers x 2 batch sizes.
      gridSize: 8,
      warmStart: { type: 'TransferLearning', parents: ['hpo-jan', 'hpo-feb'] },
      trainingDefinitions: [
        {
          name: 'xgb',
          trainingImage: XGBOOST,
          algorithmName: undefined,
          volumeKmsKeyId: KEY_ARN,
          outputKmsKeyId: 'alias/ml-output',
          networkIsolation: true,
          interContainerEncryption: true,
          vpc: { subnets: ['subnet-0aaa', 'subnet-0bbb'], securityGroupIds: ['sg-0123456789abcdef0'] },
          instanceTypes: ['ml.m5.xlarge'],
          instanceCount: 2,
          managedSpot: true,
        },
        {
          name: 'torch',
          trainingImage: PYTORCH,
          algorithmName: undefined,
          volumeKmsKeyId: KEY_ARN,
          outputKmsKeyId: undefined,
          networkIsolation: false,
          interContainerEncryption: false,
          instanceTypes: ['ml.g5.2xlarge', 'ml.p3.2xlarge'],
          instanceCount: 2,
          managedSpot: false,
        },
      ],
    });
  });

  it('maps a plain Bayesian job: early stopping Off by default, no grid, no warm start, nothing protected', () => {
    const job = toTuningJob(minimal('hpo-plain'), REGION);
    expect(job).toMatchObject({
      strategy: 'Bayesian',
      earlyStoppingType: 'Off',
      completionCriteria: false,
      resourceLimits: { maxNumberOfTrainingJobs: 24, maxParallelTrainingJobs: 4, maxRuntimeSeconds: undefined },
    });
    expect(job).not.toHaveProperty('gridSize');
    expect(job).not.toHaveProperty('warmStart');
    expect(job).not.toHaveProperty('hyperband');
    expect(job.trainingDefinitions).toEqual([
      {
        trainingImage: XGBOOST,
        algorithmName: undefined,
        volumeKmsKeyId: undefined,
        outputKmsKeyId: undefined,
        networkIsolation: false,
        interContainerEncryption: false,
        instanceTypes: ['ml.m5.xlarge'],
        instanceCount: 1,
        managedSpot: false,
      },
    ]);
  });

  it('counts the grid of a Grid search from the config ranges, and reads an algorithm name', () => {
    const job = toTuningJob(
      {
        ...minimal('hpo-grid'),
        HyperParameterTuningJobConfig: {
          Strategy: 'Grid',
          ResourceLimits: { MaxParallelTrainingJobs: 2 },
          TrainingJobEarlyStoppingType: 'Auto',
          ParameterRanges: {
            CategoricalParameterRanges: [
              { Name: 'max_depth', Values: ['4', '6', '8'] },
              { Name: 'eta', Values: ['0.05', '0.1', '0.2', '0.3'] },
            ],
          },
        },
        TrainingJobDefinition: {
          ...plainDefinition,
          AlgorithmSpecification: { AlgorithmName: 'arn:aws:sagemaker:us-east-1:111122223333:algorithm/churn-algo', TrainingInputMode: 'File' },
        },
      },
      REGION,
    );
    expect(job).toMatchObject({ strategy: 'Grid', earlyStoppingType: 'Auto', gridSize: 12 });
    expect(job.resourceLimits.maxNumberOfTrainingJobs).toBeUndefined();
    expect(job.trainingDefinitions[0]?.algorithmName).toBe('arn:aws:sagemaker:us-east-1:111122223333:algorithm/churn-algo');
  });
});

const tuningCase: ListDescribeCase<'tuningJobs', HyperParameterTuningJobSummary, DescribeHyperParameterTuningJobResponse> = {
  collector: tuningJobsCollector,
  list: { command: ListHyperParameterTuningJobsCommand, operation: 'ListHyperParameterTuningJobs', pageKey: 'HyperParameterTuningJobSummaries' },
  describe: { command: DescribeHyperParameterTuningJobCommand, operation: 'DescribeHyperParameterTuningJob', nameKey: 'HyperParameterTuningJobName' },
  summary,
  output: minimal,
  arn,
  notFound: (name) => new ResourceNotFound({ message: `Amazon SageMaker can't find a tuning job with name ${name}`, $metadata: { httpStatusCode: 400 } }),
  listInput: { CreationTimeAfter: SINCE, SortBy: 'CreationTime', SortOrder: 'Descending' },
};

describe('tuningJobsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(tuningJobsCollector.operations).toEqual([
      'sagemaker:ListHyperParameterTuningJobs',
      'sagemaker:DescribeHyperParameterTuningJob',
    ]);
  });

  // listDescribeSuite expects the AccessDenied message verbatim, but messages this long (the operation name appears
  // twice) are cut at 300 characters by classifyError: the same checks, with that allowance.
  beforeEach(() => {
    sagemakerMock.reset();
  });
  afterAll(() => {
    sagemakerMock.restore();
  });

  it('pages through List with MaxResults 100 and NextToken, describing each job by the name in its summary', async () => {
    const served = serveListDescribe(tuningCase, [['hpo-a', 'hpo-b'], ['hpo-c']]);
    const { ctx } = collectorContext();
    const slice = await tuningJobsCollector.collect(ctx, REGION);

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((i) => i.arn)).toEqual([arn('hpo-a'), arn('hpo-b'), arn('hpo-c')]);
    expect(served.listInputs).toEqual([
      { ...tuningCase.listInput, MaxResults: 100, NextToken: undefined },
      { ...tuningCase.listInput, MaxResults: 100, NextToken: 'page-1' },
    ]);
    expect([...served.describedNames].sort()).toEqual(['hpo-a', 'hpo-b', 'hpo-c']);
  });

  it('reports a denied ListHyperParameterTuningJobs as a region-wide access-denied error, with no items', async () => {
    const message = notAuthorized('sagemaker:ListHyperParameterTuningJobs', arn('*'));
    sagemakerMock
      .on(ListHyperParameterTuningJobsCommand)
      .rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await tuningJobsCollector.collect(ctx, REGION);

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      {
        slice: 'tuningJobs',
        region: REGION,
        operation: 'ListHyperParameterTuningJobs',
        action: 'sagemaker:ListHyperParameterTuningJobs',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message: expect.stringMatching(/^User: .* is not authorized to perform: sagemaker:ListHyperParameterTuningJobs /),
      },
    ]);
    expect(sagemakerMock.commandCalls(DescribeHyperParameterTuningJobCommand)).toHaveLength(0);
  });

  it('records a denied DescribeHyperParameterTuningJob against that job and collects the others', async () => {
    const message = notAuthorized('sagemaker:DescribeHyperParameterTuningJob', arn('hpo-denied'));
    serveListDescribe(tuningCase, [['hpo-a', 'hpo-denied', 'hpo-c']], {
      'hpo-denied': serviceError(SageMakerServiceException, 'AccessDeniedException', message),
    });
    const { ctx } = collectorContext();
    const slice = await tuningJobsCollector.collect(ctx, REGION);

    expect(slice.items.map((i) => i.arn)).toEqual([arn('hpo-a'), arn('hpo-c')]);
    expect(slice.errors).toEqual([
      {
        slice: 'tuningJobs',
        region: REGION,
        operation: 'DescribeHyperParameterTuningJob',
        action: 'sagemaker:DescribeHyperParameterTuningJob',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message: expect.stringMatching(/^User: .* is not authorized to perform: sagemaker:DescribeHyperParameterTuningJob /),
        resourceArn: arn('hpo-denied'),
      },
    ]);
  });

  it('skips a job deleted between List and Describe, without an error', async () => {
    const served = serveListDescribe(tuningCase, [['hpo-a', 'hpo-gone']], { 'hpo-gone': tuningCase.notFound('hpo-gone') });
    const { ctx } = collectorContext();
    const slice = await tuningJobsCollector.collect(ctx, REGION);

    expect(served.describedNames).toContain('hpo-gone');
    expect(slice.items.map((i) => i.arn)).toEqual([arn('hpo-a')]);
    expect(slice.errors).toEqual([]);
  });

  it('lists only jobs created since --since, newest first, and notes the window', async () => {
    const since = new Date('2025-02-15T00:00:00.000Z');
    const served = serveListDescribe(tuningCase, [['hpo-new']]);
    const { ctx, notes } = collectorContext({ since });
    await tuningJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toEqual([
      { CreationTimeAfter: since, SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100, NextToken: undefined },
    ]);
    expect(notes).toEqual(['tuningJobs: only jobs created since 2025-02-15T00:00:00.000Z (--since)']);
  });

  it('stops listing at the --max-jobs cap and describes only the newest jobs', async () => {
    const served = serveListDescribe(tuningCase, [['hpo-5', 'hpo-4'], ['hpo-3', 'hpo-2'], ['hpo-1']]);
    const { ctx, notes } = collectorContext({ maxJobs: 3 });
    const slice = await tuningJobsCollector.collect(ctx, REGION);

    expect(served.listInputs).toHaveLength(2);
    expect(sagemakerMock.commandCalls(DescribeHyperParameterTuningJobCommand)).toHaveLength(3);
    expect(slice.items.map((j) => j.name)).toEqual(['hpo-5', 'hpo-4', 'hpo-3']);
    expect(notes).toContain('tuningJobs in us-east-1: stopped at the cap of 3 (newest first); raise --max-jobs to see more');
  });
});
