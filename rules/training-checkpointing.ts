import { defineRule } from '../src/engine/rule.js';

/** StoppingCondition.MaxRuntimeInSeconds when a job sets none. */
const DEFAULT_MAX_RUNTIME_SECONDS = 86_400;

export default defineRule({
  id: 'training-checkpointing',
  title: 'Spot and long-running training jobs save checkpoints to S3',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['veracity-robustness'],
  pillars: ['reliability', 'cost'],
  rationale:
    'A spot interruption or an instance failure restarts a job from the beginning unless it wrote checkpoints to S3, ' +
    'wasting the hours already trained. The rule judges managed spot jobs and jobs allowed to run longer than the ' +
    'longRunningHours option (default 12 hours, from MaxRuntimeInSeconds, which defaults to one day); other jobs ' +
    'pass as not applicable, as do jobs launched by AutoML, which cannot set a checkpoint location.',
  remediation: {
    summary:
      'Set CheckpointConfig.S3Uri in the job launcher and have the training script save and resume from ' +
      '/opt/ml/checkpoints (SageMaker Python SDK: Estimator(checkpoint_s3_uri=...)). Training jobs are immutable, so ' +
      'this applies to future jobs.',
    cli:
      'aws sagemaker create-training-job ... ' +
      '--checkpoint-config S3Uri=s3://<bucket>/checkpoints/<job>/,LocalPath=/opt/ml/checkpoints',
  },
  references: [
    'ML Lens MLCOST04-BP10',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-checkpoints.html',
    'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CheckpointConfig.html',
  ],
  needs: ['trainingJobs'],
  options: { longRunningHours: 12 },
  messages: {
    spotWithoutCheckpoint: 'Training job {name} runs on managed spot capacity without a CheckpointConfig S3Uri.',
    longWithoutCheckpoint:
      'Training job {name} may run for {hours} hours (above {limit}) without a CheckpointConfig S3Uri.',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      if (job.autoMlJobArn) return ctx.pass(job, { AutoMLJobArn: job.autoMlJobArn, applicable: false });
      const limitHours = ctx.options.longRunningHours;
      const seconds = job.maxRuntimeSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS;
      const longRunning = seconds > limitHours * 3600;
      const evidence = {
        EnableManagedSpotTraining: job.managedSpot,
        MaxRuntimeInSeconds: job.maxRuntimeSeconds ?? null,
        longRunningHours: limitHours,
        CheckpointS3Uri: job.checkpointS3Uri ?? null,
      };
      if (!job.managedSpot && !longRunning) return ctx.pass(job, { ...evidence, applicable: false });
      if (job.checkpointS3Uri) return ctx.pass(job, evidence);
      if (job.managedSpot) return ctx.fail(job, 'spotWithoutCheckpoint', {}, evidence);
      const hours = Math.round((seconds / 3600) * 10) / 10;
      return ctx.fail(job, 'longWithoutCheckpoint', { hours, limit: limitHours }, evidence);
    }),
});
