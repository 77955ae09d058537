/**
 * The explicit allowlist of every AWS operation mlaudit may send, with the IAM action each needs.
 * The read-only guard refuses anything else before it is signed, and `mlaudit policy` is derived from it.
 * An allowlist, not a prefix match: some Get* operations return secrets, and some reads have other prefixes.
 */

export type ServiceId =
  | 'sagemaker'
  | 'iam'
  | 'kms'
  | 'sts'
  | 'cloudwatch'
  | 'budgets'
  | 'application-autoscaling'
  | 'organizations'
  | 'tag';

export interface ReadOperation {
  service: ServiceId;
  operation: string;
  action: string;
}

const op = (service: ServiceId, operation: string, action = `${service}:${operation}`): ReadOperation => ({
  service,
  operation,
  action,
});

export const READ_OPERATIONS: readonly ReadOperation[] = [
  op('sts', 'GetCallerIdentity'),
  op('sagemaker', 'ListEndpoints'),
  op('sagemaker', 'DescribeEndpoint'),
  op('sagemaker', 'ListEndpointConfigs'),
  op('sagemaker', 'DescribeEndpointConfig'),
  op('sagemaker', 'ListNotebookInstances'),
  op('sagemaker', 'DescribeNotebookInstance'),
  op('sagemaker', 'ListTrainingJobs'),
  op('sagemaker', 'DescribeTrainingJob'),
  op('sagemaker', 'ListModels'),
  op('sagemaker', 'DescribeModel'),
  op('sagemaker', 'ListMonitoringSchedules'),
  op('sagemaker', 'DescribeMonitoringSchedule'),
  op('sagemaker', 'ListFeatureGroups'),
  op('sagemaker', 'DescribeFeatureGroup'),
  op('kms', 'DescribeKey'),
  op('kms', 'GetKeyRotationStatus'),
  op('iam', 'GetRole'),
  op('iam', 'ListAttachedRolePolicies'),
  op('iam', 'ListRolePolicies'),
  op('iam', 'GetRolePolicy'),
  op('iam', 'GetPolicy'),
  op('iam', 'GetPolicyVersion'),

  // Workspaces: notebook lifecycle configurations, Studio domains.
  op('sagemaker', 'DescribeNotebookInstanceLifecycleConfig'),
  op('sagemaker', 'ListDomains'),
  op('sagemaker', 'DescribeDomain'),

  // Jobs: tuning, processing, transform, AutoML.
  op('sagemaker', 'ListHyperParameterTuningJobs'),
  op('sagemaker', 'DescribeHyperParameterTuningJob'),
  op('sagemaker', 'ListProcessingJobs'),
  op('sagemaker', 'DescribeProcessingJob'),
  op('sagemaker', 'ListTransformJobs'),
  op('sagemaker', 'DescribeTransformJob'),
  op('sagemaker', 'ListAutoMLJobs'),
  op('sagemaker', 'DescribeAutoMLJobV2'),

  // Monitoring: job definitions, autoscaling, alarms and metrics, inference experiments, human review.
  op('sagemaker', 'ListDataQualityJobDefinitions'),
  op('sagemaker', 'DescribeDataQualityJobDefinition'),
  op('sagemaker', 'ListModelQualityJobDefinitions'),
  op('sagemaker', 'DescribeModelQualityJobDefinition'),
  op('sagemaker', 'ListModelBiasJobDefinitions'),
  op('sagemaker', 'DescribeModelBiasJobDefinition'),
  op('sagemaker', 'ListModelExplainabilityJobDefinitions'),
  op('sagemaker', 'DescribeModelExplainabilityJobDefinition'),
  op('sagemaker', 'ListInferenceExperiments'),
  op('sagemaker', 'DescribeInferenceExperiment'),
  op('sagemaker', 'ListFlowDefinitions'),
  op('sagemaker', 'DescribeFlowDefinition'),
  op('application-autoscaling', 'DescribeScalableTargets'),
  op('application-autoscaling', 'DescribeScalingPolicies'),
  op('cloudwatch', 'DescribeAlarms'),
  op('cloudwatch', 'GetMetricData'),

  // Governance: model registry, model cards, pipelines, experiments, tags, budgets, SageMaker roles.
  op('sagemaker', 'ListModelPackageGroups'),
  op('sagemaker', 'ListModelPackages'),
  op('sagemaker', 'DescribeModelPackage'),
  op('sagemaker', 'ListModelCards'),
  op('sagemaker', 'DescribeModelCard'),
  op('sagemaker', 'ListPipelines'),
  op('sagemaker', 'DescribePipeline'),
  op('sagemaker', 'ListPipelineExecutions'),
  op('sagemaker', 'ListExperiments'),
  op('sagemaker', 'ListTags'),
  // The Resource Groups Tagging API: the tags of up to 100 resources per call, instead of one ListTags each.
  op('tag', 'GetResources'),
  // AWS Budgets authorises every read with one action.
  op('budgets', 'DescribeBudgets', 'budgets:ViewBudget'),
  op('budgets', 'DescribeNotificationsForBudget', 'budgets:ViewBudget'),
  op('iam', 'ListRoles'),

  // Many accounts (--role-arn, --accounts, --organization). These run as the caller, not as the audited role, so
  // `mlaudit policy` (derived from the collectors) leaves them out; the README lists them for the caller's policy.
  // AssumeRole changes nothing in any account: it returns temporary credentials for a role whose trust policy
  // already lets the caller in, and those credentials go through this same guard, so a scan under an assumed role is
  // as read-only as one under the caller's own credentials.
  op('sts', 'AssumeRole'),
  // The member accounts of the organization, from the management or a delegated-administrator account.
  op('organizations', 'ListAccounts'),
];

/** SDK v3 client class names, as they appear in the middleware context, mapped to our service ids. */
export const CLIENT_SERVICES: Record<string, ServiceId> = {
  SageMakerClient: 'sagemaker',
  IAMClient: 'iam',
  KMSClient: 'kms',
  STSClient: 'sts',
  CloudWatchClient: 'cloudwatch',
  BudgetsClient: 'budgets',
  ApplicationAutoScalingClient: 'application-autoscaling',
  OrganizationsClient: 'organizations',
  ResourceGroupsTaggingAPIClient: 'tag',
};

const BY_KEY = new Map(READ_OPERATIONS.map((o) => [`${o.service}:${o.operation}`, o]));

export function findReadOperation(service: ServiceId, operation: string): ReadOperation | undefined {
  return BY_KEY.get(`${service}:${operation}`);
}

/** The IAM action for an operation; falls back to the conventional `service:Operation` form. */
export function actionFor(service: ServiceId, operation: string): string {
  return findReadOperation(service, operation)?.action ?? `${service}:${operation}`;
}
