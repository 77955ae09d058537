import {
  ListModelPackageGroupsCommand,
  SageMakerServiceException,
  type ListModelPackageGroupsOutput,
  type ModelPackageGroupSummary,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { modelPackageGroupsCollector, toModelPackageGroup } from '../../src/inventory/collectors/model-package-groups.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import { REGION, sagemakerArn, sagemakerMock } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('model-package-group', name);
const created = new Date('2025-06-01T08:00:00.000Z');

const summary = (name: string): ModelPackageGroupSummary => ({
  ModelPackageGroupName: name,
  ModelPackageGroupArn: arn(name),
  ModelPackageGroupDescription: `${name} models`,
  CreationTime: created,
  ModelPackageGroupStatus: 'Completed',
});

beforeEach(() => {
  sagemakerMock.reset();
});
afterAll(() => {
  sagemakerMock.restore();
});

describe('toModelPackageGroup', () => {
  it('maps the summary', () => {
    expect(toModelPackageGroup(summary('churn'), REGION)).toEqual({
      arn: arn('churn'),
      name: 'churn',
      region: REGION,
      resourceType: 'AWS::SageMaker::ModelPackageGroup',
      tags: {},
      status: 'Completed',
      creationTime: '2025-06-01T08:00:00.000Z',
      description: 'churn models',
    });
  });

  it('leaves an absent description out', () => {
    const { ModelPackageGroupDescription: _, ...bare } = summary('fraud');
    expect(toModelPackageGroup(bare, REGION)).not.toHaveProperty('description');
  });
});

describe('modelPackageGroupsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(modelPackageGroupsCollector.operations).toEqual(['sagemaker:ListModelPackageGroups']);
  });

  it('pages through ListModelPackageGroups with MaxResults 100, without any describe call', async () => {
    const inputs: Record<string, unknown>[] = [];
    sagemakerMock.on(ListModelPackageGroupsCommand).callsFake((input: Record<string, unknown>) => {
      inputs.push({ ...input });
      const out: ListModelPackageGroupsOutput =
        input.NextToken === undefined
          ? { ModelPackageGroupSummaryList: [summary('churn'), summary('fraud')], NextToken: 'page-1' }
          : { ModelPackageGroupSummaryList: [summary('recsys')] };
      return out;
    });
    const { ctx } = collectorContext();
    const slice = await modelPackageGroupsCollector.collect(ctx, REGION);

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((g) => g.name)).toEqual(['churn', 'fraud', 'recsys']);
    expect(inputs).toEqual([
      { MaxResults: 100, NextToken: undefined },
      { MaxResults: 100, NextToken: 'page-1' },
    ]);
    expect(sagemakerMock.calls()).toHaveLength(2);
  });

  it('reports a denied ListModelPackageGroups as a region-wide access-denied error, with no items', async () => {
    const message = notAuthorized('sagemaker:ListModelPackageGroups', arn('*'));
    sagemakerMock.on(ListModelPackageGroupsCommand).rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await modelPackageGroupsCollector.collect(ctx, REGION);

    expect(slice.items).toEqual([]);
    expect(slice.errors).toEqual([
      {
        slice: 'modelPackageGroups',
        region: REGION,
        operation: 'ListModelPackageGroups',
        action: 'sagemaker:ListModelPackageGroups',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
      },
    ]);
  });

  it('keeps the groups of the first page when the second page is throttled, with a region-wide error', async () => {
    sagemakerMock
      .on(ListModelPackageGroupsCommand)
      .resolvesOnce({ ModelPackageGroupSummaryList: [summary('churn')], NextToken: 'page-1' })
      .rejectsOnce(serviceError(SageMakerServiceException, 'ThrottlingException', 'Rate exceeded'));
    const { ctx } = collectorContext();
    const slice = await modelPackageGroupsCollector.collect(ctx, REGION);

    expect(slice.items.map((g) => g.name)).toEqual(['churn']);
    expect(slice.errors).toMatchObject([{ operation: 'ListModelPackageGroups', kind: 'throttled' }]);
    expect(slice.errors[0]).not.toHaveProperty('resourceArn');
  });
});
