import {
  ListExperimentsCommand,
  SageMakerServiceException,
  type ExperimentSummary,
  type ListExperimentsResponse,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { experimentsCollector, toExperiment } from '../../src/inventory/collectors/experiments.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import { REGION, sagemakerArn, sagemakerMock } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('experiment', name);

const summary = (name: string): ExperimentSummary => ({
  ExperimentArn: arn(name),
  ExperimentName: name,
  DisplayName: name,
  CreationTime: new Date('2025-05-10T12:00:00.000Z'),
  LastModifiedTime: new Date('2025-05-11T12:00:00.000Z'),
});

beforeEach(() => {
  sagemakerMock.reset();
});
afterAll(() => {
  sagemakerMock.restore();
});

describe('toExperiment', () => {
  it('maps a summary, including the source of an experiment SageMaker created', () => {
    const auto: ExperimentSummary = {
      ...summary('churn-xgb-2025-05-10-aws-training-job'),
      ExperimentSource: { SourceArn: sagemakerArn('training-job', 'churn-xgb-2025-05-10'), SourceType: 'SageMakerTrainingJob' },
    };
    expect(toExperiment(auto, REGION)).toEqual({
      arn: arn('churn-xgb-2025-05-10-aws-training-job'),
      name: 'churn-xgb-2025-05-10-aws-training-job',
      region: REGION,
      resourceType: 'AWS::SageMaker::Experiment',
      tags: {},
      displayName: 'churn-xgb-2025-05-10-aws-training-job',
      creationTime: '2025-05-10T12:00:00.000Z',
      lastModifiedTime: '2025-05-11T12:00:00.000Z',
      sourceType: 'SageMakerTrainingJob',
      sourceArn: sagemakerArn('training-job', 'churn-xgb-2025-05-10'),
    });
  });

  it('leaves out what the summary does not carry', () => {
    const item = toExperiment({ ExperimentArn: arn('bare'), ExperimentName: 'bare' }, REGION);
    expect(item).toEqual({ arn: arn('bare'), name: 'bare', region: REGION, resourceType: 'AWS::SageMaker::Experiment', tags: {} });
  });
});

describe('experimentsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(experimentsCollector.operations).toEqual(['sagemaker:ListExperiments']);
  });

  it('pages through ListExperiments with MaxResults 100, without any describe call', async () => {
    const inputs: Record<string, unknown>[] = [];
    sagemakerMock.on(ListExperimentsCommand).callsFake((input: Record<string, unknown>) => {
      inputs.push({ ...input });
      const out: ListExperimentsResponse =
        input.NextToken === undefined
          ? { ExperimentSummaries: [summary('churn'), summary('fraud')], NextToken: 'page-1' }
          : { ExperimentSummaries: [summary('recsys')] };
      return out;
    });
    const { ctx } = collectorContext();
    const slice = await experimentsCollector.collect(ctx, REGION);

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((e) => e.name)).toEqual(['churn', 'fraud', 'recsys']);
    expect(inputs).toEqual([
      { MaxResults: 100, NextToken: undefined },
      { MaxResults: 100, NextToken: 'page-1' },
    ]);
    expect(sagemakerMock.calls()).toHaveLength(2);
  });

  it('reports a denied ListExperiments as a region-wide access-denied error, with no items', async () => {
    const message = notAuthorized('sagemaker:ListExperiments', arn('*'));
    sagemakerMock.on(ListExperimentsCommand).rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await experimentsCollector.collect(ctx, REGION);

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      {
        slice: 'experiments',
        region: REGION,
        operation: 'ListExperiments',
        action: 'sagemaker:ListExperiments',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
      },
    ]);
  });
});
