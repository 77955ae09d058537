import {
  DescribeModelCommand,
  ListModelsCommand,
  SageMakerServiceException,
  type DescribeModelOutput,
  type ModelSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { modelsCollector, toModel } from '../../src/inventory/collectors/models.js';
import { serviceError } from '../support/collector-context.js';
import { listDescribeSuite, REGION, sagemakerArn } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('model', name);
const created = new Date('2025-01-20T12:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerInference';
const IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1-gpu-py310';

const summary = (name: string): ModelSummary => ({ ModelName: name, ModelArn: arn(name), CreationTime: created });

const minimal = (name: string): DescribeModelOutput => ({
  ModelName: name,
  PrimaryContainer: {
    Image: IMAGE,
    Mode: 'SingleModel',
    ModelDataUrl: `s3://ml-models/${name}/model.tar.gz`,
    Environment: { SAGEMAKER_PROGRAM: 'inference.py' },
  },
  ExecutionRoleArn: ROLE_ARN,
  CreationTime: created,
  ModelArn: arn(name),
});

describe('toModel', () => {
  it('maps a single-container model with network isolation and a VPC', () => {
    expect(
      toModel(
        {
          ...minimal('model-isolated'),
          PrimaryContainer: {
            Image: '111122223333.dkr.ecr.us-east-1.amazonaws.com/private-image:1',
            ImageConfig: { RepositoryAccessMode: 'Vpc', RepositoryAuthConfig: { RepositoryCredentialsProviderArn: 'arn:aws:lambda:us-east-1:111122223333:function:creds' } },
            ModelDataUrl: 's3://ml-models/isolated/model.tar.gz',
          },
          EnableNetworkIsolation: true,
          VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0aaa'] },
        },
        REGION,
      ),
    ).toEqual({
      arn: arn('model-isolated'),
      name: 'model-isolated',
      region: REGION,
      resourceType: 'AWS::SageMaker::Model',
      tags: {},
      creationTime: '2025-01-20T12:00:00.000Z',
      executionRoleArn: ROLE_ARN,
      networkIsolation: true,
      vpc: { subnets: ['subnet-0aaa'], securityGroupIds: ['sg-0123456789abcdef0'] },
      containers: [
        {
          image: '111122223333.dkr.ecr.us-east-1.amazonaws.com/private-image:1',
          repositoryAccessMode: 'Vpc',
          modelDataUrl: 's3://ml-models/isolated/model.tar.gz',
        },
      ],
    });
  });

  it('maps every container of an inference pipeline, including one from a model package', () => {
    const m = toModel(
      {
        ...minimal('model-pipeline'),
        PrimaryContainer: undefined,
        Containers: [
          { Image: IMAGE, ImageConfig: { RepositoryAccessMode: 'Platform' }, ModelDataUrl: 's3://ml-models/pre/model.tar.gz' },
          { ModelPackageName: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/churn/3' },
        ],
        InferenceExecutionConfig: { Mode: 'Serial' },
      },
      REGION,
    );
    expect(m.containers).toEqual([
      { image: IMAGE, repositoryAccessMode: 'Platform', modelDataUrl: 's3://ml-models/pre/model.tar.gz' },
      { modelPackageName: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/churn/3' },
    ]);
  });

  it('treats an absent EnableNetworkIsolation as off and leaves vpc absent', () => {
    const m = toModel(minimal('model-plain'), REGION);
    expect(m.networkIsolation).toBe(false);
    expect(m).not.toHaveProperty('vpc');
    expect(m.containers).toEqual([{ image: IMAGE, modelDataUrl: 's3://ml-models/model-plain/model.tar.gz' }]);
  });
});

describe('modelsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(modelsCollector.operations).toEqual(['sagemaker:ListModels', 'sagemaker:DescribeModel']);
  });

  listDescribeSuite({
    collector: modelsCollector,
    list: { command: ListModelsCommand, operation: 'ListModels', pageKey: 'Models' },
    describe: { command: DescribeModelCommand, operation: 'DescribeModel', nameKey: 'ModelName' },
    summary,
    output: minimal,
    arn,
    notFound: (name) => serviceError(SageMakerServiceException, 'ValidationException', `Could not find model "${arn(name)}".`),
  });
});
