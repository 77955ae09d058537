import {
  ListTagsCommand,
  ResourceNotFound,
  SageMakerServiceException,
  type ListTagsOutput,
  type Tag,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { resourceTagsCollector, tagTargets, toResourceTags } from '../../src/inventory/collectors/resource-tags.js';
import type { CollectionError, Slices } from '../../src/inventory/model.js';
import { endpoint, featureGroup, model, notebook } from '../support/builders.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import { REGION, sagemakerArn, sagemakerMock } from './list-describe-suite.js';

beforeEach(() => {
  sagemakerMock.reset();
});
afterAll(() => {
  sagemakerMock.restore();
});

const EP = sagemakerArn('endpoint', 'churn-predictor-prod');
const UNDESCRIBED = sagemakerArn('endpoint', 'legacy-batch-scorer');
const describeFailed: CollectionError = {
  slice: 'endpoints',
  region: REGION,
  operation: 'DescribeEndpoint',
  action: 'sagemaker:DescribeEndpoint',
  kind: 'throttled',
  code: 'ThrottlingException',
  message: 'Rate exceeded',
  resourceArn: UNDESCRIBED,
};

const sources = (): Partial<Slices> => ({
  endpoints: { items: [endpoint({ name: 'churn-predictor-prod', arn: EP })], errors: [describeFailed] },
  notebookInstances: { items: [notebook({ name: 'churn-research' })], errors: [] },
  models: { items: [model({ name: 'churn-xgb-model' })], errors: [] },
  featureGroups: { items: [featureGroup({ name: 'customer-features' })], errors: [] },
});

const tag = (Key: string, Value: string): Tag => ({ Key, Value });

describe('tagTargets', () => {
  it('takes every resource of the four slices, and those whose Describe failed, once each', () => {
    const s = sources();
    s.models?.items.push(model({ name: 'churn-xgb-model' }));
    expect(tagTargets(s).map((t) => [t.name, t.resourceType])).toEqual([
      ['churn-predictor-prod', 'AWS::SageMaker::Endpoint'],
      ['legacy-batch-scorer', 'AWS::SageMaker::Endpoint'],
      ['customer-features', 'AWS::SageMaker::FeatureGroup'],
      ['churn-xgb-model', 'AWS::SageMaker::Model'],
      ['churn-research', 'AWS::SageMaker::NotebookInstance'],
    ]);
  });
});

describe('toResourceTags', () => {
  it("keeps the resource's identity and maps the tags", () => {
    expect(
      toResourceTags([tag('project', 'churn'), { Key: 'empty', Value: undefined }], {
        arn: EP,
        name: 'churn-predictor-prod',
        region: REGION,
        resourceType: 'AWS::SageMaker::Endpoint',
      }),
    ).toEqual({
      arn: EP,
      name: 'churn-predictor-prod',
      region: REGION,
      resourceType: 'AWS::SageMaker::Endpoint',
      tags: { project: 'churn', empty: '' },
    });
  });
});

describe('resourceTagsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(resourceTagsCollector.operations).toEqual(['sagemaker:ListTags']);
  });

  it('pages ListTags per resource with MaxResults 100', async () => {
    const inputs: Record<string, unknown>[] = [];
    sagemakerMock.on(ListTagsCommand).callsFake((input: Record<string, unknown>) => {
      inputs.push({ ...input });
      const out: ListTagsOutput =
        input.ResourceArn === EP && input.NextToken === undefined
          ? { Tags: [tag('project', 'churn')], NextToken: 'page-1' }
          : input.ResourceArn === EP
            ? { Tags: [tag('owner', 'ml-team')] }
            : { Tags: [tag('project', 'churn'), tag('owner', 'ml-team')] };
      return out;
    });
    const { ctx } = collectorContext();
    const slice = await resourceTagsCollector.collect(ctx, [REGION], sources());

    expect(slice.errors).toEqual([]);
    expect(slice.items).toHaveLength(5);
    expect(slice.items.find((t) => t.arn === EP)?.tags).toEqual({ project: 'churn', owner: 'ml-team' });
    expect(inputs.filter((i) => i.ResourceArn === EP)).toEqual([
      { ResourceArn: EP, MaxResults: 100, NextToken: undefined },
      { ResourceArn: EP, MaxResults: 100, NextToken: 'page-1' },
    ]);
  });

  it('records a denied ListTags against that resource and keeps the others', async () => {
    const message = notAuthorized('sagemaker:ListTags', EP);
    sagemakerMock.on(ListTagsCommand).resolves({ Tags: [tag('project', 'churn')] });
    sagemakerMock.on(ListTagsCommand, { ResourceArn: EP }).rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', message));
    const { ctx } = collectorContext();
    const slice = await resourceTagsCollector.collect(ctx, [REGION], sources());

    expect(slice.items.map((t) => t.name)).not.toContain('churn-predictor-prod');
    expect(slice.items).toHaveLength(4);
    expect(slice.errors).toEqual([
      {
        slice: 'resourceTags',
        region: REGION,
        operation: 'ListTags',
        action: 'sagemaker:ListTags',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
        resourceArn: EP,
      },
    ]);
  });

  it('skips a resource deleted since it was listed', async () => {
    sagemakerMock.on(ListTagsCommand).resolves({ Tags: [] });
    sagemakerMock
      .on(ListTagsCommand, { ResourceArn: UNDESCRIBED })
      .rejects(new ResourceNotFound({ message: `Resource ${UNDESCRIBED} not found`, $metadata: { httpStatusCode: 400 } }));
    const { ctx } = collectorContext();
    const slice = await resourceTagsCollector.collect(ctx, [REGION], sources());

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((t) => t.arn)).not.toContain(UNDESCRIBED);
    expect(slice.items).toHaveLength(4);
  });
});
