import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  id: 'training-managed-spot',
  title: 'Training jobs use managed spot capacity',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['governance'],
  pillars: ['cost'],
  rationale:
    'Managed spot training runs on spare EC2 capacity for up to 90% less than on-demand; SageMaker handles the ' +
    'interruptions and resumes from checkpoints. Jobs launched by AutoML cannot choose spot and are not judged.',
  remediation: {
    summary:
      'Enable managed spot training in the job launcher for jobs that can tolerate a later finish: set ' +
      'EnableManagedSpotTraining with StoppingCondition.MaxWaitTimeInSeconds, and a CheckpointConfig so an ' +
      'interrupted job resumes (SageMaker Python SDK: Estimator(use_spot_instances=True, max_wait=..., ' +
      'checkpoint_s3_uri=...)). Training jobs are immutable, so this applies to future jobs.',
    cli:
      'aws sagemaker create-training-job ... --enable-managed-spot-training ' +
      '--stopping-condition MaxRuntimeInSeconds=86400,MaxWaitTimeInSeconds=172800 ' +
      '--checkpoint-config S3Uri=s3://<bucket>/checkpoints/<job>/',
  },
  references: [
    'ML Lens MLCOST04-BP06',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/model-managed-spot-training.html',
  ],
  needs: ['trainingJobs'],
  messages: {
    onDemand: 'Training job {name} ran on on-demand capacity ({instances} x {instanceType}).',
  },
  evaluate: ({ trainingJobs }, ctx) =>
    trainingJobs.map((job) => {
      // AutoML picks capacity for the training jobs it launches: there is no spot setting to change.
      if (job.autoMlJobArn) return ctx.pass(job, { AutoMLJobArn: job.autoMlJobArn, applicable: false });
      const evidence = {
        EnableManagedSpotTraining: job.managedSpot,
        MaxWaitTimeInSeconds: job.maxWaitSeconds ?? null,
        TrainingTimeInSeconds: job.trainingTimeSeconds ?? null,
        BillableTimeInSeconds: job.billableTimeSeconds ?? null,
      };
      if (job.managedSpot) return ctx.pass(job, evidence);
      const instanceType = job.instanceType ?? (job.usesInstanceGroups ? 'instance groups' : 'unknown type');
      return ctx.fail(job, 'onDemand', { instances: job.instanceCount, instanceType }, evidence);
    }),
});
