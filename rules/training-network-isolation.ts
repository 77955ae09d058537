import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'training-network-isolation',
  title: 'Training jobs run with network isolation',
  severity: 'high',
  kind: 'security',
  phase: 'model-development',
  dimensions: ['privacy-security'],
  pillars: ['security'],
  rationale:
    'A training container sees the training data and runs third-party code (frameworks, packages, marketplace ' +
    'algorithms). Network isolation blocks all its outbound calls, so that code cannot send the data anywhere.',
  remediation: {
    summary:
      'Training jobs are immutable: set EnableNetworkIsolation for future jobs in the job launcher (SageMaker Python ' +
      'SDK: Estimator(enable_network_isolation=True)) and bake dependencies into the image or the source bundle, ' +
      'since the container can no longer download them.',
    cli: 'aws sagemaker create-training-job ... --enable-network-isolation',
  },
  references: [
    'ML Lens MLSEC04-BP01',
    'ML Lens MLSEC04-BP03',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html',
  ],
  needs: ['trainingJobs'],
  messages: {
    isolationDisabled: 'Training job {name} has network isolation disabled.',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      const evidence = { EnableNetworkIsolation: job.networkIsolation };
      return job.networkIsolation ? ctx.pass(job, evidence) : ctx.fail(job, 'isolationDisabled', {}, evidence);
    }),
});
