import {
  DescribeModelPackageCommand,
  paginateListModelPackages,
  type DescribeModelPackageOutput,
  type ListModelPackagesInput,
  type ModelPackageSummary,
  type SageMakerClient,
  type UserContext,
} from '@aws-sdk/client-sagemaker';
import { isNotFound } from '../../aws/classify-error.js';
import { collectionError, iso, type CollectorContext, type DerivedCollector } from '../collector.js';
import type { CollectionError, Slice } from '../model.js';
import type { ModelPackage, ModelPackageGroup } from '../model-governance.js';
import { SLICES } from '../slices.js';

/**
 * Versions described per group, newest first. A group gains a version on every registration (often every pipeline
 * run), and what governance rules judge is what is current: the newest versions, plus the newest Approved one
 * (what is deployed) when it is older than those. A fixed bound, not an option, keeps a scan's cost predictable.
 */
export const LATEST_VERSIONS_PER_GROUP = 5;

/** The identity a UserContext names: the Studio user profile, else the IAM principal (with its session name). */
export function userIdentity(u: UserContext | undefined): string | undefined {
  return u?.UserProfileArn ?? u?.IamIdentity?.Arn ?? u?.UserProfileName;
}

export function toModelPackage(
  d: DescribeModelPackageOutput,
  region: string,
  extra: { latestInGroup?: boolean } = {},
): ModelPackage {
  const metrics = d.ModelMetrics;
  const baselines = d.DriftCheckBaselines;
  const createdBy = userIdentity(d.CreatedBy);
  const lastModifiedBy = userIdentity(d.LastModifiedBy);
  const groupName = d.ModelPackageGroupName ?? '';
  return {
    arn: d.ModelPackageArn ?? '',
    // Every version of a group shares the ModelPackageName (the group's): group/version names one.
    name: d.ModelPackageVersion !== undefined ? `${groupName}/${d.ModelPackageVersion}` : (d.ModelPackageName ?? ''),
    region,
    resourceType: SLICES.modelPackages.resourceType,
    tags: {},
    groupName,
    ...(d.ModelPackageVersion !== undefined ? { version: d.ModelPackageVersion } : {}),
    latestInGroup: extra.latestInGroup === true,
    status: d.ModelPackageStatus ?? 'Unknown',
    // Versioned packages always carry a status; unversioned ones have none, which the API reads as not approved.
    approvalStatus: d.ModelApprovalStatus ?? 'Unknown',
    ...(d.ApprovalDescription ? { approvalDescription: d.ApprovalDescription } : {}),
    ...(createdBy ? { createdBy } : {}),
    ...(lastModifiedBy ? { lastModifiedBy } : {}),
    creationTime: iso(d.CreationTime) ?? '',
    ...(d.LastModifiedTime ? { lastModifiedTime: iso(d.LastModifiedTime) } : {}),
    modelMetrics: {
      modelQuality: Boolean(metrics?.ModelQuality?.Statistics ?? metrics?.ModelQuality?.Constraints),
      modelDataQuality: Boolean(metrics?.ModelDataQuality?.Statistics ?? metrics?.ModelDataQuality?.Constraints),
      bias: Boolean(metrics?.Bias?.Report ?? metrics?.Bias?.PreTrainingReport ?? metrics?.Bias?.PostTrainingReport),
      explainability: Boolean(metrics?.Explainability?.Report),
    },
    driftCheckBaselines: Boolean(
      baselines?.Bias ?? baselines?.Explainability ?? baselines?.ModelQuality ?? baselines?.ModelDataQuality,
    ),
    ...(d.ModelCard?.ModelCardStatus ? { modelCardStatus: d.ModelCard.ModelCardStatus } : {}),
  };
}

/** Remembers which call failed, so the error names the right operation and IAM action. */
class StepError extends Error {
  constructor(
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(`${operation} failed`);
  }
}

/** Up to `max` summaries of one group, newest first, from as many pages as that takes. */
async function newestVersions(
  ctx: CollectorContext,
  client: SageMakerClient,
  input: ListModelPackagesInput,
  max: number,
): Promise<ModelPackageSummary[]> {
  const out: ModelPackageSummary[] = [];
  // Full pages, not pages of `max`: a page may come back short with a NextToken (filters can apply after paging),
  // and a page of 100 summaries costs one call where pages of one would cost one per version.
  for await (const page of paginateListModelPackages({ client, pageSize: 100 }, input)) {
    ctx.signal?.throwIfAborted();
    out.push(...(page.ModelPackageSummaryList ?? []));
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

/**
 * Model packages are listed per group (ListModelPackages with ModelPackageGroupName), so this slice is derived from
 * the groups already collected rather than listing the groups a second time. A group whose listing fails is recorded
 * against the group's ARN: its versions are unknown, and rules reading them report ERROR for it.
 */
export const modelPackagesCollector: DerivedCollector<'modelPackages'> = {
  slice: 'modelPackages',
  scope: 'derived',
  operations: ['sagemaker:ListModelPackages', 'sagemaker:DescribeModelPackage'],
  collect: async (ctx: CollectorContext, _regions, sources): Promise<Slice<ModelPackage>> => {
    const errors: CollectionError[] = [];
    const record = (err: unknown, region: string, operation: string, resourceArn: string): void => {
      if (ctx.signal?.aborted) throw err;
      errors.push(collectionError(err, { slice: 'modelPackages', region, service: 'sagemaker', operation, resourceArn }));
    };

    const ofGroup = async (group: ModelPackageGroup): Promise<ModelPackage[]> => {
      const { region } = group;
      const client = ctx.clients.get('sagemaker', region);
      const limit = ctx.limit('sagemaker', region);
      const list = (input: Omit<ListModelPackagesInput, 'ModelPackageGroupName'>, max: number) =>
        limit(async () => {
          try {
            return await newestVersions(ctx, client, { ModelPackageGroupName: group.name, ...input }, max);
          } catch (err) {
            throw new StepError('ListModelPackages', err);
          }
        });
      const byCreation = { SortBy: 'CreationTime', SortOrder: 'Descending' } as const;

      let newest: ModelPackageSummary[];
      try {
        newest = await list(byCreation, LATEST_VERSIONS_PER_GROUP);
      } catch (err) {
        const cause = err instanceof StepError ? err.cause : err;
        // The group was deleted after it was listed.
        if (isNotFound(cause)) return [];
        record(cause, region, 'ListModelPackages', group.arn);
        return [];
      }
      const wanted = [...newest];
      if (newest.length === LATEST_VERSIONS_PER_GROUP && !newest.some((s) => s.ModelApprovalStatus === 'Approved')) {
        try {
          const approved = await list({ ...byCreation, ModelApprovalStatus: 'Approved' }, 1);
          wanted.push(...approved.filter((a) => !wanted.some((w) => w.ModelPackageArn === a.ModelPackageArn)));
        } catch (err) {
          const cause = err instanceof StepError ? err.cause : err;
          // The newest versions were read and are kept; the group is marked short of its newest approved one.
          if (!isNotFound(cause)) record(cause, region, 'ListModelPackages', group.arn);
        }
      }
      const latestArn = newest[0]?.ModelPackageArn;

      const described = await Promise.all(
        wanted.map((s) =>
          limit(async (): Promise<ModelPackage | undefined> => {
            ctx.signal?.throwIfAborted();
            const arn = s.ModelPackageArn ?? '';
            try {
              // Versioned packages are described by ARN. MetadataOnly returns ModelCard.ModelCardStatus (and every
              // other field read here) without kms:Decrypt on a card encrypted with a customer-managed key.
              const output = await client.send(
                new DescribeModelPackageCommand({ ModelPackageName: arn, IncludedData: 'MetadataOnly' }),
              );
              return toModelPackage(output, region, { latestInGroup: arn === latestArn });
            } catch (err) {
              if (isNotFound(err)) return undefined;
              record(err, region, 'DescribeModelPackage', arn);
              return undefined;
            }
          }),
        ),
      );
      return described.filter((p): p is ModelPackage => p !== undefined);
    };

    const groups = sources.modelPackageGroups?.items ?? [];
    const items = (await Promise.all(groups.map(ofGroup))).flat();
    return {
      items: items.sort((a, b) => a.arn.localeCompare(b.arn)),
      errors: errors.sort(
        (a, b) => (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '') || a.operation.localeCompare(b.operation),
      ),
    };
  },
};
