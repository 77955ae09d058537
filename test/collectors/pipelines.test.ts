import {
  DescribePipelineCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  ResourceNotFound,
  SageMakerServiceException,
  type DescribePipelineResponse,
  type ListPipelineExecutionsResponse,
  type PipelineSummary,
} from '@aws-sdk/client-sagemaker';
import { beforeEach, describe, expect, it } from 'vitest';
import { pipelinesCollector, pipelineSteps, toPipeline } from '../../src/inventory/collectors/pipelines.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import { ACCOUNT, listDescribeSuite, REGION, sagemakerArn, sagemakerMock, serveListDescribe, type ListDescribeCase } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('pipeline', name);
const created = new Date('2025-04-01T10:00:00.000Z');
const ROLE = `arn:aws:iam::${ACCOUNT}:role/SageMakerExecution-churn`;

/** A definition as the SageMaker Python SDK writes it: RegisterModel sits in the Condition step's IfSteps. */
const definition = JSON.stringify({
  Version: '2020-12-01',
  Metadata: {},
  Parameters: [{ Name: 'InputData', Type: 'String', DefaultValue: 's3://ml-data-111122223333/churn/train.csv' }],
  PipelineExperimentConfig: { ExperimentName: { Get: 'Execution.PipelineName' }, TrialName: { Get: 'Execution.PipelineExecutionId' } },
  Steps: [
    { Name: 'PreprocessData', Type: 'Processing', Arguments: { AppSpecification: { ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3' } } },
    { Name: 'DataQualityCheck', Type: 'QualityCheck', Arguments: {}, CheckType: 'DATA_QUALITY' },
    { Name: 'TrainModel', Type: 'Training', Arguments: {} },
    {
      Name: 'CheckAUC',
      Type: 'Condition',
      Arguments: {
        Conditions: [{ Type: 'GreaterThanOrEqualTo', LeftValue: { 'Std:JsonGet': {} }, RightValue: 0.8 }],
        IfSteps: [{ Name: 'RegisterChurnModel-RegisterModel', Type: 'RegisterModel', Arguments: {} }],
        ElseSteps: [{ Name: 'FailBuild', Type: 'Fail', Arguments: { ErrorMessage: 'AUC below 0.8' } }],
      },
    },
  ],
});

const summary = (name: string): PipelineSummary => ({
  PipelineArn: arn(name),
  PipelineName: name,
  PipelineDisplayName: name,
  RoleArn: ROLE,
  CreationTime: created,
  LastModifiedTime: created,
  LastExecutionTime: new Date('2025-05-01T00:00:00.000Z'),
});

const output = (name: string): DescribePipelineResponse => ({
  PipelineArn: arn(name),
  PipelineName: name,
  PipelineDisplayName: name,
  PipelineDefinition: definition,
  RoleArn: ROLE,
  PipelineStatus: 'Active',
  CreationTime: created,
  LastModifiedTime: created,
  LastRunTime: new Date('2025-05-01T00:00:00.000Z'),
});

const executions: ListPipelineExecutionsResponse = {
  PipelineExecutionSummaries: [
    {
      PipelineExecutionArn: `${arn('churn-build')}/execution/abc123`,
      StartTime: new Date('2025-05-01T00:00:00.000Z'),
      PipelineExecutionStatus: 'Failed',
      PipelineExecutionDisplayName: 'execution-1746057600000',
      PipelineExecutionFailureReason: 'Step failure: One or multiple steps failed.',
    },
    {
      PipelineExecutionArn: `${arn('churn-build')}/execution/def456`,
      StartTime: new Date('2025-04-24T00:00:00.000Z'),
      PipelineExecutionStatus: 'Succeeded',
    },
  ],
};

describe('pipelineSteps', () => {
  it('keeps only step names and types, including the branches of Condition steps', () => {
    expect(pipelineSteps(definition)).toEqual([
      { name: 'PreprocessData', type: 'Processing' },
      { name: 'DataQualityCheck', type: 'QualityCheck' },
      { name: 'TrainModel', type: 'Training' },
      { name: 'CheckAUC', type: 'Condition' },
      { name: 'RegisterChurnModel-RegisterModel', type: 'RegisterModel' },
      { name: 'FailBuild', type: 'Fail' },
    ]);
  });

  it('is undefined for a definition it cannot read', () => {
    expect(pipelineSteps(undefined)).toBeUndefined();
    expect(pipelineSteps('{"Steps": ')).toBeUndefined();
    expect(pipelineSteps('{"Version": "2020-12-01"}')).toBeUndefined();
  });
});

describe('toPipeline', () => {
  it('maps status, steps and the recent executions, never the definition', () => {
    const p = toPipeline(output('churn-build'), REGION, executions);
    expect(p).toEqual({
      arn: arn('churn-build'),
      name: 'churn-build',
      region: REGION,
      resourceType: 'AWS::SageMaker::Pipeline',
      tags: {},
      status: 'Active',
      creationTime: '2025-04-01T10:00:00.000Z',
      lastRunTime: '2025-05-01T00:00:00.000Z',
      roleArn: ROLE,
      steps: pipelineSteps(definition),
      recentExecutions: [
        { status: 'Failed', startTime: '2025-05-01T00:00:00.000Z' },
        { status: 'Succeeded', startTime: '2025-04-24T00:00:00.000Z' },
      ],
    });
    expect(JSON.stringify(p)).not.toContain('s3://');
  });

  it('leaves steps out when the definition is unreadable, and has no executions for a pipeline never run', () => {
    const p = toPipeline({ ...output('broken'), PipelineDefinition: 'not json' }, REGION, {});
    expect(p).not.toHaveProperty('steps');
    expect(p.recentExecutions).toEqual([]);
  });
});

const pipelineCase: ListDescribeCase<'pipelines', PipelineSummary, DescribePipelineResponse> = {
  collector: pipelinesCollector,
  list: { command: ListPipelinesCommand, operation: 'ListPipelines', pageKey: 'PipelineSummaries' },
  describe: { command: DescribePipelineCommand, operation: 'DescribePipeline', nameKey: 'PipelineName' },
  summary,
  output,
  arn,
  notFound: () => new ResourceNotFound({ message: 'Pipeline not found', $metadata: { httpStatusCode: 400 } }),
};

describe('pipelinesCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(pipelinesCollector.operations).toEqual([
      'sagemaker:ListPipelines',
      'sagemaker:DescribePipeline',
      'sagemaker:ListPipelineExecutions',
    ]);
  });

  listDescribeSuite(pipelineCase);
  // Runs after the suite's reset: every described pipeline has executions to list.
  beforeEach(() => {
    sagemakerMock.on(ListPipelineExecutionsCommand).resolves(executions);
  });

  it('reads one page of the 10 newest executions per pipeline', async () => {
    serveListDescribe(pipelineCase, [['churn-build']]);
    const { ctx } = collectorContext();
    const slice = await pipelinesCollector.collect(ctx, REGION);

    expect(sagemakerMock.commandCalls(ListPipelineExecutionsCommand).map((c) => c.args[0].input)).toEqual([
      { PipelineName: 'churn-build', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 10 },
    ]);
    expect(slice.items[0]?.recentExecutions.map((e) => e.status)).toEqual(['Failed', 'Succeeded']);
  });

  it('records a denied ListPipelineExecutions against that pipeline, under its own action, and keeps the others', async () => {
    serveListDescribe(pipelineCase, [['churn-build', 'fraud-build']]);
    const message = notAuthorized('sagemaker:ListPipelineExecutions', arn('fraud-build'));
    sagemakerMock
      .on(ListPipelineExecutionsCommand, { PipelineName: 'fraud-build' })
      .rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await pipelinesCollector.collect(ctx, REGION);

    expect(slice.items.map((p) => p.name)).toEqual(['churn-build']);
    expect(slice.errors).toEqual([
      {
        slice: 'pipelines',
        region: REGION,
        operation: 'ListPipelineExecutions',
        action: 'sagemaker:ListPipelineExecutions',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
        resourceArn: arn('fraud-build'),
      },
    ]);
  });

  it('skips a pipeline deleted between DescribePipeline and ListPipelineExecutions', async () => {
    serveListDescribe(pipelineCase, [['churn-build', 'gone']]);
    sagemakerMock
      .on(ListPipelineExecutionsCommand, { PipelineName: 'gone' })
      .rejects(new ResourceNotFound({ message: 'Pipeline not found', $metadata: { httpStatusCode: 400 } }));
    const { ctx } = collectorContext();
    const slice = await pipelinesCollector.collect(ctx, REGION);

    expect(slice.items.map((p) => p.name)).toEqual(['churn-build']);
    expect(slice.errors).toEqual([]);
  });
});
