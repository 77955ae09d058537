import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'hpo-strategy-efficient',
  title: 'Tuning jobs search with Bayesian or Hyperband, or grid-search only a small grid',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['governance'],
  pillars: ['cost', 'sustainability'],
  rationale:
    'Bayesian search learns from finished training jobs and Hyperband stops weak candidates early, so both reach a ' +
    'good model with far fewer training jobs than Random search, which ignores earlier results. Grid search trains ' +
    'every combination of its categorical values: that is fine for a small grid, but it grows multiplicatively, so ' +
    'grids of more than the maxGridJobs option (default 20) training jobs fail.',
  remediation: {
    summary:
      'Use Strategy Bayesian (or Hyperband for frameworks that report per-epoch metrics) for new tuning jobs; keep a ' +
      'fixed RandomSeed if reproducibility was the reason for Random search. Tuning jobs are immutable, so this ' +
      'applies to future jobs (SageMaker Python SDK: HyperparameterTuner(strategy="Bayesian")).',
    cli:
      'aws sagemaker create-hyper-parameter-tuning-job --hyper-parameter-tuning-job-name <name> ' +
      '--hyper-parameter-tuning-job-config \'{"Strategy":"Bayesian","ResourceLimits":{"MaxNumberOfTrainingJobs":50,' +
      '"MaxParallelTrainingJobs":5},...}\' --training-job-definition file://definition.json',
  },
  references: [
    'ML Lens MLCOST04-BP11',
    'ML Lens MLSUS04-BP04',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-how-it-works.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTuningJobConfig.html',
  ],
  needs: ['tuningJobs'],
  options: { maxGridJobs: 20 },
  messages: {
    randomSearch: 'Tuning job {name} uses Random search for up to {jobs} training jobs; Bayesian search needs fewer.',
    largeGrid: 'Tuning job {name} grid-searches {jobs} training jobs, more than the {limit} allowed for a grid.',
  },
  evaluate: ({ tuningJobs }, ctx) =>
    tuningJobs.map((job) => {
      const maxJobs = job.resourceLimits.maxNumberOfTrainingJobs;
      const evidence = {
        Strategy: job.strategy,
        MaxNumberOfTrainingJobs: maxJobs ?? null,
        gridSize: job.gridSize ?? null,
      };
      switch (job.strategy) {
        case 'Bayesian':
        case 'Hyperband':
          return ctx.pass(job, evidence);
        case 'Random':
          return ctx.fail(job, 'randomSearch', { jobs: maxJobs ?? 'an unlimited number of' }, evidence);
        case 'Grid': {
          // A grid runs one training job per combination, or fewer if MaxNumberOfTrainingJobs cuts it short.
          const sizes = [maxJobs, job.gridSize].filter((n): n is number => n !== undefined);
          if (sizes.length === 0) {
            const why = 'Not evaluated: the grid has no categorical ranges and no MaxNumberOfTrainingJobs.';
            return ctx.error(job, why, evidence);
          }
          const jobs = Math.min(...sizes);
          const limit = ctx.options.maxGridJobs;
          return jobs <= limit
            ? ctx.pass(job, { ...evidence, maxGridJobs: limit })
            : ctx.fail(job, 'largeGrid', { jobs, limit }, { ...evidence, maxGridJobs: limit });
        }
        default:
          return ctx.error(job, `Not evaluated: unrecognised tuning strategy '${job.strategy}'.`, evidence);
      }
    }),
});
