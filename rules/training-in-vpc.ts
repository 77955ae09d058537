import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'training-in-vpc',
  title: 'Training jobs run in a VPC',
  severity: 'high',
  kind: 'security',
  phase: 'model-development',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'Without a VpcConfig, training containers run in a SageMaker-managed network and reach S3 and other services ' +
    'over paths you cannot restrict. In your own subnets, security groups, VPC endpoints and endpoint policies ' +
    'decide where training data may come from and go to.',
  remediation: {
    summary:
      'Training jobs are immutable: set VpcConfig (private subnets and security groups, with an S3 VPC endpoint) in ' +
      'the job launcher for future jobs (SageMaker Python SDK: Estimator(subnets=[...], security_group_ids=[...])).',
    cli:
      'aws sagemaker create-training-job ... --vpc-config ' +
      'Subnets=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg-id>',
  },
  references: [
    'ML Lens MLSEC04-BP01',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_VpcConfig.html',
  ],
  needs: ['trainingJobs'],
  messages: {
    noVpc: 'Training job {name} runs outside a VPC (no VpcConfig subnets).',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      const subnets = job.vpc?.subnets ?? [];
      const evidence = { Subnets: subnets, SecurityGroupIds: job.vpc?.securityGroupIds ?? [] };
      // An empty Subnets list is not a VPC: the job has no network interface in one.
      return subnets.length > 0 ? ctx.pass(job, evidence) : ctx.fail(job, 'noVpc', {}, evidence);
    }),
});
