/**
 * Builders for the jobs group's inventory items. Defaults PASS every rule, with one caveat: hpo-warm-start wants a
 * later tuning job of the same training image in the same region to warm-start from an earlier one, so a test
 * with several default tuning jobs gives each its own image or warm start. And clarify-pretraining-bias judges a
 * region: a region with training jobs passes only with a `clarifyJob()` in it.
 * Names say the expected outcome: `hpo-pass`, `pj-fail-no-volume-key`.
 */
import type {
  AutoMlJob,
  ProcessingJob,
  TransformJob,
  TuningJob,
  TuningTrainingDefinition,
} from '../../src/inventory/model-jobs.js';
import { kmsKeyArn, REGION, roleArn, sagemakerArn } from './builders.js';

type Overrides<T> = Partial<T>;

/** A fixed instant well before COLLECTED_AT. */
const CREATED_AT = '2026-02-10T08:00:00.000Z';
const SUBNETS = ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'];
const SECURITY_GROUPS = ['sg-0123456789abcdef0'];

export const XGBOOST_IMAGE = `683313688378.dkr.ecr.${REGION}.amazonaws.com/sagemaker-xgboost:1.7-1`;
export const PYTORCH_IMAGE = `763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.3-gpu-py311`;
export const CLARIFY_IMAGE = `205585389593.dkr.ecr.${REGION}.amazonaws.com/sagemaker-clarify-processing:1.0`;
export const SKLEARN_IMAGE = `683313688378.dkr.ecr.${REGION}.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3`;

function withArn<T extends { arn: string; name: string; region: string }>(
  item: T,
  overrides: { arn?: string },
  type: string,
): T {
  return { ...item, arn: overrides.arn ?? sagemakerArn(type, item.name, item.region) };
}

export function tuningDefinition(overrides: Overrides<TuningTrainingDefinition> = {}): TuningTrainingDefinition {
  return {
    trainingImage: XGBOOST_IMAGE,
    volumeKmsKeyId: kmsKeyArn(),
    outputKmsKeyId: kmsKeyArn(),
    networkIsolation: true,
    interContainerEncryption: true,
    vpc: { subnets: SUBNETS, securityGroupIds: SECURITY_GROUPS },
    instanceTypes: ['ml.m5.xlarge'],
    instanceCount: 1,
    managedSpot: true,
    ...overrides,
  };
}

export function tuningJob(overrides: Overrides<TuningJob> = {}): TuningJob {
  const item: TuningJob = {
    arn: '',
    name: 'hpo-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::HyperParameterTuningJob',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'Completed',
    creationTime: CREATED_AT,
    strategy: 'Bayesian',
    earlyStoppingType: 'Auto',
    resourceLimits: { maxNumberOfTrainingJobs: 50, maxParallelTrainingJobs: 5, maxRuntimeSeconds: 86_400 },
    completionCriteria: true,
    trainingDefinitions: [tuningDefinition()],
    ...overrides,
  };
  return withArn(item, overrides, 'hyper-parameter-tuning-job');
}

export function processingJob(overrides: Overrides<ProcessingJob> = {}): ProcessingJob {
  const item: ProcessingJob = {
    arn: '',
    name: 'pj-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::ProcessingJob',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'Completed',
    creationTime: CREATED_AT,
    roleArn: roleArn(),
    imageUri: SKLEARN_IMAGE,
    volumeKmsKeyId: kmsKeyArn(),
    outputKmsKeyId: kmsKeyArn(),
    s3OutputCount: 1,
    networkIsolation: true,
    interContainerEncryption: true,
    vpc: { subnets: SUBNETS, securityGroupIds: SECURITY_GROUPS },
    instanceType: 'ml.m5.xlarge',
    instanceCount: 1,
    ...overrides,
  };
  return withArn(item, overrides, 'processing-job');
}

/** A completed SageMaker Clarify job (bias or explainability analysis), run by hand or by a pipeline. */
export function clarifyJob(overrides: Overrides<ProcessingJob> = {}): ProcessingJob {
  return processingJob({ name: 'clarify-pass', imageUri: CLARIFY_IMAGE, ...overrides });
}

export function transformJob(overrides: Overrides<TransformJob> = {}): TransformJob {
  const item: TransformJob = {
    arn: '',
    name: 'tf-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::TransformJob',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'Completed',
    creationTime: CREATED_AT,
    modelName: 'model-pass',
    volumeKmsKeyId: kmsKeyArn(),
    outputKmsKeyId: kmsKeyArn(),
    instanceType: 'ml.m5.xlarge',
    instanceCount: 1,
    ...overrides,
  };
  return withArn(item, overrides, 'transform-job');
}

export function autoMlJob(overrides: Overrides<AutoMlJob> = {}): AutoMlJob {
  const item: AutoMlJob = {
    arn: '',
    name: 'automl-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::AutoMLJob',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'Completed',
    creationTime: CREATED_AT,
    roleArn: roleArn(),
    securityConfig: {
      interContainerEncryption: true,
      volumeKmsKeyId: kmsKeyArn(),
      vpc: { subnets: SUBNETS, securityGroupIds: SECURITY_GROUPS },
    },
    outputKmsKeyId: kmsKeyArn(),
    ...overrides,
  };
  return withArn(item, overrides, 'automl-job');
}
