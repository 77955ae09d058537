import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'inference-experiment-kms',
  title: 'Inference experiments encrypt their instance storage and captured data with KMS keys',
  severity: 'medium',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'A shadow test runs candidate models on copies of live requests: the instances hold the model artifacts and the ' +
    'data storage config writes real requests and responses to S3. A KMS key on both keeps that production data ' +
    'under a key policy you control, with every use logged.',
  remediation: {
    summary:
      'KmsKey and DataStorageConfig cannot be changed on an existing experiment: stop it and create a new one with ' +
      'KmsKey set and, when it captures data, DataStorageConfig.KmsKey set to a customer-managed key. Experiments ' +
      'without a DataStorageConfig need only the instance storage key.',
    console: 'SageMaker AI console > Inference > Shadow tests > Create shadow test > Encryption key.',
    cli:
      'aws sagemaker stop-inference-experiment --name <name> --model-variant-actions file://actions.json && ' +
      'aws sagemaker create-inference-experiment --name <new-name> --type ShadowMode --endpoint-name <endpoint> ' +
      '--role-arn <role> --model-variants file://variants.json --shadow-mode-config file://shadow.json ' +
      '--kms-key <key-arn> --data-storage-config Destination=s3://<bucket>/shadow,KmsKey=<key-arn>',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'Security Hub SageMaker.23',
    'Security Hub SageMaker.24',
    'AWS Config sagemaker-inf-experiment-instance-storage-kms-encrypted',
    'AWS Config sagemaker-inf-experiment-data-storage-kms-encrypted',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateInferenceExperiment.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests.html',
  ],
  needs: ['inferenceExperiments'],
  messages: {
    noKeys: 'Inference experiment {name} sets no KmsKey for its instance storage and no KMS key for the data it captures.',
    noVolumeKey: 'Inference experiment {name} sets no KmsKey for the storage volumes of its instances.',
    noStorageKey: 'Inference experiment {name} captures data to {destination} without a DataStorageConfig.KmsKey.',
  },
  evaluate: ({ inferenceExperiments }, ctx) =>
    inferenceExperiments.map((exp) => {
      const storage = exp.dataStorage;
      const evidence = {
        KmsKey: exp.kmsKey ?? null,
        DataStorageConfig: storage !== undefined,
        'DataStorageConfig.KmsKey': storage?.kmsKey ?? null,
        InstanceTypes: exp.instanceTypes,
      };
      const volumeMissing = !exp.kmsKey;
      const storageMissing = storage !== undefined && !storage.kmsKey;
      if (volumeMissing && storageMissing) return ctx.fail(exp, 'noKeys', {}, evidence);
      if (volumeMissing) return ctx.fail(exp, 'noVolumeKey', {}, evidence);
      if (storageMissing) {
        return ctx.fail(exp, 'noStorageKey', { destination: storage.destination ?? 'S3' }, evidence);
      }
      return ctx.pass(exp, evidence);
    }),
});
