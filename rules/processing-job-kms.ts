import { defineRule } from '../src/engine/rule.js';
import { hasInstanceStore } from './endpoint-config-kms.js';

export default defineRule({
  id: 'processing-job-kms',
  title: 'Processing jobs encrypt their storage volumes and S3 outputs with a KMS key',
  severity: 'high',
  kind: 'security',
  phase: 'data-processing',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Processing jobs copy raw data onto their ML storage volumes and write features, statistics and reports to S3. ' +
    'Setting a KMS key for both keeps that data under keys you control and audit. Jobs SageMaker launches for a ' +
    'monitoring schedule, for Debugger rules or for AutoML take their settings from their parent and are not judged ' +
    'here.',
  remediation: {
    summary:
      'Processing jobs are immutable: set ProcessingResources.ClusterConfig.VolumeKmsKeyId (not possible on instance ' +
      'types with local NVMe storage) and ProcessingOutputConfig.KmsKeyId in the job launcher for future jobs ' +
      '(SageMaker Python SDK: Processor(volume_kms_key=..., output_kms_key=...)).',
    cli:
      'aws sagemaker create-processing-job ... --processing-resources ' +
      '\'{"ClusterConfig":{"InstanceCount":1,"InstanceType":"ml.m5.xlarge","VolumeSizeInGB":30,' +
      '"VolumeKmsKeyId":"<key-arn>"}}\' ' +
      '--processing-output-config \'{"Outputs":[...],"KmsKeyId":"<key-arn>"}\'',
  },
  references: [
    'ML Lens MLSEC03-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingClusterConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingOutputConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html',
  ],
  needs: ['processingJobs'],
  messages: {
    noVolumeKey: 'Processing job {name} sets no VolumeKmsKeyId for its ML storage volumes.',
    noOutputKey: 'Processing job {name} writes {outputs} S3 output(s) without a ProcessingOutputConfig KmsKeyId.',
    noKeys: 'Processing job {name} sets neither a VolumeKmsKeyId nor an output KmsKeyId.',
  },
  evaluate: ({ processingJobs }, ctx) =>
    processingJobs
      // Monitoring executions follow their job definition (monitor-job-kms), Debugger rule evaluations have no key
      // setting, and AutoML's follow the AutoML job's SecurityConfig (automl-job-secure).
      .filter((job) => !job.monitoringScheduleArn && !job.trainingJobArn && !job.autoMlJobArn)
      .map((job) => {
        const evidence = {
          VolumeKmsKeyId: job.volumeKmsKeyId ?? null,
          OutputKmsKeyId: job.outputKmsKeyId ?? null,
          S3Outputs: job.s3OutputCount,
          InstanceType: job.instanceType ?? null,
        };
        const volumeMissing = !job.volumeKmsKeyId && !(job.instanceType && hasInstanceStore(job.instanceType));
        // With no S3 output there is nothing for the output key to encrypt.
        const outputMissing = !job.outputKmsKeyId && job.s3OutputCount > 0;
        if (volumeMissing && outputMissing) return ctx.fail(job, 'noKeys', {}, evidence);
        if (volumeMissing) return ctx.fail(job, 'noVolumeKey', {}, evidence);
        if (outputMissing) return ctx.fail(job, 'noOutputKey', { outputs: job.s3OutputCount }, evidence);
        return ctx.pass(job, evidence);
      }),
});
