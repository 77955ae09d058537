import {
  DescribeFeatureGroupCommand,
  paginateListFeatureGroups,
  type DescribeFeatureGroupResponse,
  type FeatureGroupSummary,
} from '@aws-sdk/client-sagemaker';
import { iso, listAndDescribe, pagesOf, type RegionalCollector } from '../collector.js';
import type { FeatureGroup } from '../model.js';
import { SLICES } from '../slices.js';

export function toFeatureGroup(d: DescribeFeatureGroupResponse, region: string): FeatureGroup {
  const offline = d.OfflineStoreConfig;
  const online = d.OnlineStoreConfig;
  return {
    arn: d.FeatureGroupArn ?? '',
    name: d.FeatureGroupName ?? '',
    region,
    resourceType: SLICES.featureGroups.resourceType,
    tags: {},
    status: d.FeatureGroupStatus ?? 'Unknown',
    creationTime: iso(d.CreationTime) ?? '',
    ...(offline
      ? { offlineStore: { kmsKeyId: offline.S3StorageConfig?.KmsKeyId, s3Uri: offline.S3StorageConfig?.S3Uri } }
      : {}),
    ...(online
      ? {
          onlineStore: {
            // EnableOnlineStore defaults to false: an OnlineStoreConfig without it has no online store.
            enabled: online.EnableOnlineStore === true,
            kmsKeyId: online.SecurityConfig?.KmsKeyId,
            storageType: online.StorageType,
          },
        }
      : {}),
    roleArn: d.RoleArn,
  };
}

export const featureGroupsCollector: RegionalCollector<'featureGroups'> = {
  slice: 'featureGroups',
  scope: 'regional',
  operations: ['sagemaker:ListFeatureGroups', 'sagemaker:DescribeFeatureGroup'],
  collect: (ctx, region) => {
    const client = ctx.clients.get('sagemaker', region);
    return listAndDescribe<FeatureGroupSummary, FeatureGroup>({
      ctx,
      slice: 'featureGroups',
      region,
      service: 'sagemaker',
      listOperation: 'ListFeatureGroups',
      describeOperation: 'DescribeFeatureGroup',
      pages: () => pagesOf(paginateListFeatureGroups({ client, pageSize: 100 }, {}), (p) => p.FeatureGroupSummaries),
      arnOf: (s) => s.FeatureGroupArn ?? '',
      describe: async (s) =>
        toFeatureGroup(
          await client.send(new DescribeFeatureGroupCommand({ FeatureGroupName: s.FeatureGroupName })),
          region,
        ),
    });
  },
};
