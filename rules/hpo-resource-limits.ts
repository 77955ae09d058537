import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'hpo-resource-limits',
  title: 'Tuning jobs cap the number of training jobs they may launch',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['controllability'],
  pillars: ['cost'],
  rationale:
    'ResourceLimits is the budget of a tuning job: without MaxNumberOfTrainingJobs or MaxRuntimeInSeconds it runs ' +
    'until its completion criteria (if any) are met, and a large cap multiplies the cost of one training job by ' +
    'hundreds. The rule fails tuning jobs that may launch more than the maxTrainingJobs option (default 500) ' +
    'training jobs, and those with no job or time cap at all (a Grid search is capped by its grid).',
  remediation: {
    summary:
      'Set ResourceLimits.MaxNumberOfTrainingJobs to a deliberate budget (tens, not thousands, for most searches), ' +
      'add MaxRuntimeInSeconds, and consider TuningJobCompletionCriteria (BestObjectiveNotImproving or ' +
      'ConvergenceDetected) to stop once the search stops improving. Raise maxTrainingJobs for this rule where a ' +
      'larger search is intended. Tuning jobs are immutable, so this applies to future jobs.',
    cli:
      'aws sagemaker create-hyper-parameter-tuning-job ... --hyper-parameter-tuning-job-config ' +
      '\'{"ResourceLimits":{"MaxNumberOfTrainingJobs":50,"MaxParallelTrainingJobs":5,"MaxRuntimeInSeconds":86400},' +
      '"TuningJobCompletionCriteria":{"BestObjectiveNotImproving":{"MaxNumberOfTrainingJobsNotImproving":10}},...}\'',
  },
  references: [
    'ML Lens MLCOST04-BP11',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceLimits.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-progress.html',
  ],
  needs: ['tuningJobs'],
  options: { maxTrainingJobs: 500 },
  messages: {
    tooManyJobs: 'Tuning job {name} may launch {jobs} training jobs, more than the limit of {limit}.',
    unbounded: 'Tuning job {name} sets neither MaxNumberOfTrainingJobs nor MaxRuntimeInSeconds.',
  },
  evaluate: ({ tuningJobs }, ctx) =>
    tuningJobs.map((job) => {
      const limits = job.resourceLimits;
      const limit = ctx.options.maxTrainingJobs;
      // Grid search runs one training job per combination when MaxNumberOfTrainingJobs is left out.
      const jobs = limits.maxNumberOfTrainingJobs ?? (job.strategy === 'Grid' ? job.gridSize : undefined);
      const evidence = {
        Strategy: job.strategy,
        MaxNumberOfTrainingJobs: limits.maxNumberOfTrainingJobs ?? null,
        MaxParallelTrainingJobs: limits.maxParallelTrainingJobs ?? null,
        MaxRuntimeInSeconds: limits.maxRuntimeSeconds ?? null,
        TuningJobCompletionCriteria: job.completionCriteria,
        maxTrainingJobs: limit,
      };
      if (jobs !== undefined && jobs > limit) return ctx.fail(job, 'tooManyJobs', { jobs, limit }, evidence);
      if (jobs === undefined && limits.maxRuntimeSeconds === undefined) return ctx.fail(job, 'unbounded', {}, evidence);
      return ctx.pass(job, evidence);
    }),
});
