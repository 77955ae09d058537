/** Inventory types of the jobs group: see model.ts for the conventions every item follows. */
import type { ResourceBase } from './model.js';
import { sagemakerSlice, type SliceInfo } from './slice-info.js';

/** A VpcConfig, as training jobs record it. */
export interface JobVpc {
  subnets: string[];
  securityGroupIds: string[];
}

/**
 * One training job definition of a tuning job (the single TrainingJobDefinition, or one of TrainingJobDefinitions[]),
 * with the fields every training job it launches inherits.
 */
export interface TuningTrainingDefinition {
  /** DefinitionName; absent for the single TrainingJobDefinition form. */
  name?: string;
  trainingImage?: string;
  /** A built-in or Marketplace algorithm, used instead of a training image. */
  algorithmName?: string;
  volumeKmsKeyId?: string;
  outputKmsKeyId?: string;
  networkIsolation: boolean;
  interContainerEncryption: boolean;
  vpc?: JobVpc;
  /**
   * ResourceConfig.InstanceType, or every candidate of HyperParameterTuningResourceConfig.InstanceConfigs (the
   * tuning job picks one per training job).
   */
  instanceTypes: string[];
  /** Instances per training job: the largest count any candidate configuration asks for. */
  instanceCount: number;
  managedSpot: boolean;
}

export interface TuningJob extends ResourceBase {
  status: string;
  creationTime: string;
  /** `Bayesian`, `Random`, `Hyperband` or `Grid`. */
  strategy: string;
  /** HyperbandStrategyConfig, present when the strategy is Hyperband and it was configured. */
  hyperband?: { minResource?: number; maxResource?: number };
  /** `Auto` or `Off` (the API default when absent). */
  earlyStoppingType: string;
  resourceLimits: { maxNumberOfTrainingJobs?: number; maxParallelTrainingJobs?: number; maxRuntimeSeconds?: number };
  /** TuningJobCompletionCriteria was set (target metric, best objective not improving, or convergence). */
  completionCriteria: boolean;
  /**
   * Distinct combinations of the categorical parameter ranges, summed over the training definitions: the number of
   * training jobs a Grid search runs (Grid accepts only categorical ranges). Absent when no categorical range is set.
   */
  gridSize?: number;
  warmStart?: { type?: string; parents: string[] };
  trainingDefinitions: TuningTrainingDefinition[];
}

export interface ProcessingJob extends ResourceBase {
  status: string;
  creationTime: string;
  roleArn?: string;
  imageUri?: string;
  volumeKmsKeyId?: string;
  outputKmsKeyId?: string;
  /** ProcessingOutputConfig.Outputs that write to S3 (the ones OutputKmsKeyId encrypts). */
  s3OutputCount: number;
  networkIsolation: boolean;
  interContainerEncryption: boolean;
  vpc?: JobVpc;
  instanceType?: string;
  instanceCount: number;
  /** Set when SageMaker launched the job for a monitoring schedule, a training job (Debugger rules) or AutoML. */
  monitoringScheduleArn?: string;
  trainingJobArn?: string;
  autoMlJobArn?: string;
}

export interface TransformJob extends ResourceBase {
  status: string;
  creationTime: string;
  modelName?: string;
  volumeKmsKeyId?: string;
  outputKmsKeyId?: string;
  instanceType?: string;
  instanceCount: number;
  /** Set when AutoML launched the job (candidate evaluation); its keys come from the AutoML job. */
  autoMlJobArn?: string;
}

export interface AutoMlJob extends ResourceBase {
  status: string;
  creationTime: string;
  roleArn?: string;
  /** SecurityConfig, normalised: an absent SecurityConfig is no encryption, no key and no VPC. */
  securityConfig: { interContainerEncryption: boolean; volumeKmsKeyId?: string; vpc?: JobVpc };
  outputKmsKeyId?: string;
}

export interface JobSliceItems {
  tuningJobs: TuningJob;
  processingJobs: ProcessingJob;
  transformJobs: TransformJob;
  autoMlJobs: AutoMlJob;
}

export const JOB_SLICES: { [K in keyof JobSliceItems]: SliceInfo } = {
  tuningJobs: sagemakerSlice('AWS::SageMaker::HyperParameterTuningJob', 'HyperParameterTuningJob'),
  processingJobs: sagemakerSlice('AWS::SageMaker::ProcessingJob', 'ProcessingJob'),
  transformJobs: sagemakerSlice('AWS::SageMaker::TransformJob', 'TransformJob'),
  // DescribeAutoMLJobV2 describes jobs created with CreateAutoMLJob as well as CreateAutoMLJobV2.
  autoMlJobs: sagemakerSlice('AWS::SageMaker::AutoMLJob', 'AutoMLJob', { describeOperation: 'DescribeAutoMLJobV2' }),
};
