/** Inventory types of the monitoring group: see model.ts for the conventions every item follows. */
import type { MonitoringType, ResourceBase } from './model.js';
import { sagemakerSlice, type SliceInfo } from './slice-info.js';

/**
 * A Model Monitor job definition of any of the four kinds (Describe{DataQuality,ModelQuality,ModelBias,
 * ModelExplainability}JobDefinition). Each item carries its own CloudFormation type
 * (`AWS::SageMaker::DataQualityJobDefinition`, ...); the slice as a whole is named by an umbrella type.
 */
export interface MonitoringJobDefinition extends ResourceBase {
  monitoringType: MonitoringType;
  creationTime: string;
  /** From <Kind>JobInput.EndpointInput.EndpointName; absent for batch-transform monitors. */
  endpointName?: string;
  roleArn?: string;
  networkIsolation: boolean;
  interContainerEncryption: boolean;
  /** JobResources.ClusterConfig.InstanceCount. */
  instanceCount: number;
  instanceType?: string;
  volumeKmsKeyId?: string;
  /** <Kind>JobOutputConfig.KmsKeyId. */
  outputKmsKeyId?: string;
}

/** An Application Auto Scaling target registered for an endpoint variant, with the policies attached to it. */
export interface ScalableTarget extends ResourceBase {
  /** `endpoint/<endpoint>/variant/<variant>`. */
  resourceId: string;
  endpointName: string;
  variantName: string;
  /** `sagemaker:variant:DesiredInstanceCount` or `sagemaker:variant:DesiredProvisionedConcurrency`. */
  scalableDimension: string;
  minCapacity: number;
  maxCapacity: number;
  /** SuspendedState.DynamicScalingOutSuspended: policies may not add capacity. */
  scaleOutSuspended: boolean;
  policyNames: string[];
  /** `TargetTrackingScaling`, `StepScaling` or `PredictiveScaling`, one per policy. */
  policyTypes: string[];
}

export interface AlarmMetric {
  namespace: string;
  metricName: string;
  /** Dimension name to value, e.g. `{ EndpointName: 'churn', VariantName: 'AllTraffic' }`. */
  dimensions: Record<string, string>;
}

/** Endpoint invocation metrics (Invocations, Invocation5XXErrors, ModelLatency, OverheadLatency, ...). */
export const SAGEMAKER_NAMESPACE = 'AWS/SageMaker';

/**
 * The other namespaces that concern endpoints: `/aws/sagemaker/Endpoints` (instance CPU, memory, disk) and Model
 * Monitor's metrics below it: `/aws/sagemaker/Endpoints/data-metric` from the built-in container,
 * `/aws/sagemaker/Endpoint/data-metrics` by default from custom containers, and `aws/sagemaker/Endpoints/bias-metrics`
 * or `.../explainability-metrics` (no leading slash) from Clarify.
 */
const ENDPOINT_NAMESPACE = /^\/?aws\/sagemaker\/endpoints?(\/|$)/i;

export function isEndpointNamespace(namespace: string): boolean {
  return namespace === SAGEMAKER_NAMESPACE || ENDPOINT_NAMESPACE.test(namespace);
}

/** AWS/SageMaker uses `EndpointName`; Model Monitor containers use `EndpointName` or `Endpoint`. */
export function metricEndpoint(metric: AlarmMetric): string | undefined {
  return metric.dimensions.EndpointName ?? metric.dimensions.Endpoint;
}

/** Model Monitor's built-in container uses `ScheduleName`; Clarify and custom containers `MonitoringSchedule`. */
export function metricSchedule(metric: AlarmMetric): string | undefined {
  return metric.dimensions.ScheduleName ?? metric.dimensions.MonitoringSchedule;
}

/** A CloudWatch metric alarm that watches at least one SageMaker endpoint metric. */
export interface CloudWatchAlarm extends ResourceBase {
  /**
   * The metrics the alarm watches: one for a plain metric alarm, every MetricStat of a metric-math alarm.
   * Normalised to one list so that rules need not tell the two alarm shapes apart.
   */
  metrics: AlarmMetric[];
  actionsEnabled: boolean;
  alarmActionCount: number;
  /** `OK`, `ALARM` or `INSUFFICIENT_DATA`. */
  stateValue: string;
}

/** How many days of invocations endpointMetrics sums. Two weeks covers weekly batch traffic and a holiday week. */
export const METRICS_WINDOW_DAYS = 14;

export interface VariantInvocations {
  variantName: string;
  invocations: number;
  dataPoints: number;
}

/**
 * AWS/SageMaker Invocations summed per day over a window ending at collection time, for an InService endpoint
 * with instance-based variants. The item is named and ARN'd after the endpoint it measures.
 */
export interface EndpointMetrics extends ResourceBase {
  endpointName: string;
  windowDays: number;
  windowStart: string;
  windowEnd: string;
  /** Total over the instance-based variants (serverless variants cost nothing when idle and are not queried). */
  invocations: number;
  variants: VariantInvocations[];
  /** Daily data points returned across all variants; 0 when CloudWatch holds no Invocations data at all. */
  dataPoints: number;
}

export interface InferenceExperiment extends ResourceBase {
  status: string;
  type?: string;
  endpointName?: string;
  creationTime?: string;
  roleArn?: string;
  /** KmsKey: encrypts the storage volumes of the instances hosting the experiment's variants. */
  kmsKey?: string;
  /** DataStorageConfig: where captured requests and responses go, when capture is configured. */
  dataStorage?: { destination?: string; kmsKey?: string };
  instanceTypes: string[];
}

/** An Amazon Augmented AI (A2I) flow definition: when and how predictions are sent to human reviewers. */
export interface FlowDefinition extends ResourceBase {
  status: string;
  creationTime: string;
  /** HumanLoopActivationConfig is set: humans review only the predictions that meet its conditions. */
  humanLoopActivation: boolean;
  /** HumanLoopRequestSource.AwsManagedHumanLoopRequestSource (Textract or Rekognition built-in integrations). */
  awsManagedRequestSource?: string;
  outputS3Path?: string;
  outputKmsKeyId?: string;
  roleArn?: string;
}

export interface MonitoringSliceItems {
  monitoringJobDefinitions: MonitoringJobDefinition;
  scalableTargets: ScalableTarget;
  cloudwatchAlarms: CloudWatchAlarm;
  endpointMetrics: EndpointMetrics;
  inferenceExperiments: InferenceExperiment;
  flowDefinitions: FlowDefinition;
}

export const MONITORING_SLICES: { [K in keyof MonitoringSliceItems]: SliceInfo } = {
  // Four List/Describe pairs fill this slice; each error names the operation of its own kind. The operations
  // given here (data quality) are only the defaults for describing the slice as a whole.
  monitoringJobDefinitions: sagemakerSlice('AWS::SageMaker::MonitoringJobDefinition', 'DataQualityJobDefinition'),
  scalableTargets: {
    resourceType: 'AWS::ApplicationAutoScaling::ScalableTarget',
    service: 'application-autoscaling',
    global: false,
    dependsOn: [],
    listOperation: 'DescribeScalableTargets',
    describeOperation: 'DescribeScalingPolicies',
  },
  cloudwatchAlarms: {
    resourceType: 'AWS::CloudWatch::Alarm',
    service: 'cloudwatch',
    global: false,
    dependsOn: [],
    listOperation: 'DescribeAlarms',
    describeOperation: 'DescribeAlarms',
  },
  endpointMetrics: {
    resourceType: 'AWS::SageMaker::Endpoint',
    service: 'cloudwatch',
    global: false,
    dependsOn: ['endpoints'],
    listOperation: 'GetMetricData',
    describeOperation: 'GetMetricData',
  },
  inferenceExperiments: sagemakerSlice('AWS::SageMaker::InferenceExperiment', 'InferenceExperiment'),
  flowDefinitions: sagemakerSlice('AWS::SageMaker::FlowDefinition', 'FlowDefinition'),
};
