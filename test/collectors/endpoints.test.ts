import {
  DescribeEndpointCommand,
  ListEndpointsCommand,
  SageMakerServiceException,
  type DescribeEndpointOutput,
  type EndpointSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { endpointsCollector, toEndpoint } from '../../src/inventory/collectors/endpoints.js';
import { serviceError } from '../support/collector-context.js';
import { listDescribeSuite, REGION, sagemakerArn } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('endpoint', name);
const created = new Date('2025-03-01T10:00:00.000Z');
const modified = new Date('2025-03-02T11:30:00.000Z');

const summary = (name: string): EndpointSummary => ({
  EndpointName: name,
  EndpointArn: arn(name),
  CreationTime: created,
  LastModifiedTime: modified,
  EndpointStatus: 'InService',
});

const minimal = (name: string): DescribeEndpointOutput => ({
  EndpointName: name,
  EndpointArn: arn(name),
  EndpointConfigName: `${name}-config`,
  ProductionVariants: [
    {
      VariantName: 'AllTraffic',
      DeployedImages: [
        {
          SpecifiedImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1-cpu-py310',
          ResolvedImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference@sha256:0f2e',
          ResolutionTime: created,
        },
      ],
      CurrentWeight: 1,
      DesiredWeight: 1,
      CurrentInstanceCount: 1,
      DesiredInstanceCount: 1,
    },
  ],
  EndpointStatus: 'InService',
  CreationTime: created,
  LastModifiedTime: modified,
});

const full: DescribeEndpointOutput = {
  ...minimal('ep-full'),
  ProductionVariants: [
    {
      VariantName: 'blue',
      CurrentWeight: 0.9,
      DesiredWeight: 0.9,
      CurrentInstanceCount: 2,
      DesiredInstanceCount: 3,
      VariantStatus: [{ Status: 'Updating', StartTime: modified }],
    },
    {
      VariantName: 'serverless',
      CurrentWeight: 0.1,
      DesiredWeight: 0.1,
      CurrentServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 },
      DesiredServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 },
    },
    {
      // Mid-update: only the requested serverless config is known yet.
      VariantName: 'becoming-serverless',
      CurrentWeight: 0,
      DesiredServerlessConfig: { MemorySizeInMB: 1024, MaxConcurrency: 2 },
    },
  ],
  ShadowProductionVariants: [{ VariantName: 'shadow', CurrentWeight: 0.5, CurrentInstanceCount: 1 }],
  DataCaptureConfig: {
    EnableCapture: true,
    CaptureStatus: 'Started',
    CurrentSamplingPercentage: 20,
    DestinationS3Uri: 's3://ml-capture/ep-full',
    KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  },
  LastDeploymentConfig: {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: { Type: 'CANARY', WaitIntervalInSeconds: 600, CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 } },
      TerminationWaitInSeconds: 300,
      MaximumExecutionTimeoutInSeconds: 3600,
    },
    AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'ep-full-5xx' }, { AlarmName: 'ep-full-latency' }] },
  },
};

describe('toEndpoint', () => {
  it('maps variants, shadow variants, data capture and deployment guardrails', () => {
    expect(toEndpoint(full, REGION)).toEqual({
      arn: arn('ep-full'),
      name: 'ep-full',
      region: REGION,
      resourceType: 'AWS::SageMaker::Endpoint',
      tags: {},
      status: 'InService',
      endpointConfigName: 'ep-full-config',
      creationTime: '2025-03-01T10:00:00.000Z',
      lastModifiedTime: '2025-03-02T11:30:00.000Z',
      variants: [
        { name: 'blue', currentInstanceCount: 2, desiredInstanceCount: 3, currentWeight: 0.9, serverless: false },
        { name: 'serverless', currentWeight: 0.1, serverless: true },
        { name: 'becoming-serverless', currentWeight: 0, serverless: true },
      ],
      shadowVariantCount: 1,
      dataCapture: {
        enabled: true,
        captureStatus: 'Started',
        currentSamplingPercentage: 20,
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      },
      lastDeploymentConfig: { trafficRouting: 'CANARY', rollbackAlarms: ['ep-full-5xx', 'ep-full-latency'] },
    });
  });

  it('leaves data capture and guardrails absent when the endpoint has none', () => {
    const ep = toEndpoint(minimal('ep-plain'), REGION);
    expect(ep).not.toHaveProperty('dataCapture');
    expect(ep).not.toHaveProperty('lastDeploymentConfig');
    expect(ep.shadowVariantCount).toBe(0);
    expect(ep.variants).toEqual([
      { name: 'AllTraffic', currentInstanceCount: 1, desiredInstanceCount: 1, currentWeight: 1, serverless: false },
    ]);
  });

  it('reports a stopped capture as disabled', () => {
    const ep = toEndpoint(
      {
        ...minimal('ep-capture-off'),
        DataCaptureConfig: {
          EnableCapture: false,
          CaptureStatus: 'Stopped',
          CurrentSamplingPercentage: 0,
          DestinationS3Uri: 's3://ml-capture/off',
          KmsKeyId: undefined,
        },
      },
      REGION,
    );
    expect(ep.dataCapture).toEqual({ enabled: false, captureStatus: 'Stopped', currentSamplingPercentage: 0 });
  });

  it('names a rolling update policy ROLLING', () => {
    const ep = toEndpoint(
      {
        ...minimal('ep-rolling'),
        LastDeploymentConfig: {
          RollingUpdatePolicy: {
            MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 },
            WaitIntervalInSeconds: 300,
            RollbackMaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 },
          },
        },
      },
      REGION,
    );
    expect(ep.lastDeploymentConfig).toEqual({ trafficRouting: 'ROLLING', rollbackAlarms: [] });
  });

  it('names the default blue/green all-at-once shift when a DeploymentConfig has no update policy', () => {
    const ep = toEndpoint(
      {
        ...minimal('ep-rollback-only'),
        LastDeploymentConfig: { AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'errors' }] } },
      },
      REGION,
    );
    expect(ep.lastDeploymentConfig).toEqual({ trafficRouting: 'ALL_AT_ONCE', rollbackAlarms: ['errors'] });
  });
});

describe('endpointsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(endpointsCollector.operations).toEqual(['sagemaker:ListEndpoints', 'sagemaker:DescribeEndpoint']);
  });

  listDescribeSuite({
    collector: endpointsCollector,
    list: { command: ListEndpointsCommand, operation: 'ListEndpoints', pageKey: 'Endpoints' },
    describe: { command: DescribeEndpointCommand, operation: 'DescribeEndpoint', nameKey: 'EndpointName' },
    summary,
    output: minimal,
    arn,
    notFound: (name) => serviceError(SageMakerServiceException, 'ValidationException', `Could not find endpoint "${arn(name)}".`),
  });
});
