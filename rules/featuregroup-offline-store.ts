import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'featuregroup-offline-store',
  title: 'Feature groups keep an offline store of their history',
  severity: 'low',
  kind: 'practice',
  phase: 'data-processing',
  dimensions: ['veracity-robustness'],
  pillars: ['reliability'],
  rationale:
    'An online-only feature group keeps just the latest value of each record. The offline store keeps every ' +
    'version, which point-in-time correct training sets, reproducing a past model and rolling back bad ingestion ' +
    'all depend on. Groups with an InMemory online store, which cannot have an offline store, are not judged.',
  remediation: {
    summary:
      'An offline store can only be configured at creation: create a new feature group with an OfflineStoreConfig ' +
      '(an S3 location, ideally with a KMS key and a Glue Data Catalog table), ingest into it, and move consumers over.',
    console:
      'SageMaker Studio > Data > Feature Store > Create feature group > Storage configuration: enable the offline store.',
    cli:
      'aws sagemaker create-feature-group --feature-group-name <name> --record-identifier-feature-name <id> ' +
      '--event-time-feature-name <event-time> --feature-definitions file://features.json --role-arn <role-arn> ' +
      '--offline-store-config \'{"S3StorageConfig":{"S3Uri":"s3://<bucket>/<prefix>","KmsKeyId":"<key-arn>"}}\'',
  },
  references: [
    'ML Lens MLREL02-BP03',
    'ML Lens MLOPS03-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_OfflineStoreConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-offline.html',
  ],
  needs: ['featureGroups'],
  messages: {
    noOfflineStore: 'Feature group {name} has no offline store, so past feature values are not kept.',
  },
  evaluate: ({ featureGroups }, ctx) =>
    featureGroups.map((fg) => {
      if (fg.offlineStore) return ctx.pass(fg, { offlineStore: true, OfflineStoreS3Uri: fg.offlineStore.s3Uri ?? null });
      // Feature Store cannot pair an InMemory online store with an offline store, so there is nothing to add.
      if (fg.onlineStore?.enabled && fg.onlineStore.storageType === 'InMemory') {
        return ctx.pass(fg, { offlineStore: false, OnlineStoreStorageType: 'InMemory' });
      }
      return ctx.fail(fg, 'noOfflineStore', {}, { offlineStore: false });
    }),
});
