import {
  DescribeEndpointConfigCommand,
  ListEndpointConfigsCommand,
  SageMakerServiceException,
  type DescribeEndpointConfigOutput,
  type EndpointConfigSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { endpointConfigsCollector, toEndpointConfig } from '../../src/inventory/collectors/endpoint-configs.js';
import { serviceError } from '../support/collector-context.js';
import { listDescribeSuite, REGION, sagemakerArn } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('endpoint-config', name);
const created = new Date('2025-02-10T08:00:00.000Z');
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-20250101T000000';

const summary = (name: string): EndpointConfigSummary => ({ EndpointConfigName: name, EndpointConfigArn: arn(name), CreationTime: created });

const minimal = (name: string): DescribeEndpointConfigOutput => ({
  EndpointConfigName: name,
  EndpointConfigArn: arn(name),
  ProductionVariants: [
    { VariantName: 'AllTraffic', ModelName: `${name}-model`, InitialInstanceCount: 1, InstanceType: 'ml.m5.large', InitialVariantWeight: 1 },
  ],
  CreationTime: created,
});

const full: DescribeEndpointConfigOutput = {
  ...minimal('epc-full'),
  ProductionVariants: [
    {
      VariantName: 'gpu',
      ModelName: 'model-gpu',
      InitialInstanceCount: 2,
      InstanceType: 'ml.g5.xlarge',
      InitialVariantWeight: 1,
      ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 4 },
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
    },
    {
      VariantName: 'serverless',
      ModelName: 'model-small',
      InitialVariantWeight: 1,
      ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 10, ProvisionedConcurrency: 1 },
    },
    {
      VariantName: 'scaling-off',
      ModelName: 'model-gpu',
      InitialInstanceCount: 1,
      InstanceType: 'ml.g5.xlarge',
      ManagedInstanceScaling: { Status: 'DISABLED' },
    },
  ],
  ShadowProductionVariants: [
    { VariantName: 'shadow-a', ModelName: 'model-next', InitialInstanceCount: 1, InstanceType: 'ml.m5.large' },
    { VariantName: 'shadow-b', ModelName: 'model-next2', InitialInstanceCount: 1, InstanceType: 'ml.m5.large' },
  ],
  DataCaptureConfig: {
    EnableCapture: true,
    InitialSamplingPercentage: 50,
    DestinationS3Uri: 's3://ml-capture/epc-full',
    KmsKeyId: 'alias/capture',
    CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
    CaptureContentTypeHeader: { JsonContentTypes: ['application/json'] },
  },
  KmsKeyId: KEY_ARN,
  AsyncInferenceConfig: {
    ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 },
    OutputConfig: { S3OutputPath: 's3://ml-async/out', KmsKeyId: 'mrk-1234abcd12ab34cd56ef1234567890ab' },
  },
  ExplainerConfig: {
    ClarifyExplainerConfig: {
      ShapConfig: { ShapBaselineConfig: { MimeType: 'text/csv', ShapBaseline: '1,2,3' }, NumberOfSamples: 100 },
    },
  },
  ExecutionRoleArn: ROLE_ARN,
  VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] },
  EnableNetworkIsolation: true,
};

describe('toEndpointConfig', () => {
  it('maps variants, data capture, async inference, the explainer and the role', () => {
    expect(toEndpointConfig(full, REGION)).toEqual({
      arn: arn('epc-full'),
      name: 'epc-full',
      region: REGION,
      resourceType: 'AWS::SageMaker::EndpointConfig',
      tags: {},
      creationTime: '2025-02-10T08:00:00.000Z',
      kmsKeyId: KEY_ARN,
      variants: [
        { name: 'gpu', modelName: 'model-gpu', instanceType: 'ml.g5.xlarge', initialInstanceCount: 2, serverless: false, managedInstanceScaling: true },
        { name: 'serverless', modelName: 'model-small', serverless: true, managedInstanceScaling: false },
        { name: 'scaling-off', modelName: 'model-gpu', instanceType: 'ml.g5.xlarge', initialInstanceCount: 1, serverless: false, managedInstanceScaling: false },
      ],
      shadowVariantCount: 2,
      dataCapture: {
        enabled: true,
        samplingPercentage: 50,
        captureInput: true,
        captureOutput: true,
        kmsKeyId: 'alias/capture',
        destinationS3Uri: 's3://ml-capture/epc-full',
      },
      asyncInference: { outputKmsKeyId: 'mrk-1234abcd12ab34cd56ef1234567890ab' },
      clarifyExplainer: true,
      executionRoleArn: ROLE_ARN,
    });
  });

  it('treats an absent EnableCapture as enabled (the API default) and reads InputAndOutput as both', () => {
    const c = toEndpointConfig(
      {
        ...minimal('epc-default-capture'),
        DataCaptureConfig: {
          InitialSamplingPercentage: 100,
          DestinationS3Uri: 's3://ml-capture/x',
          CaptureOptions: [{ CaptureMode: 'InputAndOutput' }],
        },
      },
      REGION,
    );
    expect(c.dataCapture).toEqual({
      enabled: true,
      samplingPercentage: 100,
      captureInput: true,
      captureOutput: true,
      destinationS3Uri: 's3://ml-capture/x',
    });
  });

  it('reads a capture of requests only, or an explicitly disabled capture', () => {
    const inputOnly = toEndpointConfig(
      {
        ...minimal('epc-input-only'),
        DataCaptureConfig: { EnableCapture: false, InitialSamplingPercentage: 10, DestinationS3Uri: 's3://b', CaptureOptions: [{ CaptureMode: 'Input' }] },
      },
      REGION,
    );
    expect(inputOnly.dataCapture).toMatchObject({ enabled: false, captureInput: true, captureOutput: false });
  });

  it('leaves optional sections absent and booleans false for a plain config', () => {
    const c = toEndpointConfig(minimal('epc-plain'), REGION);
    expect(c).not.toHaveProperty('dataCapture');
    expect(c).not.toHaveProperty('asyncInference');
    expect(c.kmsKeyId).toBeUndefined();
    expect(c.clarifyExplainer).toBe(false);
    expect(c.shadowVariantCount).toBe(0);
    expect(c.variants).toEqual([
      { name: 'AllTraffic', modelName: 'epc-plain-model', instanceType: 'ml.m5.large', initialInstanceCount: 1, serverless: false, managedInstanceScaling: false },
    ]);
  });

  it('keeps an async config without an output key as present with no key', () => {
    const c = toEndpointConfig(
      { ...minimal('epc-async'), AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://ml-async/out' } } },
      REGION,
    );
    expect(c.asyncInference).toEqual({ outputKmsKeyId: undefined });
    expect(c).toHaveProperty('asyncInference');
  });
});

describe('endpointConfigsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(endpointConfigsCollector.operations).toEqual(['sagemaker:ListEndpointConfigs', 'sagemaker:DescribeEndpointConfig']);
  });

  listDescribeSuite({
    collector: endpointConfigsCollector,
    list: { command: ListEndpointConfigsCommand, operation: 'ListEndpointConfigs', pageKey: 'EndpointConfigs' },
    describe: { command: DescribeEndpointConfigCommand, operation: 'DescribeEndpointConfig', nameKey: 'EndpointConfigName' },
    summary,
    output: minimal,
    arn,
    notFound: (name) =>
      serviceError(SageMakerServiceException, 'ValidationException', `Could not find endpoint configuration "${arn(name)}".`),
  });
});
