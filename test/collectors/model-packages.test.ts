import {
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  ResourceNotFound,
  SageMakerServiceException,
  type DescribeModelPackageOutput,
  type ListModelPackagesOutput,
  type ModelApprovalStatus,
  type ModelPackageSummary,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LATEST_VERSIONS_PER_GROUP,
  modelPackagesCollector,
  toModelPackage,
  userIdentity,
} from '../../src/inventory/collectors/model-packages.js';
import type { ModelPackageGroup } from '../../src/inventory/model-governance.js';
import type { Slices } from '../../src/inventory/model.js';
import { collectorContext, notAuthorized, serviceError } from '../support/collector-context.js';
import { ACCOUNT, REGION, sagemakerArn, sagemakerMock } from './list-describe-suite.js';

const versionArn = (group: string, version: number): string => sagemakerArn('model-package', `${group}/${version}`);
const groupArn = (group: string): string => sagemakerArn('model-package-group', group);
const PIPELINE = `arn:aws:sts::${ACCOUNT}:assumed-role/SageMakerExecution-churn/SageMaker-ModelBuild`;
const REVIEWER = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:user-profile/d-churnstudio01/ml-lead`;
const S3 = 's3://ml-models-111122223333/churn/evaluation';

const group = (name: string): ModelPackageGroup => ({
  arn: groupArn(name),
  name,
  region: REGION,
  resourceType: 'AWS::SageMaker::ModelPackageGroup',
  tags: {},
  status: 'Completed',
  creationTime: '2025-06-01T08:00:00.000Z',
});

const sources = (...names: string[]): Partial<Slices> => ({
  modelPackageGroups: { items: names.map(group), errors: [] },
});

/** Summaries newest first, as ListModelPackages(SortBy=CreationTime, SortOrder=Descending) returns them. */
const summary = (name: string, version: number, status: ModelApprovalStatus = 'PendingManualApproval'): ModelPackageSummary => ({
  ModelPackageGroupName: name,
  ModelPackageVersion: version,
  ModelPackageArn: versionArn(name, version),
  CreationTime: new Date(Date.UTC(2025, 5, version)),
  ModelPackageStatus: 'Completed',
  ModelApprovalStatus: status,
});

const minimal = (name: string, version: number, status: ModelApprovalStatus = 'PendingManualApproval'): DescribeModelPackageOutput => ({
  ModelPackageName: name,
  ModelPackageGroupName: name,
  ModelPackageVersion: version,
  ModelPackageArn: versionArn(name, version),
  CreationTime: new Date(Date.UTC(2025, 5, version)),
  InferenceSpecification: {
    Containers: [{ Image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn-xgb:1.7-1`, ModelDataUrl: `s3://ml-models-111122223333/${name}/${version}/model.tar.gz` }],
    SupportedContentTypes: ['text/csv'],
    SupportedResponseMIMETypes: ['text/csv'],
  },
  ModelPackageStatus: 'Completed',
  ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
  CertifyForMarketplace: false,
  ModelApprovalStatus: status,
  CreatedBy: { IamIdentity: { Arn: PIPELINE, PrincipalId: 'AROAEXAMPLE:SageMaker-ModelBuild' } },
});

const full: DescribeModelPackageOutput = {
  ...minimal('churn', 3, 'Approved'),
  ApprovalDescription: 'AUC 0.91 on holdout (CHG-1042)',
  LastModifiedTime: new Date('2025-06-10T12:00:00.000Z'),
  LastModifiedBy: { UserProfileArn: REVIEWER, UserProfileName: 'ml-lead', DomainId: 'd-churnstudio01' },
  ModelMetrics: {
    ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: `${S3}/model-quality.json` } },
    ModelDataQuality: { Constraints: { ContentType: 'application/json', S3Uri: `${S3}/constraints.json` } },
    Bias: { PostTrainingReport: { ContentType: 'application/json', S3Uri: `${S3}/bias.json` } },
  },
  DriftCheckBaselines: { ModelDataQuality: { Statistics: { ContentType: 'application/json', S3Uri: `${S3}/statistics.json` } } },
  ModelCard: { ModelCardStatus: 'Approved', ModelCardContent: '{"intended_uses":{"risk_rating":"Low"}}' },
};

beforeEach(() => {
  sagemakerMock.reset();
});
afterAll(() => {
  sagemakerMock.restore();
});

describe('toModelPackage', () => {
  it('maps approval, identities, which metrics are registered and the embedded card status', () => {
    expect(toModelPackage(full, REGION, { latestInGroup: true })).toEqual({
      arn: versionArn('churn', 3),
      name: 'churn/3',
      region: REGION,
      resourceType: 'AWS::SageMaker::ModelPackage',
      tags: {},
      groupName: 'churn',
      version: 3,
      latestInGroup: true,
      status: 'Completed',
      approvalStatus: 'Approved',
      approvalDescription: 'AUC 0.91 on holdout (CHG-1042)',
      createdBy: PIPELINE,
      lastModifiedBy: REVIEWER,
      creationTime: '2025-06-03T00:00:00.000Z',
      lastModifiedTime: '2025-06-10T12:00:00.000Z',
      modelMetrics: { modelQuality: true, modelDataQuality: true, bias: true, explainability: false },
      driftCheckBaselines: true,
      modelCardStatus: 'Approved',
    });
  });

  it('maps a bare version: no metrics, no baselines, no card, never modified', () => {
    const p = toModelPackage(minimal('fraud', 1), REGION);
    expect(p).toMatchObject({
      latestInGroup: false,
      approvalStatus: 'PendingManualApproval',
      modelMetrics: { modelQuality: false, modelDataQuality: false, bias: false, explainability: false },
      driftCheckBaselines: false,
    });
    expect(p).not.toHaveProperty('lastModifiedBy');
    expect(p).not.toHaveProperty('approvalDescription');
    expect(p).not.toHaveProperty('modelCardStatus');
  });

  it('names an identity by user profile ARN, else IAM identity ARN, else profile name', () => {
    expect(userIdentity({ UserProfileArn: REVIEWER, IamIdentity: { Arn: PIPELINE } })).toBe(REVIEWER);
    expect(userIdentity({ IamIdentity: { Arn: PIPELINE } })).toBe(PIPELINE);
    expect(userIdentity({ UserProfileName: 'ml-lead' })).toBe('ml-lead');
    expect(userIdentity(undefined)).toBeUndefined();
  });
});

/**
 * Serves ListModelPackages per group from `versions` (newest first), split into pages of `pageSize` entries chained
 * by NextToken, honouring ModelApprovalStatus; and DescribeModelPackage for every listed ARN.
 */
function serve(
  versions: Record<string, ModelPackageSummary[]>,
  options: { pageSize?: number; describeErrors?: Record<string, Error>; listErrors?: Record<string, Error> } = {},
): { listInputs: Record<string, unknown>[] } {
  const listInputs: Record<string, unknown>[] = [];
  sagemakerMock.on(ListModelPackagesCommand).callsFake((input: Record<string, unknown>) => {
    listInputs.push({ ...input });
    const name = String(input.ModelPackageGroupName);
    const err = options.listErrors?.[name];
    if (err) throw err;
    const all = (versions[name] ?? []).filter(
      (s) => input.ModelApprovalStatus === undefined || s.ModelApprovalStatus === input.ModelApprovalStatus,
    );
    const size = options.pageSize ?? 100;
    const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
    const out: ListModelPackagesOutput = {
      ModelPackageSummaryList: all.slice(start, start + size),
      ...(start + size < all.length ? { NextToken: String(start + size) } : {}),
    };
    return out;
  });
  sagemakerMock.on(DescribeModelPackageCommand).callsFake((input: { ModelPackageName: string }) => {
    const err = options.describeErrors?.[input.ModelPackageName];
    if (err) throw err;
    const s = Object.values(versions).flat().find((v) => v.ModelPackageArn === input.ModelPackageName);
    if (!s) throw new ResourceNotFound({ message: 'Model package not found', $metadata: { httpStatusCode: 400 } });
    return minimal(s.ModelPackageGroupName ?? '', s.ModelPackageVersion ?? 0, s.ModelApprovalStatus);
  });
  return { listInputs };
}

/** Versions `from` down to `to`, newest first. */
const history = (name: string, from: number, to: number, approved: number[] = []): ModelPackageSummary[] =>
  Array.from({ length: from - to + 1 }, (_, i) => from - i).map((v) => summary(name, v, approved.includes(v) ? 'Approved' : 'PendingManualApproval'));

describe('modelPackagesCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(modelPackagesCollector.operations).toEqual(['sagemaker:ListModelPackages', 'sagemaker:DescribeModelPackage']);
  });

  it(`lists each group newest first and describes its ${LATEST_VERSIONS_PER_GROUP} newest versions, marking the newest`, async () => {
    const { listInputs } = serve({ churn: history('churn', 9, 1, [9]), fraud: history('fraud', 2, 1, [1]) });
    const { ctx } = collectorContext();
    const slice = await modelPackagesCollector.collect(ctx, [REGION], sources('churn', 'fraud'));

    expect(slice.errors).toEqual([]);
    expect(slice.items.map((p) => p.name)).toEqual(['churn/5', 'churn/6', 'churn/7', 'churn/8', 'churn/9', 'fraud/1', 'fraud/2']);
    expect(slice.items.filter((p) => p.latestInGroup).map((p) => p.name)).toEqual(['churn/9', 'fraud/2']);
    expect(listInputs).toEqual([
      { ModelPackageGroupName: 'churn', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100, NextToken: undefined },
      { ModelPackageGroupName: 'fraud', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100, NextToken: undefined },
    ]);
    // Versioned packages are described by ARN, without the embedded card's content.
    expect(sagemakerMock.commandCalls(DescribeModelPackageCommand).map((c) => c.args[0].input)).toContainEqual({
      ModelPackageName: versionArn('churn', 9),
      IncludedData: 'MetadataOnly',
    });
  });

  it('follows NextToken until it has the newest versions, then stops', async () => {
    const { listInputs } = serve({ churn: history('churn', 20, 1, [20]) }, { pageSize: 3 });
    const { ctx } = collectorContext();
    const slice = await modelPackagesCollector.collect(ctx, [REGION], sources('churn'));

    expect(listInputs.map((i) => i.NextToken)).toEqual([undefined, '3']);
    expect(listInputs.every((i) => i.MaxResults === 100)).toBe(true);
    expect(slice.items.map((p) => p.version)).toEqual([16, 17, 18, 19, 20]);
  });

  it('adds the newest Approved version when none of the newest is Approved', async () => {
    const { listInputs } = serve({ churn: history('churn', 12, 1, [4, 2]) });
    const { ctx } = collectorContext();
    const slice = await modelPackagesCollector.collect(ctx, [REGION], sources('churn'));

    expect(listInputs[1]).toEqual({
      ModelPackageGroupName: 'churn',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      ModelApprovalStatus: 'Approved',
      MaxResults: 100,
      NextToken: undefined,
    });
    // Items come sorted by ARN: churn/10 sorts before churn/4.
    expect(slice.items.map((p) => p.version)).toEqual([10, 11, 12, 4, 8, 9]);
    expect(slice.items.find((p) => p.version === 4)).toMatchObject({ approvalStatus: 'Approved', latestInGroup: false });
  });

  it('records a denied ListModelPackages against the group, action sagemaker:ListModelPackages, and reads the other groups', async () => {
    const message = notAuthorized('sagemaker:ListModelPackages', groupArn('fraud'));
    serve(
      { churn: history('churn', 2, 1, [2]), fraud: history('fraud', 3, 1) },
      { listErrors: { fraud: serviceError(SageMakerServiceException, 'AccessDeniedException', message) } },
    );
    const { ctx } = collectorContext();
    const slice = await modelPackagesCollector.collect(ctx, [REGION], sources('churn', 'fraud'));

    expect(slice.items.map((p) => p.name)).toEqual(['churn/1', 'churn/2']);
    expect(slice.errors).toEqual([
      {
        slice: 'modelPackages',
        region: REGION,
        operation: 'ListModelPackages',
        action: 'sagemaker:ListModelPackages',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
        resourceArn: groupArn('fraud'),
      },
    ]);
    expect(sagemakerMock.commandCalls(DescribeModelPackageCommand)).toHaveLength(2);
  });

  it('records a denied DescribeModelPackage against that version and keeps the others', async () => {
    const message = notAuthorized('sagemaker:DescribeModelPackage', versionArn('churn', 2));
    serve(
      { churn: history('churn', 3, 1, [3]) },
      { describeErrors: { [versionArn('churn', 2)]: serviceError(SageMakerServiceException, 'AccessDeniedException', message) } },
    );
    const { ctx } = collectorContext();
    const slice = await modelPackagesCollector.collect(ctx, [REGION], sources('churn'));

    expect(slice.items.map((p) => p.name)).toEqual(['churn/1', 'churn/3']);
    expect(slice.errors).toEqual([
      {
        slice: 'modelPackages',
        region: REGION,
        operation: 'DescribeModelPackage',
        action: 'sagemaker:DescribeModelPackage',
        kind: 'access-denied',
        code: 'AccessDeniedException',
        message,
        resourceArn: versionArn('churn', 2),
      },
    ]);
  });

  it('skips a version deleted between List and Describe, and a group deleted after it was listed', async () => {
    serve(
      { churn: [...history('churn', 2, 1, [2]), summary('churn', 0)] },
      { listErrors: { gone: new ResourceNotFound({ message: 'Model package group not found', $metadata: { httpStatusCode: 400 } }) } },
    );
    // Version 0 is listed but Describe answers ResourceNotFound for it (the mock knows it only by summary).
    sagemakerMock
      .on(DescribeModelPackageCommand, { ModelPackageName: versionArn('churn', 0) })
      .rejects(new ResourceNotFound({ message: 'Model package not found', $metadata: { httpStatusCode: 400 } }));
    const { ctx } = collectorContext();
    const slice = await modelPackagesCollector.collect(ctx, [REGION], sources('churn', 'gone'));

    expect(slice.items.map((p) => p.name)).toEqual(['churn/1', 'churn/2']);
    expect(slice.errors).toEqual([]);
  });

  it('collects nothing, and calls nothing, when no group was collected', async () => {
    serve({});
    const { ctx } = collectorContext();
    const slice = await modelPackagesCollector.collect(ctx, [REGION], { modelPackageGroups: { items: [], errors: [] } });
    expect(slice).toEqual({ items: [], errors: [] });
    expect(sagemakerMock.calls()).toHaveLength(0);
  });
});
