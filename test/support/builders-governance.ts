/**
 * Builders for the governance group's inventory items. As in builders.ts, every default PASSes every rule (given the
 * resources it references are in the inventory too); names say the expected outcome.
 */
import { GLOBAL_REGION } from '../../src/inventory/model.js';
import type {
  Budget,
  Experiment,
  ModelCard,
  ModelPackage,
  ModelPackageGroup,
  Pipeline,
  PipelineStep,
  ResourceTags,
} from '../../src/inventory/model-governance.js';
import { ACCOUNT, kmsKeyArn, REGION, sagemakerArn } from './builders.js';

const CREATED_AT = '2026-01-15T09:30:00.000Z';
/** A day before COLLECTED_AT, for "recent" activity. */
const RECENTLY = '2026-03-01T08:00:00.000Z';

/** The pipeline execution role that registers versions, and the reviewer who approves them. */
export const PIPELINE_IDENTITY = `arn:aws:sts::${ACCOUNT}:assumed-role/SageMakerExecution-churn/SageMaker-ModelBuild`;
export const REVIEWER_IDENTITY = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:user-profile/d-churnstudio01/ml-lead`;

export function modelPackageArn(group: string, version: number, region: string = REGION): string {
  return sagemakerArn('model-package', `${group}/${version}`, region);
}

export function modelPackageGroup(overrides: Partial<ModelPackageGroup> = {}): ModelPackageGroup {
  const item: ModelPackageGroup = {
    arn: '',
    name: 'churn',
    region: REGION,
    resourceType: 'AWS::SageMaker::ModelPackageGroup',
    tags: {},
    status: 'Completed',
    creationTime: CREATED_AT,
    description: 'Churn classifiers',
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? sagemakerArn('model-package-group', item.name, item.region) };
}

/**
 * An Approved, latest version registered by the pipeline and approved by a reviewer with a description, with every
 * kind of metric, drift baselines and an approved embedded model card. `group` + `version` make the name and ARN.
 */
export function modelPackage(overrides: Partial<ModelPackage> = {}): ModelPackage {
  const groupName = overrides.groupName ?? 'churn';
  const version = overrides.version ?? 3;
  const region = overrides.region ?? REGION;
  return {
    arn: modelPackageArn(groupName, version, region),
    name: `${groupName}/${version}`,
    region,
    resourceType: 'AWS::SageMaker::ModelPackage',
    tags: {},
    groupName,
    version,
    latestInGroup: true,
    status: 'Completed',
    approvalStatus: 'Approved',
    approvalDescription: 'AUC 0.91 on the March holdout; bias report reviewed (CHG-1042)',
    createdBy: PIPELINE_IDENTITY,
    lastModifiedBy: REVIEWER_IDENTITY,
    creationTime: CREATED_AT,
    lastModifiedTime: RECENTLY,
    modelMetrics: { modelQuality: true, modelDataQuality: true, bias: true, explainability: true },
    driftCheckBaselines: true,
    modelCardStatus: 'Approved',
    ...overrides,
  };
}

export function modelCard(overrides: Partial<ModelCard> = {}): ModelCard {
  const item: ModelCard = {
    arn: '',
    name: 'mc-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::ModelCard',
    tags: {},
    status: 'Approved',
    version: 2,
    kmsKeyId: kmsKeyArn(),
    modelPackageArn: modelPackageArn('churn', 3),
    creationTime: CREATED_AT,
    lastModifiedTime: RECENTLY,
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? sagemakerArn('model-card', item.name, item.region) };
}

/** The steps of a typical model-build pipeline: quality gates, then RegisterModel behind a Condition. */
export const GATED_PIPELINE_STEPS: PipelineStep[] = [
  { name: 'PreprocessData', type: 'Processing' },
  { name: 'DataQualityCheck', type: 'QualityCheck' },
  { name: 'DataBiasCheck', type: 'ClarifyCheck' },
  { name: 'TrainModel', type: 'Training' },
  { name: 'EvaluateModel', type: 'Processing' },
  { name: 'CheckAUC', type: 'Condition' },
  { name: 'RegisterChurnModel-RegisterModel', type: 'RegisterModel' },
];

export function pipeline(overrides: Partial<Pipeline> = {}): Pipeline {
  const item: Pipeline = {
    arn: '',
    name: 'pl-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::Pipeline',
    tags: {},
    status: 'Active',
    creationTime: CREATED_AT,
    lastRunTime: RECENTLY,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/SageMakerExecution-churn`,
    steps: GATED_PIPELINE_STEPS,
    recentExecutions: [{ status: 'Succeeded', startTime: RECENTLY }],
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? sagemakerArn('pipeline', item.name, item.region) };
}

export function experiment(overrides: Partial<Experiment> = {}): Experiment {
  const item: Experiment = {
    arn: '',
    name: 'exp-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::Experiment',
    tags: {},
    creationTime: CREATED_AT,
    lastModifiedTime: RECENTLY,
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? sagemakerArn('experiment', item.name, item.region) };
}

/** A monthly COST budget filtered on the SageMaker service, with alerts. */
export function budget(overrides: Partial<Budget> = {}): Budget {
  const item: Budget = {
    arn: '',
    name: 'budget-pass',
    region: GLOBAL_REGION,
    resourceType: 'AWS::Budgets::Budget',
    tags: {},
    budgetType: 'COST',
    timeUnit: 'MONTHLY',
    limit: { amount: '5000.0', unit: 'USD' },
    unfiltered: false,
    coversSageMaker: true,
    services: ['Amazon SageMaker'],
    tagFilters: [],
    notificationCount: 2,
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? `arn:aws:budgets::${ACCOUNT}:budget/${item.name}` };
}

/** The tags ListTags returned for one resource (an endpoint unless told otherwise). */
export function resourceTags(overrides: Partial<ResourceTags> & { type?: string } = {}): ResourceTags {
  const { type = 'endpoint', ...rest } = overrides;
  const item: ResourceTags = {
    arn: '',
    name: 'tags-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::Endpoint',
    tags: { project: 'churn', owner: 'ml-team' },
    ...rest,
  };
  return { ...item, arn: rest.arn ?? sagemakerArn(type, item.name, item.region) };
}
