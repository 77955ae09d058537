import {
  DescribeDataQualityJobDefinitionCommand,
  DescribeModelBiasJobDefinitionCommand,
  DescribeModelExplainabilityJobDefinitionCommand,
  DescribeModelQualityJobDefinitionCommand,
  ListDataQualityJobDefinitionsCommand,
  ListModelBiasJobDefinitionsCommand,
  ListModelExplainabilityJobDefinitionsCommand,
  ListModelQualityJobDefinitionsCommand,
  ResourceNotFound,
  SageMakerServiceException,
  type DescribeDataQualityJobDefinitionResponse,
  type DescribeModelBiasJobDefinitionResponse,
  type DescribeModelExplainabilityJobDefinitionResponse,
  type DescribeModelQualityJobDefinitionResponse,
  type ListDataQualityJobDefinitionsResponse,
  type MonitoringJobDefinitionSummary,
  type MonitoringResources,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  monitoringJobDefinitionsCollector,
  toMonitoringJobDefinition,
  type MonitoringJobDefinitionResponse,
} from '../../src/inventory/collectors/monitoring-job-definitions.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import {
  REGION,
  sagemakerArn,
  sagemakerMock,
  serveListDescribe,
  type ListDescribeCase,
  type SageMakerCommand,
} from './list-describe-suite.js';

const created = new Date('2025-05-10T12:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerMonitoring';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const resources = (instanceCount = 1, volumeKey?: string): MonitoringResources => ({
  ClusterConfig: {
    InstanceCount: instanceCount,
    InstanceType: 'ml.m5.xlarge',
    VolumeSizeInGB: 20,
    ...(volumeKey ? { VolumeKmsKeyId: volumeKey } : {}),
  },
});
const outputs = [{ S3Output: { S3Uri: 's3://ml-monitoring/reports', LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' as const } }];
const endpointInput = (endpoint: string) => ({
  EndpointName: endpoint,
  LocalPath: '/opt/ml/processing/input/endpoint',
  S3InputMode: 'File' as const,
  S3DataDistributionType: 'FullyReplicated' as const,
});
const groundTruth = { S3Uri: 's3://ml-monitoring/ground-truth' };
const image = (repo: string) => `156813124566.dkr.ecr.us-east-1.amazonaws.com/${repo}:latest`;

const dataQuality = (name: string): DescribeDataQualityJobDefinitionResponse => ({
  JobDefinitionArn: sagemakerArn('data-quality-job-definition', name),
  JobDefinitionName: name,
  CreationTime: created,
  DataQualityBaselineConfig: { ConstraintsResource: { S3Uri: 's3://ml-monitoring/baseline/constraints.json' } },
  DataQualityAppSpecification: { ImageUri: image('sagemaker-model-monitor-analyzer') },
  DataQualityJobInput: { EndpointInput: endpointInput('churn-prod') },
  DataQualityJobOutputConfig: { MonitoringOutputs: outputs },
  JobResources: resources(),
  RoleArn: ROLE_ARN,
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
});

const modelQuality = (name: string): DescribeModelQualityJobDefinitionResponse => ({
  JobDefinitionArn: sagemakerArn('model-quality-job-definition', name),
  JobDefinitionName: name,
  CreationTime: created,
  ModelQualityAppSpecification: { ImageUri: image('sagemaker-model-monitor-analyzer'), ProblemType: 'BinaryClassification' },
  ModelQualityJobInput: { EndpointInput: { ...endpointInput('churn-prod'), InferenceAttribute: '0' }, GroundTruthS3Input: groundTruth },
  ModelQualityJobOutputConfig: { MonitoringOutputs: outputs, KmsKeyId: KEY_ARN },
  JobResources: resources(1, KEY_ARN),
  NetworkConfig: { EnableNetworkIsolation: true },
  RoleArn: ROLE_ARN,
});

const modelBias = (name: string): DescribeModelBiasJobDefinitionResponse => ({
  JobDefinitionArn: sagemakerArn('model-bias-job-definition', name),
  JobDefinitionName: name,
  CreationTime: created,
  ModelBiasAppSpecification: { ImageUri: image('sagemaker-clarify-processing'), ConfigUri: 's3://ml-monitoring/bias/analysis_config.json' },
  ModelBiasJobInput: { EndpointInput: endpointInput('credit-scoring'), GroundTruthS3Input: groundTruth },
  ModelBiasJobOutputConfig: { MonitoringOutputs: outputs, KmsKeyId: 'alias/ml-monitoring' },
  JobResources: resources(2, KEY_ARN),
  NetworkConfig: {
    EnableNetworkIsolation: true,
    EnableInterContainerTrafficEncryption: true,
    VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0aaa'] },
  },
  RoleArn: ROLE_ARN,
});

const modelExplainability = (name: string): DescribeModelExplainabilityJobDefinitionResponse => ({
  JobDefinitionArn: sagemakerArn('model-explainability-job-definition', name),
  JobDefinitionName: name,
  CreationTime: created,
  ModelExplainabilityAppSpecification: { ImageUri: image('sagemaker-clarify-processing'), ConfigUri: 's3://ml-monitoring/shap/analysis_config.json' },
  // A batch-transform monitor: no endpoint.
  ModelExplainabilityJobInput: {
    BatchTransformInput: {
      DataCapturedDestinationS3Uri: 's3://ml-capture/batch',
      DatasetFormat: { Csv: { Header: false } },
      LocalPath: '/opt/ml/processing/input/batch',
    },
  },
  ModelExplainabilityJobOutputConfig: { MonitoringOutputs: outputs },
  JobResources: resources(3),
  NetworkConfig: { EnableNetworkIsolation: false, EnableInterContainerTrafficEncryption: false },
  RoleArn: ROLE_ARN,
});

describe('toMonitoringJobDefinition', () => {
  it('maps a data-quality definition with no NetworkConfig and no keys: features off', () => {
    expect(toMonitoringJobDefinition(dataQuality('dq-churn'), REGION)).toEqual({
      arn: sagemakerArn('data-quality-job-definition', 'dq-churn'),
      name: 'dq-churn',
      region: REGION,
      resourceType: 'AWS::SageMaker::DataQualityJobDefinition',
      tags: {},
      monitoringType: 'DataQuality',
      creationTime: '2025-05-10T12:00:00.000Z',
      endpointName: 'churn-prod',
      roleArn: ROLE_ARN,
      networkIsolation: false,
      interContainerEncryption: false,
      instanceCount: 1,
      instanceType: 'ml.m5.xlarge',
      volumeKmsKeyId: undefined,
      outputKmsKeyId: undefined,
    });
  });

  it('reads the kind-specific input and output fields of the other three kinds', () => {
    expect(toMonitoringJobDefinition(modelQuality('mq-churn'), REGION)).toMatchObject({
      resourceType: 'AWS::SageMaker::ModelQualityJobDefinition',
      monitoringType: 'ModelQuality',
      endpointName: 'churn-prod',
      networkIsolation: true,
      interContainerEncryption: false,
      volumeKmsKeyId: KEY_ARN,
      outputKmsKeyId: KEY_ARN,
    });
    expect(toMonitoringJobDefinition(modelBias('bias-credit'), REGION)).toMatchObject({
      resourceType: 'AWS::SageMaker::ModelBiasJobDefinition',
      monitoringType: 'ModelBias',
      endpointName: 'credit-scoring',
      networkIsolation: true,
      interContainerEncryption: true,
      instanceCount: 2,
      outputKmsKeyId: 'alias/ml-monitoring',
    });
    const explain = toMonitoringJobDefinition(modelExplainability('shap-batch'), REGION);
    expect(explain).toMatchObject({
      resourceType: 'AWS::SageMaker::ModelExplainabilityJobDefinition',
      monitoringType: 'ModelExplainability',
      networkIsolation: false,
      interContainerEncryption: false,
      instanceCount: 3,
    });
    expect(explain).not.toHaveProperty('endpointName');
  });
});

interface KindCase {
  list: SageMakerCommand;
  listOperation: string;
  describe: SageMakerCommand;
  describeOperation: string;
  arnType: string;
  output: (name: string) => MonitoringJobDefinitionResponse;
}

const KINDS: KindCase[] = [
  {
    list: ListDataQualityJobDefinitionsCommand,
    listOperation: 'ListDataQualityJobDefinitions',
    describe: DescribeDataQualityJobDefinitionCommand,
    describeOperation: 'DescribeDataQualityJobDefinition',
    arnType: 'data-quality-job-definition',
    output: dataQuality,
  },
  {
    list: ListModelQualityJobDefinitionsCommand,
    listOperation: 'ListModelQualityJobDefinitions',
    describe: DescribeModelQualityJobDefinitionCommand,
    describeOperation: 'DescribeModelQualityJobDefinition',
    arnType: 'model-quality-job-definition',
    output: modelQuality,
  },
  {
    list: ListModelBiasJobDefinitionsCommand,
    listOperation: 'ListModelBiasJobDefinitions',
    describe: DescribeModelBiasJobDefinitionCommand,
    describeOperation: 'DescribeModelBiasJobDefinition',
    arnType: 'model-bias-job-definition',
    output: modelBias,
  },
  {
    list: ListModelExplainabilityJobDefinitionsCommand,
    listOperation: 'ListModelExplainabilityJobDefinitions',
    describe: DescribeModelExplainabilityJobDefinitionCommand,
    describeOperation: 'DescribeModelExplainabilityJobDefinition',
    arnType: 'model-explainability-job-definition',
    output: modelExplainability,
  },
];

type MockedCommand = Parameters<typeof sagemakerMock.on>[0];
const empty: ListDataQualityJobDefinitionsResponse = { JobDefinitionSummaries: [] };

function kindCase(k: KindCase): ListDescribeCase<'monitoringJobDefinitions', MonitoringJobDefinitionSummary, MonitoringJobDefinitionResponse> {
  const arn = (name: string): string => sagemakerArn(k.arnType, name);
  return {
    collector: monitoringJobDefinitionsCollector,
    list: { command: k.list, operation: k.listOperation, pageKey: 'JobDefinitionSummaries' },
    describe: { command: k.describe, operation: k.describeOperation, nameKey: 'JobDefinitionName' },
    summary: (name) => ({ MonitoringJobDefinitionName: name, MonitoringJobDefinitionArn: arn(name), CreationTime: created, EndpointName: 'churn-prod' }),
    output: k.output,
    arn,
    notFound: () => new ResourceNotFound({ message: 'Requested resource not found.', $metadata: { httpStatusCode: 400 } }),
  };
}

describe('monitoringJobDefinitionsCollector', () => {
  afterAll(() => {
    sagemakerMock.restore();
  });

  it('declares exactly the operations it calls', () => {
    expect(monitoringJobDefinitionsCollector.operations).toEqual(
      KINDS.flatMap((k) => [`sagemaker:${k.listOperation}`, `sagemaker:${k.describeOperation}`]),
    );
  });

  // The shared list-describe suite compares whole error messages, and AWS's AccessDenied text for these long
  // operation names exceeds the 300 characters classifyError keeps: the same checks, with the message compared
  // by the action it names.
  for (const kind of KINDS) {
    describe(kind.listOperation, () => {
      const c = kindCase(kind);
      beforeEach(() => {
        sagemakerMock.reset();
        for (const other of KINDS) if (other !== kind) sagemakerMock.on(other.list as unknown as MockedCommand).resolves(empty);
      });

      it('pages through List with MaxResults 100 and NextToken, describing each definition by name', async () => {
        const served = serveListDescribe(c, [['res-a', 'res-b'], ['res-c']]);
        const { ctx } = collectorContext();
        const slice = await monitoringJobDefinitionsCollector.collect(ctx, REGION);

        expect(slice.errors).toEqual([]);
        expect(slice.items.map((i) => i.arn)).toEqual([c.arn('res-a'), c.arn('res-b'), c.arn('res-c')]);
        expect(served.listInputs).toEqual([
          { MaxResults: 100, NextToken: undefined },
          { MaxResults: 100, NextToken: 'page-1' },
        ]);
        expect([...served.describedNames].sort()).toEqual(['res-a', 'res-b', 'res-c']);
      });

      it(`reports a denied ${kind.listOperation} as a region-wide access-denied error, with no items`, async () => {
        const action = `sagemaker:${kind.listOperation}`;
        sagemakerMock
          .on(kind.list as unknown as MockedCommand)
          .rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', notAuthorized(action, c.arn('*'))));
        const { ctx } = collectorContext();
        const slice = await monitoringJobDefinitionsCollector.collect(ctx, REGION);

        expect(slice.items).toEqual([]);
        expect(slice.errors).toEqual([
          {
            slice: 'monitoringJobDefinitions',
            region: REGION,
            operation: kind.listOperation,
            action,
            kind: 'access-denied',
            code: 'AccessDeniedException',
            message: expect.stringContaining(`not authorized to perform: ${action}`),
          },
        ]);
        expect(sagemakerMock.commandCalls(kind.describe as unknown as MockedCommand)).toHaveLength(0);
      });

      it(`records a denied ${kind.describeOperation} against that definition and collects the others`, async () => {
        const action = `sagemaker:${kind.describeOperation}`;
        serveListDescribe(c, [['res-a', 'res-denied', 'res-c']], {
          'res-denied': serviceError(SageMakerServiceException, 'AccessDeniedException', notAuthorized(action, c.arn('res-denied'))),
        });
        const { ctx } = collectorContext();
        const slice = await monitoringJobDefinitionsCollector.collect(ctx, REGION);

        expect(slice.items.map((i) => i.arn)).toEqual([c.arn('res-a'), c.arn('res-c')]);
        expect(slice.errors).toEqual([
          {
            slice: 'monitoringJobDefinitions',
            region: REGION,
            operation: kind.describeOperation,
            action,
            kind: 'access-denied',
            code: 'AccessDeniedException',
            message: expect.stringContaining(`not authorized to perform: ${action}`),
            resourceArn: c.arn('res-denied'),
          },
        ]);
      });

      it('skips a definition deleted between List and Describe, without an error', async () => {
        const served = serveListDescribe(c, [['res-a', 'res-gone']], { 'res-gone': c.notFound('res-gone') });
        const { ctx } = collectorContext();
        const slice = await monitoringJobDefinitionsCollector.collect(ctx, REGION);

        expect(served.describedNames).toContain('res-gone');
        expect(slice.items.map((i) => i.arn)).toEqual([c.arn('res-a')]);
        expect(slice.errors).toEqual([]);
      });
    });
  }

  describe('across kinds', () => {
    beforeEach(() => {
      sagemakerMock.reset();
    });

    it('collects all four kinds into one slice', async () => {
      for (const k of KINDS) serveListDescribe(kindCase(k), [[`${k.arnType}-a`]]);
      const { ctx } = collectorContext();
      const slice = await monitoringJobDefinitionsCollector.collect(ctx, REGION);

      expect(slice.errors).toEqual([]);
      expect(slice.items.map((i) => i.monitoringType).sort()).toEqual(['DataQuality', 'ModelBias', 'ModelExplainability', 'ModelQuality']);
    });

    it('a denied List of one kind is a region-wide error naming that operation; the other kinds are kept', async () => {
      const [dq, mq, bias, explain] = KINDS as [KindCase, KindCase, KindCase, KindCase];
      for (const k of [dq, mq, explain]) serveListDescribe(kindCase(k), [[`${k.arnType}-a`]]);
      const message = notAuthorized('sagemaker:ListModelBiasJobDefinitions', sagemakerArn('model-bias-job-definition', '*'));
      sagemakerMock.on(bias.list as unknown as MockedCommand).rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', message));
      const { ctx } = collectorContext();
      const slice = await monitoringJobDefinitionsCollector.collect(ctx, REGION);

      expect(slice.items.map((i) => i.monitoringType).sort()).toEqual(['DataQuality', 'ModelExplainability', 'ModelQuality']);
      expect(slice.errors).toEqual([
        {
          slice: 'monitoringJobDefinitions',
          region: REGION,
          operation: 'ListModelBiasJobDefinitions',
          action: 'sagemaker:ListModelBiasJobDefinitions',
          kind: 'access-denied',
          code: 'AccessDeniedException',
          message,
        },
      ]);
    });
  });
});
