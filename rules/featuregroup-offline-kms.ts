import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'featuregroup-offline-kms',
  title: 'Feature group offline stores are encrypted with a KMS key',
  severity: 'medium',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'The offline store keeps the full history of every feature record in S3, often including personal data. ' +
    'A KMS key of your own makes reading it require a key grant and leaves an audit trail of each decryption.',
  remediation: {
    summary:
      'The offline store configuration cannot be changed after creation: create a new feature group whose ' +
      'OfflineStoreConfig.S3StorageConfig.KmsKeyId names a customer-managed key, backfill it, and move consumers over.',
    console:
      'SageMaker Studio > Data > Feature Store > Create feature group > Offline store configuration > ' +
      'Encryption key: choose a KMS key.',
    cli:
      'aws sagemaker create-feature-group --feature-group-name <name> --record-identifier-feature-name <id> ' +
      '--event-time-feature-name <event-time> --feature-definitions file://features.json --role-arn <role-arn> ' +
      '--offline-store-config \'{"S3StorageConfig":{"S3Uri":"s3://<bucket>/<prefix>","KmsKeyId":"<key-arn>"}}\'',
  },
  references: [
    'ML Lens MLSEC03-BP03',
    'Security Hub SageMaker.17',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_S3StorageConfig.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html',
  ],
  needs: ['featureGroups'],
  messages: {
    noKey: 'Feature group {name} writes its offline store to {s3Uri} without a KMS key.',
  },
  evaluate: ({ featureGroups }, ctx) =>
    featureGroups.map((fg) => {
      const store = fg.offlineStore;
      if (!store) return ctx.pass(fg, { offlineStore: false });
      const evidence = { OfflineStoreS3Uri: store.s3Uri ?? null, OfflineStoreKmsKeyId: store.kmsKeyId ?? null };
      return store.kmsKeyId
        ? ctx.pass(fg, evidence)
        : ctx.fail(fg, 'noKey', { s3Uri: store.s3Uri ?? 'S3' }, evidence);
    }),
});
