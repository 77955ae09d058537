import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'training-intercontainer-encryption',
  title: 'Distributed training jobs encrypt traffic between containers',
  severity: 'medium',
  kind: 'security',
  phase: 'model-development',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'In distributed training, instances exchange gradients, parameters and sometimes data over the network. ' +
    'Inter-container traffic encryption protects that exchange in transit; a single instance has none to protect.',
  remediation: {
    summary:
      'Training jobs are immutable: set EnableInterContainerTrafficEncryption for future multi-instance jobs in the ' +
      'job launcher (SageMaker Python SDK: Estimator(encrypt_inter_container_traffic=True)). Expect somewhat longer ' +
      'training time.',
    cli: 'aws sagemaker create-training-job ... --enable-inter-container-traffic-encryption',
  },
  references: [
    'ML Lens MLSEC04-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html',
  ],
  needs: ['trainingJobs'],
  messages: {
    iceDisabled: 'Training job {name} runs on {instances} instances without inter-container traffic encryption.',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      if (job.instanceCount <= 1 && !job.usesInstanceGroups) {
        return ctx.pass(job, { instanceCount: job.instanceCount, applicable: false });
      }
      const evidence = {
        EnableInterContainerTrafficEncryption: job.interContainerEncryption,
        InstanceCount: job.instanceCount,
        InstanceGroups: job.usesInstanceGroups,
      };
      return job.interContainerEncryption
        ? ctx.pass(job, evidence)
        : ctx.fail(job, 'iceDisabled', { instances: job.instanceCount }, evidence);
    }),
});
