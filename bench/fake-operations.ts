/**
 * The fake AWS server's operations, one table entry each, keyed `service:Operation`. An entry turns the request's
 * input (already decoded from its wire protocol) into an SDK-shaped output object, or throws a FakeAwsError.
 * Adding an operation is adding an entry here.
 */
import { Estate, TAGGED_KINDS, resourceTags, type Kind } from './fake-estate.js';

export class FakeAwsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface OperationContext {
  estate: Estate;
  input: Record<string, unknown>;
}

export type OperationHandler = (ctx: OperationContext) => unknown;

export interface OperationEntry {
  handler: OperationHandler;
}

const validation = (message: string): FakeAwsError => new FakeAwsError(400, 'ValidationException', message);

function encodeToken(offset: number): string {
  return Buffer.from(`fake:${offset}`, 'utf8').toString('base64');
}

function decodeToken(token: unknown): number {
  if (token === undefined || token === null || token === '') return 0;
  const text = typeof token === 'string' ? Buffer.from(token, 'base64').toString('utf8') : '';
  const m = /^fake:(\d+)$/.exec(text);
  if (!m?.[1]) throw validation('Invalid pagination token');
  return Number(m[1]);
}

function pageSize(value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw validation(`MaxResults must be between 1 and ${max}`);
  return n;
}

/** JSON protocols send timestamps as epoch seconds. */
function dateOf(value: unknown): Date | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value === 'string') return new Date(value);
  return undefined;
}

/** A SageMaker List<Noun>s: newest first by default, CreationTimeAfter/Before honoured, NextToken paging. */
function sagemakerList(kind: Kind, listKey: string): OperationHandler {
  return ({ estate, input }) => {
    const [lo, hi] = estate.createdBetween(kind, dateOf(input.CreationTimeAfter), dateOf(input.CreationTimeBefore));
    const offset = decodeToken(input.NextToken);
    const size = pageSize(input.MaxResults, 10, 100);
    const total = hi - lo;
    const ascending = input.SortOrder === 'Ascending';
    const items: Record<string, unknown>[] = [];
    for (let k = offset; k < Math.min(total, offset + size); k++) {
      items.push(estate.summary(kind, ascending ? hi - 1 - k : lo + k));
    }
    const next = offset + size < total ? encodeToken(offset + size) : undefined;
    return { [listKey]: items, ...(next ? { NextToken: next } : {}) };
  };
}

/** A SageMaker Describe<Noun> by name. SageMaker says ValidationException for a missing resource. */
function sagemakerDescribe(kind: Kind, nameField: string, noun: string): OperationHandler {
  return ({ estate, input }) => {
    const i = estate.indexOf(kind, input[nameField]);
    if (i === undefined) throw validation(`Could not find ${noun} "${String(input[nameField])}".`);
    return estate.describe(kind, i);
  };
}

/** IAM lists: Marker / MaxItems / IsTruncated. */
function iamPage<T>(items: readonly T[], input: Record<string, unknown>, key: string): Record<string, unknown> {
  const offset = decodeToken(input.Marker);
  const size = pageSize(input.MaxItems, 100, 1000);
  const page = items.slice(offset, offset + size);
  const truncated = offset + size < items.length;
  return { [key]: page, IsTruncated: truncated, ...(truncated ? { Marker: encodeToken(offset + size) } : {}) };
}

function findRole(estate: Estate, name: unknown) {
  const role = estate.roles.find((r) => r.name === name);
  if (!role) throw new FakeAwsError(404, 'NoSuchEntity', `The role with name ${String(name)} cannot be found.`);
  return role;
}

function roleShape(estate: Estate, role: Estate['roles'][number]) {
  return {
    Path: role.arn.includes(':role/service-role/') ? '/service-role/' : '/',
    RoleName: role.name,
    RoleId: `AROA${role.name.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(17, 'X').slice(0, 17)}`,
    Arn: role.arn,
    CreateDate: estate.roleCreated(),
    AssumeRolePolicyDocument: estate.trustPolicy(role),
    MaxSessionDuration: 3600,
  };
}

function findKeyOrThrow(estate: Estate, keyId: unknown) {
  const key = estate.findKey(keyId);
  if (!key) throw new FakeAwsError(400, 'NotFoundException', `Key '${String(keyId)}' does not exist`);
  return key;
}

/** A list the estate holds nothing for (the slices that the benchmark's estate does not populate). */
function emptyList(...keys: string[]): OperationEntry {
  return { handler: () => Object.fromEntries(keys.map((k) => [k, []])) };
}

const TAGGED_ARN = /^arn:aws:sagemaker:[^:]+:\d{12}:(endpoint|notebook-instance|model|feature-group)\/(.+)$/;

export const OPERATIONS: Record<string, OperationEntry> = {
  'sts:GetCallerIdentity': {
    handler: ({ estate }) => ({
      UserId: 'AIDAFAKEBENCHMARKUSER',
      Account: estate.accountId,
      Arn: `arn:aws:iam::${estate.accountId}:user/mlaudit-bench`,
    }),
  },

  'sagemaker:ListTrainingJobs': { handler: sagemakerList('trainingJobs', 'TrainingJobSummaries') },
  'sagemaker:DescribeTrainingJob': { handler: sagemakerDescribe('trainingJobs', 'TrainingJobName', 'training job') },
  'sagemaker:ListProcessingJobs': { handler: sagemakerList('processingJobs', 'ProcessingJobSummaries') },
  'sagemaker:DescribeProcessingJob': { handler: sagemakerDescribe('processingJobs', 'ProcessingJobName', 'processing job') },
  'sagemaker:ListTransformJobs': { handler: sagemakerList('transformJobs', 'TransformJobSummaries') },
  'sagemaker:DescribeTransformJob': { handler: sagemakerDescribe('transformJobs', 'TransformJobName', 'transform job') },
  'sagemaker:ListHyperParameterTuningJobs': { handler: sagemakerList('tuningJobs', 'HyperParameterTuningJobSummaries') },
  'sagemaker:DescribeHyperParameterTuningJob': {
    handler: sagemakerDescribe('tuningJobs', 'HyperParameterTuningJobName', 'hyper-parameter tuning job'),
  },
  'sagemaker:ListAutoMLJobs': { handler: sagemakerList('autoMlJobs', 'AutoMLJobSummaries') },
  'sagemaker:DescribeAutoMLJobV2': { handler: sagemakerDescribe('autoMlJobs', 'AutoMLJobName', 'AutoML job') },
  'sagemaker:ListModels': { handler: sagemakerList('models', 'Models') },
  'sagemaker:DescribeModel': { handler: sagemakerDescribe('models', 'ModelName', 'model') },
  'sagemaker:ListEndpointConfigs': { handler: sagemakerList('endpointConfigs', 'EndpointConfigs') },
  'sagemaker:DescribeEndpointConfig': { handler: sagemakerDescribe('endpointConfigs', 'EndpointConfigName', 'endpoint configuration') },
  'sagemaker:ListEndpoints': { handler: sagemakerList('endpoints', 'Endpoints') },
  'sagemaker:DescribeEndpoint': { handler: sagemakerDescribe('endpoints', 'EndpointName', 'endpoint') },
  'sagemaker:ListNotebookInstances': { handler: sagemakerList('notebookInstances', 'NotebookInstances') },
  'sagemaker:DescribeNotebookInstance': {
    handler: sagemakerDescribe('notebookInstances', 'NotebookInstanceName', 'notebook instance'),
  },
  'sagemaker:ListFeatureGroups': { handler: sagemakerList('featureGroups', 'FeatureGroupSummaries') },
  'sagemaker:DescribeFeatureGroup': { handler: sagemakerDescribe('featureGroups', 'FeatureGroupName', 'feature group') },
  'sagemaker:ListMonitoringSchedules': { handler: sagemakerList('monitoringSchedules', 'MonitoringScheduleSummaries') },
  'sagemaker:DescribeMonitoringSchedule': {
    handler: sagemakerDescribe('monitoringSchedules', 'MonitoringScheduleName', 'monitoring schedule'),
  },
  'sagemaker:ListDomains': { handler: sagemakerList('domains', 'Domains') },
  'sagemaker:DescribeDomain': { handler: sagemakerDescribe('domains', 'DomainId', 'domain') },
  'sagemaker:DescribeNotebookInstanceLifecycleConfig': {
    handler: ({ estate, input }) => {
      const name = String(input.NotebookInstanceLifecycleConfigName);
      const out = estate.lifecycleConfig(name);
      if (!out) throw validation(`Unable to describe Notebook Instance Lifecycle Config '${name}'`);
      return out;
    },
  },

  'kms:DescribeKey': { handler: ({ estate, input }) => ({ KeyMetadata: findKeyOrThrow(estate, input.KeyId).metadata }) },
  'kms:GetKeyRotationStatus': {
    handler: ({ estate, input }) => {
      const key = findKeyOrThrow(estate, input.KeyId);
      return { KeyRotationEnabled: key.rotation, KeyId: key.arn, ...(key.rotation ? { RotationPeriodInDays: 365 } : {}) };
    },
  },

  'iam:ListRoles': {
    handler: ({ estate, input }) => iamPage(estate.roles.map((r) => roleShape(estate, r)), input, 'Roles'),
  },
  'iam:GetRole': { handler: ({ estate, input }) => ({ Role: roleShape(estate, findRole(estate, input.RoleName)) }) },
  'iam:ListAttachedRolePolicies': {
    handler: ({ estate, input }) => iamPage(findRole(estate, input.RoleName).attached, input, 'AttachedPolicies'),
  },
  'iam:ListRolePolicies': {
    handler: ({ estate, input }) => iamPage(findRole(estate, input.RoleName).inline, input, 'PolicyNames'),
  },
  'iam:GetRolePolicy': {
    handler: ({ estate, input }) => {
      const role = findRole(estate, input.RoleName);
      if (!role.inline.includes(String(input.PolicyName))) {
        throw new FakeAwsError(404, 'NoSuchEntity', `The role policy with name ${String(input.PolicyName)} cannot be found.`);
      }
      const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::scratch/*' }] };
      return { RoleName: role.name, PolicyName: input.PolicyName, PolicyDocument: encodeURIComponent(JSON.stringify(document)) };
    },
  },
  'iam:GetPolicy': {
    handler: ({ estate, input }) => {
      const policy = estate.policies.find((p) => p.arn === input.PolicyArn);
      if (!policy) throw new FakeAwsError(404, 'NoSuchEntity', `Policy ${String(input.PolicyArn)} does not exist or is not attachable.`);
      return {
        Policy: {
          PolicyName: policy.name,
          PolicyId: `ANPA${policy.name.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(17, 'X').slice(0, 17)}`,
          Arn: policy.arn,
          Path: '/',
          DefaultVersionId: 'v3',
          AttachmentCount: 3,
          IsAttachable: true,
          CreateDate: estate.roleCreated(),
          UpdateDate: estate.roleCreated(),
        },
      };
    },
  },
  'iam:GetPolicyVersion': {
    handler: ({ estate, input }) => {
      const policy = estate.policies.find((p) => p.arn === input.PolicyArn);
      if (!policy || input.VersionId !== 'v3') throw new FakeAwsError(404, 'NoSuchEntity', 'Policy version not found.');
      return {
        PolicyVersion: {
          Document: encodeURIComponent(policy.document),
          VersionId: 'v3',
          IsDefaultVersion: true,
          CreateDate: estate.roleCreated(),
        },
      };
    },
  },

  // Tags of the resources the estate holds; a few lack the cost-allocation tag.
  'sagemaker:ListTags': {
    handler: ({ input }) => {
      const m = TAGGED_ARN.exec(String(input.ResourceArn));
      if (!m?.[2]) throw validation(`Resource ${String(input.ResourceArn)} not found.`);
      const n = Number(/(\d+)$/.exec(m[2])?.[1] ?? 0);
      return { Tags: resourceTags(n) };
    },
  },
  // The same tags in bulk, in the Tagging API's shape: `ResourceTagMappingList` of `{ResourceARN, Tags}`, at most
  // ResourcesPerPage (1-100) a page, `PaginationToken` "" on the last page, as AWS answers.
  'tag:GetResources': {
    handler: ({ estate, input }) => {
      const invalid = (message: string): FakeAwsError => new FakeAwsError(400, 'InvalidParameterException', message);
      const filters = Array.isArray(input.ResourceTypeFilters) ? input.ResourceTypeFilters.map(String) : [];
      const kinds = TAGGED_KINDS.filter(
        (k) => filters.length === 0 || filters.includes('sagemaker') || filters.includes(`sagemaker:${estate.arnType(k)}`),
      );
      let size: number;
      let offset: number;
      try {
        size = pageSize(input.ResourcesPerPage, 50, 100);
        offset = decodeToken(input.PaginationToken);
      } catch (err) {
        throw invalid(err instanceof Error ? err.message : String(err));
      }
      const page: { ResourceARN: string; Tags: { Key: string; Value: string }[] }[] = [];
      let skip = offset;
      for (const kind of kinds) {
        const count = estate.counts[kind];
        for (let i = Math.min(skip, count); i < count && page.length < size; i++) {
          page.push({ ResourceARN: estate.arn(kind, i), Tags: resourceTags(i) });
        }
        skip = Math.max(0, skip - count);
      }
      const total = kinds.reduce((n, k) => n + estate.counts[k], 0);
      const next = offset + page.length < total ? encodeToken(offset + page.length) : '';
      return { PaginationToken: next, ResourceTagMappingList: page };
    },
  },
  'cloudwatch:GetMetricData': {
    handler: ({ input }) => {
      const queries = Array.isArray(input.MetricDataQueries) ? (input.MetricDataQueries as { Id?: string }[]) : [];
      return {
        MetricDataResults: queries.map((q) => ({ Id: q.Id, Label: 'Invocations', StatusCode: 'Complete', Timestamps: [], Values: [] })),
        Messages: [],
      };
    },
  },

  // Slices the generated estate leaves empty: the collectors run, list nothing and describe nothing.
  'sagemaker:ListModelPackageGroups': emptyList('ModelPackageGroupSummaryList'),
  'sagemaker:ListModelPackages': emptyList('ModelPackageSummaryList'),
  'sagemaker:ListModelCards': emptyList('ModelCardSummaries'),
  'sagemaker:ListPipelines': emptyList('PipelineSummaries'),
  'sagemaker:ListExperiments': emptyList('ExperimentSummaries'),
  'sagemaker:ListFlowDefinitions': emptyList('FlowDefinitionSummaries'),
  'sagemaker:ListInferenceExperiments': emptyList('InferenceExperiments'),
  'sagemaker:ListDataQualityJobDefinitions': emptyList('JobDefinitionSummaries'),
  'sagemaker:ListModelQualityJobDefinitions': emptyList('JobDefinitionSummaries'),
  'sagemaker:ListModelBiasJobDefinitions': emptyList('JobDefinitionSummaries'),
  'sagemaker:ListModelExplainabilityJobDefinitions': emptyList('JobDefinitionSummaries'),
  'application-autoscaling:DescribeScalableTargets': emptyList('ScalableTargets'),
  'application-autoscaling:DescribeScalingPolicies': emptyList('ScalingPolicies'),
  'cloudwatch:DescribeAlarms': emptyList('MetricAlarms', 'CompositeAlarms'),
  'budgets:DescribeBudgets': emptyList('Budgets'),
  'budgets:DescribeNotificationsForBudget': emptyList('Notifications'),
};
