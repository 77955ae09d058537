/** Inventory types of the governance group: see model.ts for the conventions every item follows. */
import type { ResourceBase } from './model.js';
import { sagemakerSlice, type SliceInfo } from './slice-info.js';

/** A model registry group, from its ListModelPackageGroups summary (the summary holds all we read). */
export interface ModelPackageGroup extends ResourceBase {
  /** `Pending`, `InProgress`, `Completed`, `Failed`, `Deleting` or `DeleteFailed`. */
  status: string;
  creationTime: string;
  description?: string;
}

/** Which kinds of ModelMetrics a package registers (a kind counts when any of its reports is attached). */
export interface ModelPackageMetrics {
  /** ModelMetrics.ModelQuality.Statistics or .Constraints. */
  modelQuality: boolean;
  /** ModelMetrics.ModelDataQuality.Statistics or .Constraints. */
  modelDataQuality: boolean;
  /** ModelMetrics.Bias.Report, .PreTrainingReport or .PostTrainingReport. */
  bias: boolean;
  /** ModelMetrics.Explainability.Report. */
  explainability: boolean;
}

/**
 * A versioned model package (one version in a registry group). Only the newest versions of each group are described
 * (see the collector): `latestInGroup` marks the newest one when the listing was read.
 */
export interface ModelPackage extends ResourceBase {
  groupName: string;
  version?: number;
  /** True for the newest version of its group (first in ListModelPackages sorted by CreationTime, descending). */
  latestInGroup: boolean;
  /** ModelPackageStatus: `Pending`, `InProgress`, `Completed`, `Failed`, `Deleting`. */
  status: string;
  /** ModelApprovalStatus: `Approved`, `Rejected` or `PendingManualApproval`. */
  approvalStatus: string;
  approvalDescription?: string;
  /** Who registered the version: the Studio user profile ARN, else the IAM identity ARN, else the profile name. */
  createdBy?: string;
  /** Who last changed it (an approval is a change), in the same form as `createdBy`; absent if never changed. */
  lastModifiedBy?: string;
  creationTime: string;
  lastModifiedTime?: string;
  modelMetrics: ModelPackageMetrics;
  /** DriftCheckBaselines of any kind are registered. */
  driftCheckBaselines: boolean;
  /** ModelCard.ModelCardStatus of the card embedded in the package, if it has one. */
  modelCardStatus?: string;
}

/** A model card, latest version. Content is never stored: only the references it makes. */
export interface ModelCard extends ResourceBase {
  /** `Draft`, `PendingReview`, `Approved` or `Archived`. */
  status: string;
  version?: number;
  /** SecurityConfig.KmsKeyId; absent when the card is encrypted with an AWS owned key. */
  kmsKeyId?: string;
  /** Content.model_package_details.model_package_arn. */
  modelPackageArn?: string;
  /** Content.model_overview.model_id (usually a SageMaker model ARN). */
  modelId?: string;
  /** Content.model_overview.model_name. */
  modelName?: string;
  creationTime: string;
  lastModifiedTime?: string;
}

export interface PipelineStep {
  name: string;
  /** `Training`, `Processing`, `RegisterModel`, `QualityCheck`, `ClarifyCheck`, `Condition`, ... */
  type: string;
}

export interface PipelineExecutionSummary {
  status: string;
  startTime?: string;
}

export interface Pipeline extends ResourceBase {
  status: string;
  creationTime?: string;
  lastRunTime?: string;
  roleArn?: string;
  /**
   * Every step of the definition, including those nested in Condition branches, in definition order; absent when
   * the definition could not be parsed (the rules then cannot judge the pipeline's steps).
   */
  steps?: PipelineStep[];
  /** The newest executions, newest first (at most 10: see the collector). */
  recentExecutions: PipelineExecutionSummary[];
}

export interface Experiment extends ResourceBase {
  displayName?: string;
  creationTime?: string;
  lastModifiedTime?: string;
  /** ExperimentSource.SourceType, e.g. `SageMakerTrainingJob` for experiments SageMaker created itself. */
  sourceType?: string;
  sourceArn?: string;
}

/** An AWS Budgets budget of the account (a global resource). */
export interface Budget extends ResourceBase {
  /** `COST`, `USAGE`, `RI_UTILIZATION`, `RI_COVERAGE`, `SAVINGS_PLANS_UTILIZATION` or `SAVINGS_PLANS_COVERAGE`. */
  budgetType: string;
  timeUnit?: string;
  limit?: { amount: string; unit: string };
  /** No CostFilters and no FilterExpression: the budget tracks the whole account. */
  unfiltered: boolean;
  /** The service filter (CostFilters.Service or a FilterExpression SERVICE dimension) admits Amazon SageMaker. */
  coversSageMaker: boolean;
  /** Service names the filters select (excluded ones are not listed). */
  services: string[];
  /** Tag filters as `key=value` (CostFilters.TagKeyValue is normalised from `user:key$value`). */
  tagFilters: string[];
  /** Notifications (actual or forecasted thresholds) attached to the budget. */
  notificationCount: number;
}

/** The tags of one SageMaker resource, read with ListTags. `arn`, `name`, `region`, `resourceType` are the resource's. */
export type ResourceTags = ResourceBase;

export interface GovernanceSliceItems {
  modelPackageGroups: ModelPackageGroup;
  modelPackages: ModelPackage;
  modelCards: ModelCard;
  pipelines: Pipeline;
  experiments: Experiment;
  budgets: Budget;
  resourceTags: ResourceTags;
}

export const GOVERNANCE_SLICES: { [K in keyof GovernanceSliceItems]: SliceInfo } = {
  // The summary holds everything read, so there is no per-group call (DescribeModelPackageGroup is not used).
  modelPackageGroups: sagemakerSlice('AWS::SageMaker::ModelPackageGroup', 'ModelPackageGroup', {
    describeOperation: 'ListModelPackageGroups',
  }),
  // Listed per group (ListModelPackages with ModelPackageGroupName), so the groups are its source.
  modelPackages: sagemakerSlice('AWS::SageMaker::ModelPackage', 'ModelPackage', {
    dependsOn: ['modelPackageGroups'],
  }),
  modelCards: sagemakerSlice('AWS::SageMaker::ModelCard', 'ModelCard'),
  pipelines: sagemakerSlice('AWS::SageMaker::Pipeline', 'Pipeline'),
  experiments: sagemakerSlice('AWS::SageMaker::Experiment', 'Experiment', { describeOperation: 'ListExperiments' }),
  budgets: {
    resourceType: 'AWS::Budgets::Budget',
    service: 'budgets',
    global: true,
    dependsOn: [],
    listOperation: 'DescribeBudgets',
    describeOperation: 'DescribeNotificationsForBudget',
  },
  resourceTags: sagemakerSlice('AWS::SageMaker::Resource', 'Tag', {
    dependsOn: ['endpoints', 'notebookInstances', 'models', 'featureGroups'],
    listOperation: 'ListTags',
    describeOperation: 'ListTags',
  }),
};
