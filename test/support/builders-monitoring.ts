/**
 * Builders for the monitoring group's inventory items. Defaults PASS every rule, given the core resources they
 * point at (`endpoint()` named `ep-pass` with one `AllTraffic` variant, `kmsKey()`); names say the outcome.
 */
import type {
  AlarmMetric,
  CloudWatchAlarm,
  EndpointMetrics,
  FlowDefinition,
  InferenceExperiment,
  MonitoringJobDefinition,
  ScalableTarget,
} from '../../src/inventory/model-monitoring.js';
import type { MonitoringSchedule, MonitoringType } from '../../src/inventory/model.js';
import { ACCOUNT, COLLECTED_AT, kmsKeyArn, monitoringSchedule, REGION, roleArn, sagemakerArn } from './builders.js';

type Overrides<T> = Partial<T>;

const CREATED_AT = '2026-01-20T08:00:00.000Z';
const DAY_MS = 86_400_000;

const JOB_DEFINITION_ARN_TYPES: Record<MonitoringType, string> = {
  DataQuality: 'data-quality-job-definition',
  ModelQuality: 'model-quality-job-definition',
  ModelBias: 'model-bias-job-definition',
  ModelExplainability: 'model-explainability-job-definition',
};

export function monitoringJobDefinition(overrides: Overrides<MonitoringJobDefinition> = {}): MonitoringJobDefinition {
  const item: MonitoringJobDefinition = {
    arn: '',
    name: 'mjd-pass',
    region: REGION,
    resourceType: '',
    tags: { project: 'churn', owner: 'ml-team' },
    monitoringType: 'DataQuality',
    creationTime: CREATED_AT,
    endpointName: 'ep-pass',
    roleArn: roleArn(),
    networkIsolation: true,
    interContainerEncryption: true,
    instanceCount: 1,
    instanceType: 'ml.m5.xlarge',
    volumeKmsKeyId: kmsKeyArn(),
    outputKmsKeyId: kmsKeyArn(),
    ...overrides,
  };
  return {
    ...item,
    resourceType: overrides.resourceType ?? `AWS::SageMaker::${item.monitoringType}JobDefinition`,
    arn: overrides.arn ?? sagemakerArn(JOB_DEFINITION_ARN_TYPES[item.monitoringType], item.name, item.region),
  };
}

export const INSTANCE_COUNT_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';

/** A scalable target for `endpointName`/`variantName` (default ep-pass/AllTraffic) with a target-tracking policy. */
export function scalableTarget(overrides: Overrides<ScalableTarget> = {}): ScalableTarget {
  const endpointName = overrides.endpointName ?? 'ep-pass';
  const variantName = overrides.variantName ?? 'AllTraffic';
  const region = overrides.region ?? REGION;
  const resourceId = overrides.resourceId ?? `endpoint/${endpointName}/variant/${variantName}`;
  const scalableDimension = overrides.scalableDimension ?? INSTANCE_COUNT_DIMENSION;
  return {
    arn: `arn:aws:application-autoscaling:${region}:${ACCOUNT}:scalable-target/sagemaker/${resourceId}/${scalableDimension}`,
    name: resourceId,
    region,
    resourceType: 'AWS::ApplicationAutoScaling::ScalableTarget',
    tags: {},
    resourceId,
    endpointName,
    variantName,
    scalableDimension,
    minCapacity: 2,
    maxCapacity: 6,
    scaleOutSuspended: false,
    policyNames: [`${endpointName}-invocations-per-instance`],
    policyTypes: ['TargetTrackingScaling'],
    ...overrides,
  };
}

/** An AWS/SageMaker endpoint metric, with the dimensions CloudWatch uses for endpoint variants. */
export function endpointMetric(
  endpointName: string = 'ep-pass',
  metricName: string = 'Invocation5XXErrors',
  variantName: string = 'AllTraffic',
): AlarmMetric {
  return { namespace: 'AWS/SageMaker', metricName, dimensions: { EndpointName: endpointName, VariantName: variantName } };
}

/** A metric alarm on ep-pass's 5XX errors that notifies an SNS topic. */
export function cloudwatchAlarm(overrides: Overrides<CloudWatchAlarm> = {}): CloudWatchAlarm {
  const name = overrides.name ?? 'ep-pass-5xx';
  const region = overrides.region ?? REGION;
  return {
    arn: `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${name}`,
    name,
    region,
    resourceType: 'AWS::CloudWatch::Alarm',
    tags: {},
    metrics: [endpointMetric()],
    actionsEnabled: true,
    alarmActionCount: 1,
    stateValue: 'OK',
    ...overrides,
  };
}

/** Fourteen days of traffic on ep-pass's AllTraffic variant, ending at COLLECTED_AT. */
export function endpointMetrics(overrides: Overrides<EndpointMetrics> = {}): EndpointMetrics {
  const endpointName = overrides.endpointName ?? overrides.name ?? 'ep-pass';
  const region = overrides.region ?? REGION;
  const variants = overrides.variants ?? [{ variantName: 'AllTraffic', invocations: 12_600, dataPoints: 14 }];
  return {
    arn: sagemakerArn('endpoint', endpointName, region),
    name: endpointName,
    region,
    resourceType: 'AWS::SageMaker::Endpoint',
    tags: {},
    endpointName,
    windowDays: 14,
    windowStart: new Date(Date.parse(COLLECTED_AT) - 14 * DAY_MS).toISOString(),
    windowEnd: COLLECTED_AT,
    invocations: variants.reduce((sum, v) => sum + v.invocations, 0),
    variants,
    dataPoints: variants.reduce((sum, v) => sum + v.dataPoints, 0),
    ...overrides,
  };
}

export function inferenceExperiment(overrides: Overrides<InferenceExperiment> = {}): InferenceExperiment {
  const item: InferenceExperiment = {
    arn: '',
    name: 'ie-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::InferenceExperiment',
    tags: { project: 'churn' },
    status: 'Completed',
    type: 'ShadowMode',
    endpointName: 'ep-pass',
    creationTime: CREATED_AT,
    roleArn: roleArn(),
    kmsKey: kmsKeyArn(),
    dataStorage: { destination: 's3://ml-capture-111122223333/shadow', kmsKey: kmsKeyArn() },
    instanceTypes: ['ml.m5.xlarge'],
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? sagemakerArn('inference-experiment', item.name, item.region) };
}

export function flowDefinition(overrides: Overrides<FlowDefinition> = {}): FlowDefinition {
  const item: FlowDefinition = {
    arn: '',
    name: 'fd-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::FlowDefinition',
    tags: {},
    status: 'Active',
    creationTime: CREATED_AT,
    humanLoopActivation: true,
    outputS3Path: 's3://ml-human-review-111122223333/churn',
    outputKmsKeyId: kmsKeyArn(),
    roleArn: roleArn(),
    ...overrides,
  };
  return { ...item, arn: overrides.arn ?? sagemakerArn('flow-definition', item.name, item.region) };
}

/** A scheduled model-bias monitor on ep-pass (the core builder's default schedule is data quality). */
export function biasSchedule(overrides: Overrides<MonitoringSchedule> = {}): MonitoringSchedule {
  return monitoringSchedule({ name: 'ms-bias-pass', monitoringType: 'ModelBias', jobDefinitionName: 'mbias-pass', ...overrides });
}

/** A scheduled model-explainability monitor on ep-pass. */
export function explainabilitySchedule(overrides: Overrides<MonitoringSchedule> = {}): MonitoringSchedule {
  return monitoringSchedule({
    name: 'ms-explain-pass',
    monitoringType: 'ModelExplainability',
    jobDefinitionName: 'mexplain-pass',
    ...overrides,
  });
}
