import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'training-experiment-tracked',
  title: 'Training jobs are recorded in a SageMaker experiment',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['transparency'],
  pillars: ['operational-excellence'],
  rationale:
    'An ExperimentConfig ties a training job to an experiment and run, so its parameters, metrics and artifacts can ' +
    'be compared and a deployed model traced back to how it was trained. Jobs launched by a tuning job or by AutoML ' +
    'are tracked by their parent automatically.',
  remediation: {
    summary:
      'Pass an ExperimentConfig (ExperimentName and RunName, or TrialName) when starting training jobs; with the ' +
      'SageMaker Python SDK, run the estimator inside `with Run(experiment_name=..., run_name=...)`. Training jobs ' +
      'are immutable, so this applies to future jobs.',
    cli: 'aws sagemaker create-training-job ... --experiment-config ExperimentName=<experiment>,RunName=<run>',
  },
  references: [
    'ML Lens MLOPS02-BP04',
    'ML Lens MLOPS03-BP02',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/experiments.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ExperimentConfig.html',
  ],
  needs: ['trainingJobs'],
  messages: {
    notTracked: 'Training job {name} has no ExperimentConfig: it is not recorded in any experiment.',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      const e = job.experiment;
      const evidence = {
        ExperimentName: e?.experimentName ?? null,
        TrialName: e?.trialName ?? null,
        RunName: e?.runName ?? null,
      };
      if (e?.experimentName || e?.trialName || e?.runName) return ctx.pass(job, evidence);
      // Tuning and AutoML jobs create experiment trial components for every training job they launch.
      if (job.tuningJobArn) return ctx.pass(job, { ...evidence, TuningJobArn: job.tuningJobArn });
      if (job.autoMlJobArn) return ctx.pass(job, { ...evidence, AutoMLJobArn: job.autoMlJobArn });
      return ctx.fail(job, 'notTracked', {}, evidence);
    }),
});
