import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'automl-job-secure',
  title: 'AutoML jobs encrypt volumes and inter-container traffic and run in a VPC',
  severity: 'medium',
  kind: 'security',
  phase: 'model-development',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'An AutoML job launches dozens of processing, training and transform jobs over the same data, all of which take ' +
    'their protection from its SecurityConfig: a volume KMS key, inter-container traffic encryption and a VPC. ' +
    'Without it, every one of those jobs runs unencrypted and outside your network.',
  remediation: {
    summary:
      'AutoML jobs are immutable: set SecurityConfig (VolumeKmsKeyId, EnableInterContainerTrafficEncryption, ' +
      'VpcConfig) when creating future jobs (SageMaker Python SDK: AutoMLV2(volume_kms_key=..., ' +
      'encrypt_inter_container_traffic=True, vpc_config=...); SageMaker Canvas: the domain\'s VPC and encryption ' +
      'settings).',
    cli:
      'aws sagemaker create-auto-ml-job-v2 ... --security-config ' +
      '\'{"VolumeKmsKeyId":"<key-arn>","EnableInterContainerTrafficEncryption":true,' +
      '"VpcConfig":{"Subnets":["<subnet>"],"SecurityGroupIds":["<sg>"]}}\'',
  },
  references: [
    'ML Lens MLSEC04-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLSecurityConfig.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJobV2.html',
  ],
  needs: ['autoMlJobs'],
  messages: {
    insecure: 'AutoML job {name} runs without {gaps}.',
  },
  evaluate: ({ autoMlJobs }, ctx) =>
    autoMlJobs.map((job) => {
      const s = job.securityConfig;
      const subnets = s.vpc?.subnets ?? [];
      const evidence = {
        VolumeKmsKeyId: s.volumeKmsKeyId ?? null,
        EnableInterContainerTrafficEncryption: s.interContainerEncryption,
        Subnets: subnets,
        OutputKmsKeyId: job.outputKmsKeyId ?? null,
      };
      const gaps = [
        ...(s.volumeKmsKeyId ? [] : ['a volume KMS key']),
        ...(s.interContainerEncryption ? [] : ['inter-container traffic encryption']),
        ...(subnets.length > 0 ? [] : ['a VPC']),
      ];
      if (gaps.length === 0) return ctx.pass(job, evidence);
      return ctx.fail(job, 'insecure', { gaps: gaps.join(', ') }, evidence);
    }),
});
