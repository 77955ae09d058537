import { defineRule } from '../src/engine/rule.js';
import type { TuningTrainingDefinition } from '../src/inventory/model-jobs.js';
import { hasInstanceStore } from './endpoint-config-kms.js';

/** What a training job definition leaves out, in the words the message uses. */
export function definitionGaps(d: TuningTrainingDefinition): string[] {
  const gaps: string[] = [];
  // ResourceConfig rejects VolumeKmsKeyId for instance types with local NVMe storage (hardware-encrypted).
  if (!d.volumeKmsKeyId && !d.instanceTypes.some(hasInstanceStore)) gaps.push('a volume KMS key');
  if (!d.outputKmsKeyId) gaps.push('an output KMS key');
  if (!d.networkIsolation) gaps.push('network isolation');
  if (d.instanceCount > 1 && !d.interContainerEncryption) gaps.push('inter-container traffic encryption');
  if ((d.vpc?.subnets ?? []).length === 0) gaps.push('a VPC');
  return gaps;
}

export default defineRule({
  id: 'hpo-training-def-secure',
  title: 'Tuning job training definitions encrypt, isolate and run in a VPC',
  severity: 'medium',
  kind: 'security',
  phase: 'model-development',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Every training job a tuning job launches inherits its training definition, so one unprotected definition ' +
    'multiplies into dozens of unprotected jobs over the same data. Each definition should set volume and output ' +
    'KMS keys, network isolation, a VPC, and inter-container encryption when it uses more than one instance.',
  remediation: {
    summary:
      'Tuning jobs are immutable: in the tuner launcher, set ResourceConfig.VolumeKmsKeyId (not possible on ' +
      'instance types with local NVMe storage), OutputDataConfig.KmsKeyId, EnableNetworkIsolation, VpcConfig and, ' +
      'for multi-instance training, EnableInterContainerTrafficEncryption; with the SageMaker Python SDK these come ' +
      'from the estimator passed to HyperparameterTuner.',
    cli:
      'aws sagemaker create-hyper-parameter-tuning-job ... --training-job-definition ' +
      '\'{"EnableNetworkIsolation":true,"EnableInterContainerTrafficEncryption":true,' +
      '"VpcConfig":{"Subnets":["<subnet>"],"SecurityGroupIds":["<sg>"]},' +
      '"OutputDataConfig":{"S3OutputPath":"s3://<bucket>/","KmsKeyId":"<key-arn>"},' +
      '"ResourceConfig":{"InstanceType":"ml.m5.xlarge","InstanceCount":1,"VolumeSizeInGB":30,' +
      '"VolumeKmsKeyId":"<key-arn>"},...}\'',
  },
  references: [
    'ML Lens MLSEC04-BP01',
    'ML Lens MLSEC04-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTrainingJobDefinition.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-ex-tuning-job.html',
  ],
  needs: ['tuningJobs'],
  messages: {
    insecureDefinition: 'Tuning job {name} launches training jobs without {gaps}.',
  },
  evaluate: ({ tuningJobs }, ctx) =>
    tuningJobs.map((job) => {
      if (job.trainingDefinitions.length === 0) {
        return ctx.error(job, 'Not evaluated: DescribeHyperParameterTuningJob returned no training job definition.');
      }
      const byDefinition = job.trainingDefinitions.map((d, i) => ({
        label: d.name ?? (job.trainingDefinitions.length > 1 ? `definition ${i + 1}` : 'TrainingJobDefinition'),
        gaps: definitionGaps(d),
      }));
      const evidence = {
        definitions: byDefinition.map(
          (d) => `${d.label}: ${d.gaps.length === 0 ? 'ok' : `missing ${d.gaps.join(', ')}`}`,
        ),
      };
      const insecure = byDefinition.filter((d) => d.gaps.length > 0);
      if (insecure.length === 0) return ctx.pass(job, evidence);
      const gaps =
        job.trainingDefinitions.length === 1
          ? (insecure[0]?.gaps ?? []).join(', ')
          : insecure.map((d) => `${d.gaps.join(', ')} (${d.label})`).join('; ');
      return ctx.fail(job, 'insecureDefinition', { gaps }, evidence);
    }),
});
