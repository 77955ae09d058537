import { describeCollectionError } from '../src/engine/evaluate.js';
import { defineRule } from '../src/engine/rule.js';
import type { ProcessingJob } from '../src/inventory/model-jobs.js';

/** Clarify runs as a processing job with this image, whatever the analysis (bias or explainability). */
const CLARIFY_IMAGE = 'sagemaker-clarify-processing';
/** A failed or stopped Clarify job produced no report. */
const USEFUL_STATUSES = new Set(['Completed', 'InProgress']);

export function isClarifyAnalysis(job: ProcessingJob): boolean {
  return (
    (job.imageUri ?? '').toLowerCase().includes(CLARIFY_IMAGE) &&
    // Bias and explainability monitors run Clarify on a schedule against live traffic: post-training monitoring,
    // not an analysis of the training data.
    !job.monitoringScheduleArn &&
    USEFUL_STATUSES.has(job.status)
  );
}

export default defineRule({
  id: 'clarify-pretraining-bias',
  title: 'Regions that train models also run SageMaker Clarify bias analysis',
  severity: 'low',
  kind: 'practice',
  phase: 'model-development',
  dimensions: ['fairness'],
  pillars: ['operational-excellence'],
  rationale:
    'Bias in the training data (class imbalance, under-represented groups) becomes bias in the model. A SageMaker ' +
    'Clarify job measures it before and after training and leaves a report reviewers can check. The rule judges each ' +
    'region with training jobs in the scanned window: it passes when a Clarify processing job (not one run by a ' +
    'monitoring schedule) completed or is running there. The analysis configuration lives in S3, so bias and ' +
    'explainability runs are not told apart.',
  remediation: {
    summary:
      'Run a Clarify pre-training bias analysis on each training dataset, ideally as a ClarifyCheck step in the ' +
      'training pipeline (SageMaker Python SDK: SageMakerClarifyProcessor.run_pre_training_bias(...)); or from ' +
      'SageMaker Studio > Data Wrangler > Add analysis > Bias report.',
    console:
      'SageMaker Studio > Data Wrangler > (flow) > Add analysis > Bias report; or Pipelines > ClarifyCheck step.',
    cli:
      'aws sagemaker create-processing-job --processing-job-name <name> --role-arn <role> ' +
      '--app-specification ImageUri=<region-account>.dkr.ecr.<region>.amazonaws.com/sagemaker-clarify-processing:1.0 ' +
      '--processing-inputs file://clarify-inputs.json --processing-output-config file://clarify-output.json ' +
      '--processing-resources file://resources.json',
  },
  references: [
    'ML Lens MLREL03-BP04',
    'ML Lens MLOPS02-BP06',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-detect-data-bias.html',
    'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-processing-job-run.html',
  ],
  // processingJobs first: the engine reports per-resource Describe errors of the first slice, and a processing job
  // that could not be described might be the Clarify job.
  needs: ['processingJobs', 'trainingJobs'],
  messages: {
    noClarify: 'Region {region} ran {trainingJobs} training job(s) but no SageMaker Clarify analysis.',
  },
  evaluate: ({ processingJobs, trainingJobs }, ctx) =>
    ctx.regions.flatMap((region) => {
      const account = ctx.accountResource(region);
      const training = trainingJobs.filter((j) => j.region === region);
      const trainingGap = ctx.gap('trainingJobs', region);
      if (training.length === 0) {
        if (!trainingGap) return []; // No training here: nothing to judge.
        // A failed List leaves it unknown whether the region trains; a failed Describe proves it does.
        if (trainingGap.resourceArn === undefined) {
          return [ctx.error(account, `Not evaluated: ${describeCollectionError(trainingGap)}.`)];
        }
      }
      // Only a failed Describe can leave a region with training jobs but none read.
      const trainingCount = training.length > 0 ? String(training.length) : 'at least one';
      const clarify = processingJobs.filter((j) => j.region === region && isClarifyAnalysis(j));
      const evidence = {
        TrainingJobs: training.length,
        ClarifyJobs: clarify.map((j) => `${j.name} (${j.status})`),
      };
      if (clarify.length > 0) return [ctx.pass(account, evidence)];
      // Absence of a Clarify job is only a finding if every processing job in the region was read.
      const processingGap = ctx.gap('processingJobs', region);
      if (processingGap) {
        return [ctx.error(account, `Not evaluated: ${describeCollectionError(processingGap)}.`, evidence)];
      }
      return [ctx.fail(account, 'noClarify', { region, trainingJobs: trainingCount }, evidence)];
    }),
});
