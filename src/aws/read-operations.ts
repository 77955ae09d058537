/**
 * The explicit allowlist of every AWS operation mlaudit may send, with the IAM action each needs.
 * The read-only guard refuses anything else before it is signed, and `mlaudit policy` is derived from it.
 * An allowlist, not a prefix match: some Get* operations return secrets, and some reads have other prefixes.
 */

export type ServiceId = 'sagemaker' | 'iam' | 'kms' | 'sts' | 'cloudwatch' | 'budgets' | 'application-autoscaling';

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
};

const BY_KEY = new Map(READ_OPERATIONS.map((o) => [`${o.service}:${o.operation}`, o]));

export function findReadOperation(service: ServiceId, operation: string): ReadOperation | undefined {
  return BY_KEY.get(`${service}:${operation}`);
}

/** The IAM action for an operation; falls back to the conventional `service:Operation` form. */
export function actionFor(service: ServiceId, operation: string): string {
  return findReadOperation(service, operation)?.action ?? `${service}:${operation}`;
}
