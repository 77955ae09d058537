import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'hpo-early-stopping',
  title: 'Tuning jobs stop unpromising training jobs early',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['governance'],
  pillars: ['cost', 'sustainability'],
  rationale:
    'With TrainingJobEarlyStoppingType Auto, SageMaker stops a training job whose objective metric is unlikely to ' +
    'beat the jobs already finished, saving compute on every poor candidate. Hyperband has its own early stopping ' +
    'and requires Off, so Hyperband tuning jobs pass.',
  remediation: {
    summary:
      'Set TrainingJobEarlyStoppingType to Auto for new tuning jobs (SageMaker Python SDK: ' +
      'HyperparameterTuner(early_stopping_type="Auto")); the algorithm must emit the objective metric after each ' +
      'epoch, as the built-in algorithms and framework containers do. Tuning jobs are immutable, so this applies to ' +
      'future jobs.',
    cli:
      'aws sagemaker create-hyper-parameter-tuning-job ... --hyper-parameter-tuning-job-config ' +
      '\'{"Strategy":"Bayesian","TrainingJobEarlyStoppingType":"Auto",...}\'',
  },
  references: [
    'ML Lens MLSUS04-BP04',
    'ML Lens MLCOST04-BP11',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-early-stopping.html',
  ],
  needs: ['tuningJobs'],
  messages: {
    earlyStoppingOff:
      'Tuning job {name} ({strategy}) runs every training job to the end: TrainingJobEarlyStoppingType is Off.',
  },
  evaluate: ({ tuningJobs }, ctx) =>
    tuningJobs.map((job) => {
      const evidence = { Strategy: job.strategy, TrainingJobEarlyStoppingType: job.earlyStoppingType };
      if (job.earlyStoppingType === 'Auto') return ctx.pass(job, evidence);
      // CreateHyperParameterTuningJob rejects Auto with Hyperband, which stops weak candidates itself.
      if (job.strategy === 'Hyperband') return ctx.pass(job, { ...evidence, hyperbandEarlyStopping: true });
      return ctx.fail(job, 'earlyStoppingOff', { strategy: job.strategy }, evidence);
    }),
});
