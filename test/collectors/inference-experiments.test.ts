import {
  DescribeInferenceExperimentCommand,
  ListInferenceExperimentsCommand,
  ResourceNotFound,
  SageMakerServiceException,
  type DescribeInferenceExperimentResponse,
  type InferenceExperimentSummary,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { inferenceExperimentsCollector, toInferenceExperiment } from '../../src/inventory/collectors/inference-experiments.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import { REGION, sagemakerArn, sagemakerMock, serveListDescribe, type ListDescribeCase } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('inference-experiment', name);
const created = new Date('2025-06-02T08:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerShadowTests';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

// ListInferenceExperiments summaries carry no ARN.
const summary = (name: string): InferenceExperimentSummary => ({
  Name: name,
  Type: 'ShadowMode',
  Status: 'Running',
  CreationTime: created,
  LastModifiedTime: created,
  RoleArn: ROLE_ARN,
});

const minimal = (name: string): DescribeInferenceExperimentResponse => ({
  Arn: arn(name),
  Name: name,
  Type: 'ShadowMode',
  Status: 'Running',
  CreationTime: created,
  LastModifiedTime: created,
  RoleArn: ROLE_ARN,
  EndpointMetadata: { EndpointName: 'churn-prod', EndpointConfigName: 'churn-prod-config', EndpointStatus: 'InService' },
  ModelVariants: [
    {
      ModelName: 'churn-xgb-v1',
      VariantName: 'production',
      InfrastructureConfig: { InfrastructureType: 'RealTimeInference', RealTimeInferenceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 } },
      Status: 'InService',
    },
    {
      ModelName: 'churn-xgb-v2',
      VariantName: 'shadow',
      InfrastructureConfig: { InfrastructureType: 'RealTimeInference', RealTimeInferenceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 } },
      Status: 'InService',
    },
  ],
  ShadowModeConfig: {
    SourceModelVariantName: 'production',
    ShadowModelVariants: [{ ShadowModelVariantName: 'shadow', SamplingPercentage: 50 }],
  },
});

describe('toInferenceExperiment', () => {
  it('maps keys, data storage, endpoint and the distinct instance types', () => {
    const full: DescribeInferenceExperimentResponse = {
      ...minimal('ie-full'),
      KmsKey: KEY_ARN,
      DataStorageConfig: { Destination: 's3://ml-capture/shadow', KmsKey: 'alias/ml-capture' },
    };
    expect(toInferenceExperiment(full, REGION)).toEqual({
      arn: arn('ie-full'),
      name: 'ie-full',
      region: REGION,
      resourceType: 'AWS::SageMaker::InferenceExperiment',
      tags: {},
      status: 'Running',
      type: 'ShadowMode',
      endpointName: 'churn-prod',
      creationTime: '2025-06-02T08:00:00.000Z',
      roleArn: ROLE_ARN,
      kmsKey: KEY_ARN,
      dataStorage: { destination: 's3://ml-capture/shadow', kmsKey: 'alias/ml-capture' },
      instanceTypes: ['ml.m5.xlarge'],
    });
  });

  it('leaves keys and data storage absent when the experiment sets none', () => {
    const ie = toInferenceExperiment(minimal('ie-plain'), REGION);
    expect(ie.kmsKey).toBeUndefined();
    expect(ie).not.toHaveProperty('dataStorage');
  });
});

const experimentCase: ListDescribeCase<'inferenceExperiments', InferenceExperimentSummary, DescribeInferenceExperimentResponse> = {
  collector: inferenceExperimentsCollector,
  list: { command: ListInferenceExperimentsCommand, operation: 'ListInferenceExperiments', pageKey: 'InferenceExperiments' },
  describe: { command: DescribeInferenceExperimentCommand, operation: 'DescribeInferenceExperiment', nameKey: 'Name' },
  summary,
  output: minimal,
  arn,
  notFound: () => new ResourceNotFound({ message: 'Requested resource not found.', $metadata: { httpStatusCode: 400 } }),
};

/**
 * The shared list-describe suite compares whole error messages, and AWS's AccessDenied text for
 * DescribeInferenceExperiment on a resource ARN runs past the 300 characters classifyError keeps: the same checks
 * here, with the message compared by the action it names.
 */
describe('inferenceExperimentsCollector', () => {
  beforeEach(() => {
    sagemakerMock.reset();
  });
  afterAll(() => {
    sagemakerMock.restore();
  });

  it('declares exactly the operations it calls', () => {
    expect(inferenceExperimentsCollector.operations).toEqual([
      'sagemaker:ListInferenceExperiments',
      'sagemaker:DescribeInferenceExperiment',
    ]);
  });

  it('pages through List with MaxResults 100 and NextToken, describing each experiment by name', async () => {
    const served = serveListDescribe(experimentCase, [['res-a', 'res-b'], ['res-c']]);
    const { ctx } = collectorContext();
    const slice = await inferenceExperimentsCollector.collect(ctx, REGION);

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((i) => i.arn)).toEqual([arn('res-a'), arn('res-b'), arn('res-c')]);
    expect(served.listInputs).toEqual([
      { MaxResults: 100, NextToken: undefined },
      { MaxResults: 100, NextToken: 'page-1' },
    ]);
    expect([...served.describedNames].sort()).toEqual(['res-a', 'res-b', 'res-c']);
  });

  it('reports a denied ListInferenceExperiments as a region-wide access-denied error, with no items', async () => {
    const message = notAuthorized('sagemaker:ListInferenceExperiments', arn('*'));
    sagemakerMock.on(ListInferenceExperimentsCommand).rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await inferenceExperimentsCollector.collect(ctx, REGION);

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      {
        slice: 'inferenceExperiments',
        region: REGION,
        operation: 'ListInferenceExperiments',
        action: 'sagemaker:ListInferenceExperiments',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
      },
    ]);
    expect(sagemakerMock.commandCalls(DescribeInferenceExperimentCommand)).toHaveLength(0);
  });

  it('records a denied DescribeInferenceExperiment under the ARN the summary implies, and collects the others', async () => {
    const action = 'sagemaker:DescribeInferenceExperiment';
    serveListDescribe(experimentCase, [['res-a', 'res-denied', 'res-c']], {
      'res-denied': serviceError(SageMakerServiceException, 'AccessDeniedException', notAuthorized(action, arn('res-denied'))),
    });
    const { ctx } = collectorContext();
    const slice = await inferenceExperimentsCollector.collect(ctx, REGION);

    expect(slice.items.map((i) => i.arn)).toEqual([arn('res-a'), arn('res-c')]);
    expect(slice.errors).toEqual([
      {
        slice: 'inferenceExperiments',
        region: REGION,
        operation: 'DescribeInferenceExperiment',
        action,
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message: expect.stringContaining(`not authorized to perform: ${action}`),
        resourceArn: arn('res-denied'),
      },
    ]);
  });

  it('names an undescribed experiment with a lowercased ARN, as SageMaker does', async () => {
    serveListDescribe(experimentCase, [['Churn-Shadow-Test']], {
      'Churn-Shadow-Test': serviceError(SageMakerServiceException, 'ThrottlingException', 'Rate exceeded'),
    });
    const { ctx } = collectorContext();
    const slice = await inferenceExperimentsCollector.collect(ctx, REGION);

    expect(slice.errors.map((e) => e.resourceArn)).toEqual([arn('churn-shadow-test')]);
  });

  it('skips an experiment deleted between List and Describe, without an error', async () => {
    const served = serveListDescribe(experimentCase, [['res-a', 'res-gone']], { 'res-gone': experimentCase.notFound('res-gone') });
    const { ctx } = collectorContext();
    const slice = await inferenceExperimentsCollector.collect(ctx, REGION);

    expect(served.describedNames).toContain('res-gone');
    expect(slice.items.map((i) => i.arn)).toEqual([arn('res-a')]);
    expect(slice.errors).toEqual([]);
  });
});
