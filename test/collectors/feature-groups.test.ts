import {
  DescribeFeatureGroupCommand,
  ListFeatureGroupsCommand,
  ResourceNotFound,
  type DescribeFeatureGroupResponse,
  type FeatureGroupSummary,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { featureGroupsCollector, toFeatureGroup } from '../../src/inventory/collectors/feature-groups.js';
import { listDescribeSuite, REGION, sagemakerArn } from './list-describe-suite.js';

const arn = (name: string): string => sagemakerArn('feature-group', name);
const created = new Date('2025-02-01T00:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::111122223333:role/SageMakerFeatureStore';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const summary = (name: string): FeatureGroupSummary => ({
  FeatureGroupName: name,
  FeatureGroupArn: arn(name),
  CreationTime: created,
  FeatureGroupStatus: 'Created',
  OfflineStoreStatus: { Status: 'Active' },
});

const minimal = (name: string): DescribeFeatureGroupResponse => ({
  FeatureGroupArn: arn(name),
  FeatureGroupName: name,
  RecordIdentifierFeatureName: 'customer_id',
  EventTimeFeatureName: 'event_time',
  FeatureDefinitions: [
    { FeatureName: 'customer_id', FeatureType: 'String' },
    { FeatureName: 'event_time', FeatureType: 'Fractional' },
  ],
  CreationTime: created,
  OfflineStoreConfig: {
    S3StorageConfig: { S3Uri: `s3://ml-features/${name}`, ResolvedOutputS3Uri: `s3://ml-features/${name}/111122223333/sagemaker/us-east-1/offline-store/${name}-1738368000/data` },
    DisableGlueTableCreation: false,
    DataCatalogConfig: { TableName: `${name.replace(/-/g, '_')}_1738368000`, Catalog: 'AwsDataCatalog', Database: 'sagemaker_featurestore' },
  },
  RoleArn: ROLE_ARN,
  FeatureGroupStatus: 'Created',
  OfflineStoreStatus: { Status: 'Active' },
  // DescribeFeatureGroup pages feature definitions; the last page carries an empty token.
  NextToken: '',
});

describe('toFeatureGroup', () => {
  it('maps offline and online stores with their keys', () => {
    expect(
      toFeatureGroup(
        {
          ...minimal('fg-full'),
          OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://ml-features/fg-full', KmsKeyId: KEY_ARN } },
          OnlineStoreConfig: { EnableOnlineStore: true, SecurityConfig: { KmsKeyId: 'alias/online-store' }, StorageType: 'InMemory' },
        },
        REGION,
      ),
    ).toEqual({
      arn: arn('fg-full'),
      name: 'fg-full',
      region: REGION,
      resourceType: 'AWS::SageMaker::FeatureGroup',
      tags: {},
      status: 'Created',
      creationTime: '2025-02-01T00:00:00.000Z',
      offlineStore: { kmsKeyId: KEY_ARN, s3Uri: 's3://ml-features/fg-full' },
      onlineStore: { enabled: true, kmsKeyId: 'alias/online-store', storageType: 'InMemory' },
      roleArn: ROLE_ARN,
    });
  });

  it('leaves the online store absent when not configured and the offline key undefined when not set', () => {
    const fg = toFeatureGroup(minimal('fg-offline-only'), REGION);
    expect(fg).not.toHaveProperty('onlineStore');
    expect(fg.offlineStore).toEqual({ s3Uri: 's3://ml-features/fg-offline-only' });
  });

  it('treats an OnlineStoreConfig without EnableOnlineStore as disabled (the API default)', () => {
    const fg = toFeatureGroup(
      { ...minimal('fg-online-default'), OfflineStoreConfig: undefined, OnlineStoreConfig: { StorageType: 'Standard' } },
      REGION,
    );
    expect(fg.onlineStore).toEqual({ enabled: false, storageType: 'Standard' });
    expect(fg).not.toHaveProperty('offlineStore');
  });
});

describe('featureGroupsCollector', () => {
  it('declares exactly the operations it calls', () => {
    expect(featureGroupsCollector.operations).toEqual(['sagemaker:ListFeatureGroups', 'sagemaker:DescribeFeatureGroup']);
  });

  listDescribeSuite({
    collector: featureGroupsCollector,
    list: { command: ListFeatureGroupsCommand, operation: 'ListFeatureGroups', pageKey: 'FeatureGroupSummaries' },
    describe: { command: DescribeFeatureGroupCommand, operation: 'DescribeFeatureGroup', nameKey: 'FeatureGroupName' },
    summary,
    output: minimal,
    arn,
    notFound: (name) =>
      new ResourceNotFound({
        message: `Resource Not Found: Amazon SageMaker can't find a FeatureGroup with name ${name}`,
        $metadata: { httpStatusCode: 400 },
      }),
  });
});
