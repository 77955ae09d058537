/**
 * What the fault-injection scans run against: the benchmark's fake AWS server with a small generated estate, plus a
 * few of each resource the generated estate leaves empty (model registry, cards, pipelines, experiments, human review,
 * inference experiments, monitoring job definitions, autoscaling, alarms, budgets), so that every operation the
 * collectors declare is really called by a fault-free scan, and a fault on it really hits something.
 */
import type {
  DescribeDataQualityJobDefinitionResponse,
  DescribeFlowDefinitionResponse,
  DescribeInferenceExperimentResponse,
  DescribeModelBiasJobDefinitionResponse,
  DescribeModelCardResponse,
  DescribeModelExplainabilityJobDefinitionResponse,
  DescribeModelPackageOutput,
  DescribeModelQualityJobDefinitionResponse,
  DescribePipelineResponse,
  ListPipelineExecutionsResponse,
  MonitoringJobDefinitionSummary,
} from '@aws-sdk/client-sagemaker';
import type { ScalableTarget, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Budget, Notification } from '@aws-sdk/client-budgets';
import type { Estate } from '../../bench/fake-estate.js';
import { FakeAwsError, OPERATIONS, type OperationEntry, type OperationHandler } from '../../bench/fake-operations.js';

/** Resources in the populated region: at least one of every generated kind, few enough for a scan to be quick. */
export const RESOURCES = 18;
export const REGION = 'us-east-1';
/** A seed whose estate has a notebook with a lifecycle configuration (so DescribeNotebookInstanceLifecycleConfig runs). */
export const SEED = 1;
/**
 * The estate's clock, read once: the generated jobs fall inside the scan's default --since window, and every scan of
 * one test run sees the same creation times.
 */
export const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);

const DAY_MS = 86_400_000;
const created = (daysAgo: number): Date => new Date(NOW.getTime() - daysAgo * DAY_MS);

const notFound = (what: string): FakeAwsError => new FakeAwsError(400, 'ValidationException', `Could not find ${what}.`);

/** Only the regions that hold the generated estate hold these too. */
function populated(estate: Estate): boolean {
  return estate.counts.endpoints > 0;
}

function arn(estate: Estate, type: string, name: string): string {
  return `arn:aws:sagemaker:${estate.region}:${estate.accountId}:${type}/${name}`;
}

/** A list of `items` (empty outside the populated region), one page. */
function list(key: string, items: (estate: Estate) => unknown[]): OperationEntry {
  return { handler: ({ estate }) => ({ [key]: populated(estate) ? items(estate) : [] }) };
}

function byName<T>(field: string, names: readonly string[], describe: (estate: Estate, name: string) => T): OperationHandler {
  return ({ estate, input }) => {
    const name = String(input[field]);
    if (!populated(estate) || !names.includes(name)) throw notFound(name);
    return describe(estate, name);
  };
}

const GROUPS = ['churn-models', 'fraud-models'];
const VERSIONS = 2;
const CARDS = ['churn-card'];
const PIPELINES = ['train-and-register'];
const FLOWS = ['review-low-confidence'];
const EXPERIMENTS = ['shadow-ep'];
const BUDGET = 'ml-monthly';

type JobDefinitionKind = 'DataQuality' | 'ModelQuality' | 'ModelBias' | 'ModelExplainability';
const JOB_DEFINITION_KINDS: readonly JobDefinitionKind[] = ['DataQuality', 'ModelQuality', 'ModelBias', 'ModelExplainability'];
const jobDefinitionName = (kind: JobDefinitionKind): string => `${kind.toLowerCase()}-def-0`;

function packageArn(estate: Estate, group: string, version: number): string {
  return arn(estate, 'model-package', `${group}/${version}`);
}

function jobDefinition(estate: Estate, kind: JobDefinitionKind) {
  const endpointName = estate.name('endpoints', 0);
  const common = {
    JobDefinitionArn: arn(estate, `${kind.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}-job-definition`, jobDefinitionName(kind)),
    JobDefinitionName: jobDefinitionName(kind),
    CreationTime: created(30),
    RoleArn: estate.roles[1]?.arn ?? '',
    JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge' as const, VolumeSizeInGB: 20 } },
    NetworkConfig: { EnableNetworkIsolation: kind !== 'ModelBias', EnableInterContainerTrafficEncryption: true },
    StoppingCondition: { MaxRuntimeInSeconds: 1800 },
  };
  const appSpecification = { ImageUri: '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer' };
  const input = { EndpointInput: { EndpointName: endpointName, LocalPath: '/opt/ml/processing/input' } };
  const output = { MonitoringOutputs: [], KmsKeyId: kind === 'DataQuality' ? estate.keys[1]?.arn : undefined };
  switch (kind) {
    case 'DataQuality': {
      const out: DescribeDataQualityJobDefinitionResponse = {
        ...common,
        DataQualityAppSpecification: appSpecification,
        DataQualityJobInput: input,
        DataQualityJobOutputConfig: output,
      };
      return out;
    }
    case 'ModelQuality': {
      const out: DescribeModelQualityJobDefinitionResponse = {
        ...common,
        ModelQualityAppSpecification: { ...appSpecification, ProblemType: 'BinaryClassification' },
        ModelQualityJobInput: { ...input, GroundTruthS3Input: { S3Uri: 's3://ml-labels/' } },
        ModelQualityJobOutputConfig: output,
      };
      return out;
    }
    case 'ModelBias': {
      const out: DescribeModelBiasJobDefinitionResponse = {
        ...common,
        ModelBiasAppSpecification: { ...appSpecification, ConfigUri: 's3://ml-config/bias.json' },
        ModelBiasJobInput: { ...input, GroundTruthS3Input: { S3Uri: 's3://ml-labels/' } },
        ModelBiasJobOutputConfig: output,
      };
      return out;
    }
    case 'ModelExplainability': {
      const out: DescribeModelExplainabilityJobDefinitionResponse = {
        ...common,
        ModelExplainabilityAppSpecification: { ...appSpecification, ConfigUri: 's3://ml-config/shap.json' },
        ModelExplainabilityJobInput: input,
        ModelExplainabilityJobOutputConfig: output,
      };
      return out;
    }
  }
}

function jobDefinitionEntries(): Record<string, OperationEntry> {
  const entries: Record<string, OperationEntry> = {};
  for (const kind of JOB_DEFINITION_KINDS) {
    entries[`sagemaker:List${kind}JobDefinitions`] = list('JobDefinitionSummaries', (estate): MonitoringJobDefinitionSummary[] => [
      {
        MonitoringJobDefinitionName: jobDefinitionName(kind),
        MonitoringJobDefinitionArn: jobDefinition(estate, kind).JobDefinitionArn,
        CreationTime: created(30),
        EndpointName: estate.name('endpoints', 0),
      },
    ]);
    entries[`sagemaker:Describe${kind}JobDefinition`] = {
      handler: byName('JobDefinitionName', [jobDefinitionName(kind)], (estate) => jobDefinition(estate, kind)),
    };
  }
  return entries;
}

function modelPackage(estate: Estate, group: string, version: number): DescribeModelPackageOutput {
  const approved = version === 1;
  return {
    ModelPackageName: group,
    ModelPackageGroupName: group,
    ModelPackageVersion: version,
    ModelPackageArn: packageArn(estate, group, version),
    CreationTime: created(20 - version),
    ModelPackageStatus: 'Completed',
    ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
    ModelApprovalStatus: approved ? 'Approved' : 'PendingManualApproval',
    ...(approved ? { ApprovalDescription: 'metrics reviewed' } : {}),
    CreatedBy: { UserProfileName: 'ds-1' },
    ...(group === GROUPS[0] ? { ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: 's3://ml-metrics/q.json' } } } } : {}),
  };
}

function pipeline(estate: Estate, name: string): DescribePipelineResponse {
  const definition = {
    Version: '2020-12-01',
    Steps: [
      { Name: 'Train', Type: 'Training' },
      { Name: 'Check', Type: 'Condition', Arguments: { IfSteps: [{ Name: 'Register', Type: 'RegisterModel' }], ElseSteps: [] } },
    ],
  };
  return {
    PipelineArn: arn(estate, 'pipeline', name),
    PipelineName: name,
    PipelineDefinition: JSON.stringify(definition),
    RoleArn: estate.roles[2]?.arn ?? '',
    PipelineStatus: 'Active',
    CreationTime: created(40),
    LastRunTime: created(2),
  };
}

function flowDefinition(estate: Estate, name: string): DescribeFlowDefinitionResponse {
  return {
    FlowDefinitionArn: arn(estate, 'flow-definition', name),
    FlowDefinitionName: name,
    FlowDefinitionStatus: 'Active',
    CreationTime: created(50),
    HumanLoopActivationConfig: { HumanLoopActivationConditionsConfig: { HumanLoopActivationConditions: '{"Conditions":[]}' } },
    HumanLoopConfig: {
      WorkteamArn: arn(estate, 'workteam', 'private-crowd/reviewers'),
      HumanTaskUiArn: arn(estate, 'human-task-ui', 'review'),
      TaskTitle: 'Review',
      TaskDescription: 'Review low-confidence predictions',
      TaskCount: 1,
    },
    OutputConfig: { S3OutputPath: 's3://ml-reviews/' },
    RoleArn: estate.roles[1]?.arn ?? '',
  };
}

function inferenceExperiment(estate: Estate, name: string): DescribeInferenceExperimentResponse {
  return {
    Arn: arn(estate, 'inference-experiment', name),
    Name: name,
    Type: 'ShadowMode',
    Status: 'Running',
    CreationTime: created(5),
    RoleArn: estate.roles[1]?.arn ?? '',
    EndpointMetadata: { EndpointName: estate.name('endpoints', 0), EndpointConfigName: estate.name('endpointConfigs', 0) },
    ModelVariants: [
      {
        ModelName: estate.name('models', 0),
        VariantName: 'shadow',
        InfrastructureConfig: { InfrastructureType: 'RealTimeInference', RealTimeInferenceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1 } },
        Status: 'InService',
      },
    ],
    KmsKey: estate.keys[2]?.arn,
  };
}

function scalableTargets(estate: Estate): ScalableTarget[] {
  return [
    {
      ServiceNamespace: 'sagemaker',
      ResourceId: `endpoint/${estate.name('endpoints', 0)}/variant/AllTraffic`,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      MinCapacity: 2,
      MaxCapacity: 6,
      RoleARN: `arn:aws:iam::${estate.accountId}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`,
      CreationTime: created(60),
    },
  ];
}

function scalingPolicies(estate: Estate): ScalingPolicy[] {
  return [
    {
      PolicyARN: `arn:aws:autoscaling:${estate.region}:${estate.accountId}:scalingPolicy:0000:resource/sagemaker/endpoint/${estate.name('endpoints', 0)}/variant/AllTraffic:policyName/invocations`,
      PolicyName: 'invocations',
      ServiceNamespace: 'sagemaker',
      ResourceId: `endpoint/${estate.name('endpoints', 0)}/variant/AllTraffic`,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      PolicyType: 'TargetTrackingScaling',
      CreationTime: created(60),
    },
  ];
}

function alarms(estate: Estate): MetricAlarm[] {
  return [
    {
      AlarmName: `${estate.name('endpoints', 0)}-errors`,
      AlarmArn: `arn:aws:cloudwatch:${estate.region}:${estate.accountId}:alarm:${estate.name('endpoints', 0)}-errors`,
      ActionsEnabled: true,
      AlarmActions: [`arn:aws:sns:${estate.region}:${estate.accountId}:oncall`],
      StateValue: 'OK',
      MetricName: 'Invocation5XXErrors',
      Namespace: 'AWS/SageMaker',
      Dimensions: [
        { Name: 'EndpointName', Value: estate.name('endpoints', 0) },
        { Name: 'VariantName', Value: 'AllTraffic' },
      ],
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    },
  ];
}

function budget(): Budget {
  return {
    BudgetName: BUDGET,
    BudgetLimit: { Amount: '5000.0', Unit: 'USD' },
    CostFilters: { Service: ['Amazon SageMaker'] },
    TimeUnit: 'MONTHLY',
    BudgetType: 'COST',
  };
}

const NOTIFICATIONS: Notification[] = [
  { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' },
];

/**
 * The tagged resource that GetResources leaves out, as the Tagging API's index may for a resource tagged since it was
 * last updated: its tags come from ListTags, so a fault-free scan calls both.
 */
export const NOT_IN_TAG_INDEX = (estate: Estate): string => estate.arn('models', 0);

const bulkTags = OPERATIONS['tag:GetResources']?.handler;

/** The operations that fill the slices the generated estate leaves empty, for `startFakeAwsServer({ operations })`. */
export const EXTRA_OPERATIONS: Record<string, OperationEntry> = {
  'tag:GetResources': {
    handler: (ctx) => {
      if (!bulkTags) throw new Error('the fake server serves no tag:GetResources');
      const out = bulkTags(ctx) as { ResourceTagMappingList: { ResourceARN: string }[] };
      const left = NOT_IN_TAG_INDEX(ctx.estate);
      return { ...out, ResourceTagMappingList: out.ResourceTagMappingList.filter((m) => m.ResourceARN !== left) };
    },
  },
  'sagemaker:ListModelPackageGroups': list('ModelPackageGroupSummaryList', (estate) =>
    GROUPS.map((g, k) => ({
      ModelPackageGroupName: g,
      ModelPackageGroupArn: arn(estate, 'model-package-group', g),
      CreationTime: created(90 - k),
      ModelPackageGroupStatus: 'Completed',
    })),
  ),
  'sagemaker:ListModelPackages': {
    handler: ({ estate, input }) => {
      const group = String(input.ModelPackageGroupName);
      if (!populated(estate) || !GROUPS.includes(group)) return { ModelPackageSummaryList: [] };
      const approvedOnly = input.ModelApprovalStatus === 'Approved';
      const versions = Array.from({ length: VERSIONS }, (_, k) => VERSIONS - k).filter((v) => !approvedOnly || v === 1);
      return {
        ModelPackageSummaryList: versions.map((v) => {
          const d = modelPackage(estate, group, v);
          return {
            ModelPackageName: d.ModelPackageName,
            ModelPackageGroupName: group,
            ModelPackageVersion: v,
            ModelPackageArn: d.ModelPackageArn,
            CreationTime: d.CreationTime,
            ModelPackageStatus: d.ModelPackageStatus,
            ModelApprovalStatus: d.ModelApprovalStatus,
          };
        }),
      };
    },
  },
  'sagemaker:DescribeModelPackage': {
    handler: ({ estate, input }) => {
      const m = /model-package\/([^/]+)\/(\d+)$/.exec(String(input.ModelPackageName));
      const group = m?.[1] ?? '';
      const version = Number(m?.[2]);
      if (!populated(estate) || !GROUPS.includes(group) || !(version >= 1 && version <= VERSIONS)) {
        throw notFound(`model package ${String(input.ModelPackageName)}`);
      }
      return modelPackage(estate, group, version);
    },
  },
  'sagemaker:ListModelCards': list('ModelCardSummaries', (estate) =>
    CARDS.map((c) => ({ ModelCardName: c, ModelCardArn: arn(estate, 'model-card', c), ModelCardStatus: 'Approved', CreationTime: created(15) })),
  ),
  'sagemaker:DescribeModelCard': {
    handler: byName('ModelCardName', CARDS, (estate, name): DescribeModelCardResponse => ({
      ModelCardArn: arn(estate, 'model-card', name),
      ModelCardName: name,
      ModelCardVersion: 1,
      ModelCardStatus: 'Approved',
      Content: JSON.stringify({ model_package_details: { model_package_arn: packageArn(estate, GROUPS[0] ?? '', 1) } }),
      CreationTime: created(15),
      CreatedBy: {},
    })),
  },
  'sagemaker:ListPipelines': list('PipelineSummaries', (estate) =>
    PIPELINES.map((p) => ({ PipelineName: p, PipelineArn: arn(estate, 'pipeline', p), CreationTime: created(40) })),
  ),
  'sagemaker:DescribePipeline': { handler: byName('PipelineName', PIPELINES, pipeline) },
  'sagemaker:ListPipelineExecutions': {
    handler: byName('PipelineName', PIPELINES, (estate): ListPipelineExecutionsResponse => ({
      PipelineExecutionSummaries: [
        { PipelineExecutionStatus: 'Succeeded', StartTime: created(2) },
        { PipelineExecutionStatus: 'Failed', StartTime: created(9) },
      ],
    })),
  },
  'sagemaker:ListExperiments': list('ExperimentSummaries', (estate) => [
    { ExperimentName: 'churn', ExperimentArn: arn(estate, 'experiment', 'churn'), CreationTime: created(30), ExperimentSource: { SourceArn: arn(estate, 'training-job', estate.name('trainingJobs', 0)), SourceType: 'SageMakerTrainingJob' } },
  ]),
  'sagemaker:ListFlowDefinitions': list('FlowDefinitionSummaries', (estate) =>
    FLOWS.map((f) => ({ FlowDefinitionName: f, FlowDefinitionArn: arn(estate, 'flow-definition', f), FlowDefinitionStatus: 'Active', CreationTime: created(50) })),
  ),
  'sagemaker:DescribeFlowDefinition': { handler: byName('FlowDefinitionName', FLOWS, flowDefinition) },
  'sagemaker:ListInferenceExperiments': list('InferenceExperiments', (estate) =>
    EXPERIMENTS.map((e) => ({ Name: e, Type: 'ShadowMode', Status: 'Running', CreationTime: created(5) })),
  ),
  'sagemaker:DescribeInferenceExperiment': { handler: byName('Name', EXPERIMENTS, inferenceExperiment) },
  ...jobDefinitionEntries(),
  'application-autoscaling:DescribeScalableTargets': list('ScalableTargets', scalableTargets),
  'application-autoscaling:DescribeScalingPolicies': list('ScalingPolicies', scalingPolicies),
  'cloudwatch:DescribeAlarms': {
    handler: ({ estate }) => ({ MetricAlarms: populated(estate) ? alarms(estate) : [], CompositeAlarms: [] }),
  },
  // Budgets are global: the collector asks us-east-1, which is the populated region.
  'budgets:DescribeBudgets': list('Budgets', () => [budget()]),
  'budgets:DescribeNotificationsForBudget': {
    handler: ({ input }) => {
      if (input.BudgetName !== BUDGET) throw new FakeAwsError(400, 'NotFoundException', `budget ${String(input.BudgetName)} not found`);
      return { Notifications: NOTIFICATIONS };
    },
  },
};
