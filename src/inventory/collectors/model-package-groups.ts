import { paginateListModelPackageGroups, type ModelPackageGroupSummary } from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { ModelPackageGroup } from '../model-governance.js';
import { SLICES } from '../slices.js';

/** The summary carries everything the rules read, so no DescribeModelPackageGroup call is made. */
export function toModelPackageGroup(s: ModelPackageGroupSummary, region: string): ModelPackageGroup {
  return {
    arn: s.ModelPackageGroupArn ?? '',
    name: s.ModelPackageGroupName ?? '',
    region,
    resourceType: SLICES.modelPackageGroups.resourceType,
    tags: {},
    status: s.ModelPackageGroupStatus ?? 'Unknown',
    creationTime: iso(s.CreationTime) ?? '',
    ...(s.ModelPackageGroupDescription ? { description: s.ModelPackageGroupDescription } : {}),
  };
}

export const modelPackageGroupsCollector: RegionalCollector<'modelPackageGroups'> = {
  slice: 'modelPackageGroups',
  scope: 'regional',
  operations: ['sagemaker:ListModelPackageGroups'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<ModelPackageGroupSummary, ModelPackageGroup>({
      ctx,
      slice: 'modelPackageGroups',
      region,
      service: 'sagemaker',
      listOperation: 'ListModelPackageGroups',
      describeOperation: 'ListModelPackageGroups',
      // Without CrossAccountFilterOption the list holds this account's groups only, not groups shared through RAM.
      pages: () =>
        pagesOf(paginateListModelPackageGroups({ client, pageSize: 100 }, {}), (p) => p.ModelPackageGroupSummaryList),
      arnOf: (s) => s.ModelPackageGroupArn ?? '',
      describe: (s) => Promise.resolve(toModelPackageGroup(s, region)),
    });
  },
};
