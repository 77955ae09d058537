import { defineRule } from '../src/engine/rule.js';

/** StoppingCondition.MaxRuntimeInSeconds when a job sets none. */
const DEFAULT_MAX_RUNTIME_SECONDS = 86_400;

export default defineRule({
  id: 'training-stopping-condition',
  title: 'Training jobs cap their runtime within the policy limit',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['controllability'],
  pillars: ['cost'],
  rationale:
    'MaxRuntimeInSeconds is the only hard stop on a training job that hangs, loops or diverges: SageMaker allows ' +
    'up to 28 days, and every hour is billed. The rule fails jobs whose cap exceeds the maxRuntimeHours option ' +
    '(default 72 hours); a job without a cap gets the API default of one day. Jobs launched by AutoML are capped by ' +
    'the AutoML job and are not judged.',
  remediation: {
    summary:
      'Set StoppingCondition.MaxRuntimeInSeconds to the longest run you expect plus a margin (SageMaker Python SDK: ' +
      'Estimator(max_run=...)); for runs that truly need longer, raise the maxRuntimeHours option for this rule. ' +
      'Training jobs are immutable, so this applies to future jobs.',
    cli: 'aws sagemaker create-training-job ... --stopping-condition MaxRuntimeInSeconds=86400',
  },
  references: [
    'ML Lens MLCOST04-BP08',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StoppingCondition.html',
  ],
  needs: ['trainingJobs'],
  options: { maxRuntimeHours: 72 },
  messages: {
    runtimeTooLong:
      'Training job {name} may run for {hours} hours (MaxRuntimeInSeconds {seconds}), above the {limit}-hour limit.',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      if (job.autoMlJobArn) return ctx.pass(job, { AutoMLJobArn: job.autoMlJobArn, applicable: false });
      const limitHours = ctx.options.maxRuntimeHours;
      const seconds = job.maxRuntimeSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS;
      const evidence = {
        MaxRuntimeInSeconds: job.maxRuntimeSeconds ?? null,
        effectiveMaxRuntimeSeconds: seconds,
        maxRuntimeHours: limitHours,
        TrainingTimeInSeconds: job.trainingTimeSeconds ?? null,
      };
      if (seconds <= limitHours * 3600) return ctx.pass(job, evidence);
      const hours = Math.round((seconds / 3600) * 10) / 10;
      return ctx.fail(job, 'runtimeTooLong', { hours, seconds, limit: limitHours }, evidence);
    }),
});
