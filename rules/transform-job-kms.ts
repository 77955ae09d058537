import { defineRule } from '../src/engine/rule.js';
import { hasInstanceStore } from './endpoint-config-kms.js';

export default defineRule({
  id: 'transform-job-kms',
  title: 'Batch transform jobs encrypt their storage volumes and output with a KMS key',
  severity: 'high',
  kind: 'security',
  phase: 'deployment',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'A batch transform job reads a whole dataset onto its instances and writes a prediction for every record to S3: ' +
    'often the most sensitive output of a model. Setting a KMS key for the volumes and the output keeps both under ' +
    'keys you control and audit. Transform jobs launched by AutoML follow the AutoML job and are not judged here.',
  remediation: {
    summary:
      'Transform jobs are immutable: set TransformResources.VolumeKmsKeyId (not possible on instance types with ' +
      'local NVMe storage) and TransformOutput.KmsKeyId for future jobs (SageMaker Python SDK: ' +
      'Transformer(volume_kms_key=..., output_kms_key=...)).',
    cli:
      'aws sagemaker create-transform-job ... --transform-resources ' +
      'InstanceType=ml.m5.xlarge,InstanceCount=1,VolumeKmsKeyId=<key-arn> ' +
      '--transform-output S3OutputPath=s3://<bucket>/<prefix>,KmsKeyId=<key-arn>',
  },
  references: [
    'ML Lens MLSEC02-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TransformResources.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TransformOutput.html',
  ],
  needs: ['transformJobs'],
  messages: {
    noVolumeKey: 'Transform job {name} sets no VolumeKmsKeyId for its ML storage volumes.',
    noOutputKey: 'Transform job {name} writes its predictions without a TransformOutput KmsKeyId.',
    noKeys: 'Transform job {name} sets neither a VolumeKmsKeyId nor a TransformOutput KmsKeyId.',
  },
  evaluate: ({ transformJobs }, ctx) =>
    transformJobs
      .filter((job) => !job.autoMlJobArn)
      .map((job) => {
        const evidence = {
          VolumeKmsKeyId: job.volumeKmsKeyId ?? null,
          OutputKmsKeyId: job.outputKmsKeyId ?? null,
          InstanceType: job.instanceType ?? null,
        };
        const volumeMissing = !job.volumeKmsKeyId && !(job.instanceType && hasInstanceStore(job.instanceType));
        const outputMissing = !job.outputKmsKeyId;
        if (volumeMissing && outputMissing) return ctx.fail(job, 'noKeys', {}, evidence);
        if (volumeMissing) return ctx.fail(job, 'noVolumeKey', {}, evidence);
        if (outputMissing) return ctx.fail(job, 'noOutputKey', {}, evidence);
        return ctx.pass(job, evidence);
      }),
});
