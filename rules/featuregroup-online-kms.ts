import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'featuregroup-online-kms',
  title: 'Feature group online stores are encrypted with a KMS key',
  severity: 'medium',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'The online store serves the latest feature values, often customer attributes, to models at low latency. A KMS ' +
    'key of your own makes every read depend on a key grant you control and leaves an audit trail in CloudTrail. ' +
    'Only the Standard tier takes a key; InMemory online stores and groups without an online store are not judged.',
  remediation: {
    summary:
      'The online store security configuration cannot be changed after creation: create a new feature group whose ' +
      'OnlineStoreConfig.SecurityConfig.KmsKeyId names a KMS key, ingest the records again, and move consumers over.',
    console:
      'SageMaker Studio > Data > Feature Store > Create feature group > Online store > Encryption key: choose a KMS key.',
    cli:
      'aws sagemaker create-feature-group --feature-group-name <name> --record-identifier-feature-name <id> ' +
      '--event-time-feature-name <event-time> --feature-definitions file://features.json --role-arn <role-arn> ' +
      '--online-store-config \'{"EnableOnlineStore":true,"StorageType":"Standard","SecurityConfig":{"KmsKeyId":"<key-arn>"}}\'',
  },
  references: [
    'ML Lens MLSEC03-BP03',
    'Security Hub SageMaker.18',
    'AWS Config sagemaker-featuregroup-online-store-encryption',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_OnlineStoreSecurityConfig.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html',
  ],
  needs: ['featureGroups'],
  messages: {
    noKey: 'Feature group {name} keeps a Standard online store without a KMS key.',
  },
  evaluate: ({ featureGroups }, ctx) =>
    featureGroups.map((fg) => {
      const online = fg.onlineStore;
      if (!online?.enabled) return ctx.pass(fg, { onlineStore: false });
      // StorageType defaults to Standard; the InMemory tier cannot take a customer KMS key.
      const storageType = online.storageType ?? 'Standard';
      const evidence = { onlineStore: true, StorageType: storageType, OnlineStoreKmsKeyId: online.kmsKeyId ?? null };
      if (storageType !== 'Standard' || online.kmsKeyId) return ctx.pass(fg, evidence);
      return ctx.fail(fg, 'noKey', {}, evidence);
    }),
});
