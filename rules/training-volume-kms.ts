import { defineRule } from '../src/engine/rule.js';
import { hasInstanceStore } from './endpoint-config-kms.js';

export default defineRule({
  id: 'training-volume-kms',
  title: 'Training jobs encrypt their ML storage volumes with a KMS key',
  severity: 'high',
  kind: 'security',
  phase: 'model-development',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'The storage volumes of training instances hold a full copy of the training data, checkpoints and the model ' +
    'while the job runs. Encrypting them with your own KMS key keeps that data under keys you control and audit.',
  remediation: {
    summary:
      'Training jobs are immutable: set VolumeKmsKeyId in the job launcher for future jobs (SageMaker Python SDK: ' +
      'Estimator(volume_kms_key=...); pipelines and HPO definitions likewise). Instance types with local NVMe storage ' +
      'cannot take a key (their disks are hardware-encrypted) and are reported as not applicable.',
    cli:
      'aws sagemaker create-training-job ... --resource-config ' +
      'InstanceType=ml.m5.xlarge,InstanceCount=1,VolumeSizeInGB=50,VolumeKmsKeyId=<key-arn>',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html',
  ],
  needs: ['trainingJobs'],
  messages: {
    noVolumeKey: 'Training job {name} sets no VolumeKmsKeyId for its ML storage volumes.',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      if (job.volumeKmsKeyId) return ctx.pass(job, { VolumeKmsKeyId: job.volumeKmsKeyId });
      // ResourceConfig rejects VolumeKmsKeyId on instance types with local NVMe storage (see hasInstanceStore).
      if (job.instanceType && hasInstanceStore(job.instanceType)) {
        return ctx.pass(job, { VolumeKmsKeyId: null, instanceStore: true, InstanceType: job.instanceType });
      }
      return ctx.fail(job, 'noVolumeKey', {}, { VolumeKmsKeyId: null, InstanceType: job.instanceType ?? null });
    }),
});
