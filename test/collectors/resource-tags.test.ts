import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  ResourceGroupsTaggingAPIServiceException,
  type GetResourcesInput,
  type GetResourcesOutput,
} from '@aws-sdk/client-resource-groups-tagging-api';
import {
  ListTagsCommand,
  ResourceNotFound,
  SageMakerServiceException,
  type ListTagsOutput,
  type Tag,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { resourceTagsCollector, tagTargets, toResourceTags } from '../../src/inventory/collectors/resource-tags.js';
import type { CollectionError, Slices } from '../../src/inventory/model.js';
import { endpoint, featureGroup, model, notebook } from '../support/builders.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import { REGION, sagemakerArn, sagemakerMock } from './list-describe-suite.js';

const taggingMock = mockClient(ResourceGroupsTaggingAPIClient);

beforeEach(() => {
  sagemakerMock.reset();
  taggingMock.reset();
  // Unless a test says otherwise, GetResources returns none of them (never tagged, as far as its index knows).
  taggingMock.on(GetResourcesCommand).resolves({ PaginationToken: '', ResourceTagMappingList: [] });
});
afterAll(() => {
  sagemakerMock.restore();
  taggingMock.restore();
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
    expect(resourceTagsCollector.operations).toEqual(['tag:GetResources', 'sagemaker:ListTags']);
  });

  it('reads tags in bulk with GetResources, page by page, and ListTags only what it did not return', async () => {
    const NB = sagemakerArn('notebook-instance', 'churn-research');
    const MODEL = sagemakerArn('model', 'churn-xgb-model');
    const FG = sagemakerArn('feature-group', 'customer-features');
    const pages: Record<string, GetResourcesOutput> = {
      first: {
        PaginationToken: 'page-2',
        ResourceTagMappingList: [
          { ResourceARN: EP, Tags: [tag('project', 'churn'), tag('owner', 'ml-team')] },
          // Tagged once, no tags now: GetResources shows it with an empty tag set.
          { ResourceARN: NB, Tags: [] },
        ],
      },
      'page-2': {
        // The last page: AWS answers an empty token.
        PaginationToken: '',
        ResourceTagMappingList: [
          { ResourceARN: MODEL, Tags: [tag('cost-center', 'cc-7')] },
          // Some other resource of these types the scan did not list (created since): ignored.
          { ResourceARN: sagemakerArn('model', 'created-after-listing'), Tags: [tag('x', 'y')] },
        ],
      },
    };
    const inputs: GetResourcesInput[] = [];
    taggingMock.on(GetResourcesCommand).callsFake((input: GetResourcesInput) => {
      inputs.push({ ...input });
      const out = pages[input.PaginationToken ?? 'first'];
      if (!out) throw new Error(`unexpected token ${String(input.PaginationToken)}`);
      return out;
    });
    const listed: unknown[] = [];
    sagemakerMock.on(ListTagsCommand).callsFake((input: { ResourceArn?: string }) => {
      listed.push(input.ResourceArn);
      return { Tags: [tag('project', 'features')] };
    });
    const { ctx, notes } = collectorContext();
    const slice = await resourceTagsCollector.collect(ctx, [REGION], sources());

    const filters = ['sagemaker:endpoint', 'sagemaker:notebook-instance', 'sagemaker:model', 'sagemaker:feature-group'];
    expect(inputs).toEqual([
      { ResourceTypeFilters: filters, ResourcesPerPage: 100, PaginationToken: undefined },
      { ResourceTypeFilters: filters, ResourcesPerPage: 100, PaginationToken: 'page-2' },
    ]);
    // Not returned by GetResources: absence does not prove "no tags", so each is read with ListTags.
    expect(listed.sort()).toEqual([FG, UNDESCRIBED].sort());
    expect(slice.errors).toEqual([]);
    expect(notes).toEqual([]);
    const tagsOf = (arn: string) => slice.items.find((t) => t.arn === arn)?.tags;
    expect(tagsOf(EP)).toEqual({ project: 'churn', owner: 'ml-team' });
    expect(tagsOf(NB)).toEqual({});
    expect(tagsOf(MODEL)).toEqual({ 'cost-center': 'cc-7' });
    expect(tagsOf(FG)).toEqual({ project: 'features' });
    expect(tagsOf(UNDESCRIBED)).toEqual({ project: 'features' });
    expect(slice.items).toHaveLength(5);
  });

  it('falls back to ListTags for every resource of a region where GetResources is denied, with no error', async () => {
    taggingMock
      .on(GetResourcesCommand)
      .rejects(serviceError(ResourceGroupsTaggingAPIServiceException, 'AccessDeniedException', notAuthorized('tag:GetResources', '*')));
    sagemakerMock.on(ListTagsCommand).resolves({ Tags: [tag('project', 'churn')] });
    const { ctx, notes } = collectorContext();
    const slice = await resourceTagsCollector.collect(ctx, [REGION], sources());

    expect(slice.errors).toEqual([]);
    expect(slice.items).toHaveLength(5);
    expect(slice.items.every((t) => t.tags.project === 'churn')).toBe(true);
    expect(sagemakerMock.commandCalls(ListTagsCommand)).toHaveLength(5);
    expect(notes).toEqual([
      `tag:GetResources failed in ${REGION} (AccessDeniedException): tags were read with sagemaker:ListTags, one call per resource`,
    ]);
  });

  it('keeps the pages GetResources answered before it failed, and ListTags the rest', async () => {
    taggingMock
      .on(GetResourcesCommand, { PaginationToken: undefined })
      .resolves({ PaginationToken: 'page-2', ResourceTagMappingList: [{ ResourceARN: EP, Tags: [tag('owner', 'ml-team')] }] })
      .on(GetResourcesCommand, { PaginationToken: 'page-2' })
      .rejects(serviceError(ResourceGroupsTaggingAPIServiceException, 'PaginationTokenExpiredException', 'token expired'));
    sagemakerMock.on(ListTagsCommand).resolves({ Tags: [tag('project', 'churn')] });
    const { ctx } = collectorContext();
    const slice = await resourceTagsCollector.collect(ctx, [REGION], sources());

    expect(slice.errors).toEqual([]);
    expect(slice.items.find((t) => t.arn === EP)?.tags).toEqual({ owner: 'ml-team' });
    expect(sagemakerMock.commandCalls(ListTagsCommand).map((c) => c.args[0].input.ResourceArn)).not.toContain(EP);
    expect(sagemakerMock.commandCalls(ListTagsCommand)).toHaveLength(4);
  });

  it('records each ListTags error when GetResources and ListTags are both denied: nothing is taken as untagged', async () => {
    taggingMock
      .on(GetResourcesCommand)
      .rejects(serviceError(ResourceGroupsTaggingAPIServiceException, 'AccessDeniedException', notAuthorized('tag:GetResources', '*')));
    sagemakerMock
      .on(ListTagsCommand)
      .rejects(serviceError(SageMakerServiceException, 'AccessDeniedException', notAuthorized('sagemaker:ListTags', '*')));
    const { ctx } = collectorContext();
    const slice = await resourceTagsCollector.collect(ctx, [REGION], sources());

    expect(slice.items).toEqual([]);
    expect(slice.errors.map((e) => [e.operation, e.action, e.kind, e.resourceArn])).toEqual(
      tagTargets(sources()).map((t) => ['ListTags', 'sagemaker:ListTags', 'access-denied', t.arn]),
    );
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
