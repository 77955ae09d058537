/**
 * Builders for inventory fixtures. Every builder's defaults PASS every rule (given the resources they reference,
 * such as `kmsKey()`, are in the inventory too), so a test only spells out what makes a case differ.
 * Names say the expected outcome: `nb-pass`, `nb-fail-root`.
 */
import {
  GLOBAL_REGION,
  INVENTORY_SCHEMA_VERSION,
  SLICE_NAMES,
  type AttachedPolicy,
  type CollectionError,
  type Endpoint,
  type EndpointConfig,
  type EndpointConfigVariant,
  type EndpointVariant,
  type FeatureGroup,
  type IamRole,
  type Inventory,
  type KmsKey,
  type Model,
  type MonitoringSchedule,
  type NotebookInstance,
  type PolicyDocument,
  type SliceItems,
  type SliceName,
  type Slices,
  type TrainingJob,
} from '../../src/inventory/model.js';
import { SLICES } from '../../src/inventory/slices.js';
import { actionFor } from '../../src/aws/read-operations.js';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
export const OTHER_REGION = 'us-west-2';
export const COLLECTED_AT = '2026-03-02T10:00:00.000Z';
/** A fixed instant well before COLLECTED_AT, for creation and modification times. */
const CREATED_AT = '2026-01-15T09:30:00.000Z';

export const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
export const AWS_MANAGED_KEY_ID = 'aaaabbbb-0000-1111-2222-333344445555';

export function kmsKeyArn(keyId: string = KEY_ID, region: string = REGION): string {
  return `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;
}

export function kmsAliasArn(alias: string, region: string = REGION): string {
  return `arn:aws:kms:${region}:${ACCOUNT}:${alias}`;
}

/** SageMaker ARNs carry the resource name lowercased. */
export function sagemakerArn(type: string, name: string, region: string = REGION): string {
  return `arn:aws:sagemaker:${region}:${ACCOUNT}:${type}/${name.toLowerCase()}`;
}

export function roleArn(name: string = 'role-pass'): string {
  return `arn:aws:iam::${ACCOUNT}:role/${name}`;
}

type Overrides<T> = Partial<T>;

function withArn<T extends { arn: string; name: string; region: string }>(
  item: T,
  overrides: { arn?: string },
  arnOf: (item: T) => string,
): T {
  return { ...item, arn: overrides.arn ?? arnOf(item) };
}

export function notebook(overrides: Overrides<NotebookInstance> = {}): NotebookInstance {
  const item: NotebookInstance = {
    arn: '',
    name: 'nb-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::NotebookInstance',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'InService',
    instanceType: 'ml.t3.medium',
    directInternetAccess: false,
    rootAccess: false,
    subnetId: 'subnet-0a1b2c3d4e5f60718',
    securityGroups: ['sg-0123456789abcdef0'],
    kmsKeyId: KEY_ID,
    platformIdentifier: 'notebook-al2023-v1',
    roleArn: roleArn(),
    creationTime: CREATED_AT,
    lastModifiedTime: CREATED_AT,
    minimumImdsVersion: '2',
    ...overrides,
  };
  return withArn(item, overrides, (nb) => sagemakerArn('notebook-instance', nb.name, nb.region));
}

export function endpointVariant(overrides: Overrides<EndpointVariant> = {}): EndpointVariant {
  return {
    name: 'AllTraffic',
    currentInstanceCount: 2,
    desiredInstanceCount: 2,
    currentWeight: 1,
    serverless: false,
    ...overrides,
  };
}

/** A serverless variant as DescribeEndpoint reports it: no instance counts. */
export function serverlessEndpointVariant(overrides: Overrides<EndpointVariant> = {}): EndpointVariant {
  return { name: 'AllTraffic', currentWeight: 1, serverless: true, ...overrides };
}

export function endpoint(overrides: Overrides<Endpoint> = {}): Endpoint {
  const item: Endpoint = {
    arn: '',
    name: 'ep-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::Endpoint',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'InService',
    endpointConfigName: 'epc-pass',
    creationTime: CREATED_AT,
    lastModifiedTime: CREATED_AT,
    variants: [endpointVariant()],
    shadowVariantCount: 0,
    dataCapture: { enabled: true, captureStatus: 'Started', currentSamplingPercentage: 20, kmsKeyId: KEY_ID },
    lastDeploymentConfig: { trafficRouting: 'CANARY', rollbackAlarms: ['ep-pass-5xx'] },
    ...overrides,
  };
  return withArn(item, overrides, (ep) => sagemakerArn('endpoint', ep.name, ep.region));
}

export function endpointConfigVariant(overrides: Overrides<EndpointConfigVariant> = {}): EndpointConfigVariant {
  return {
    name: 'AllTraffic',
    modelName: 'model-pass',
    instanceType: 'ml.m5.xlarge',
    initialInstanceCount: 2,
    serverless: false,
    managedInstanceScaling: false,
    ...overrides,
  };
}

/** A serverless variant as DescribeEndpointConfig reports it: ServerlessConfig, no instance type or count. */
export function serverlessConfigVariant(overrides: Overrides<EndpointConfigVariant> = {}): EndpointConfigVariant {
  return { name: 'AllTraffic', modelName: 'model-pass', serverless: true, managedInstanceScaling: false, ...overrides };
}

export function endpointConfig(overrides: Overrides<EndpointConfig> = {}): EndpointConfig {
  const item: EndpointConfig = {
    arn: '',
    name: 'epc-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::EndpointConfig',
    tags: { project: 'churn', owner: 'ml-team' },
    creationTime: CREATED_AT,
    kmsKeyId: kmsKeyArn(),
    variants: [endpointConfigVariant()],
    shadowVariantCount: 0,
    dataCapture: {
      enabled: true,
      samplingPercentage: 20,
      captureInput: true,
      captureOutput: true,
      kmsKeyId: kmsKeyArn(),
      destinationS3Uri: 's3://ml-capture-111122223333/churn',
    },
    asyncInference: undefined,
    clarifyExplainer: false,
    executionRoleArn: roleArn(),
    ...overrides,
  };
  return withArn(item, overrides, (c) => sagemakerArn('endpoint-config', c.name, c.region));
}

export function trainingJob(overrides: Overrides<TrainingJob> = {}): TrainingJob {
  const item: TrainingJob = {
    arn: '',
    name: 'tj-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::TrainingJob',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'Completed',
    creationTime: CREATED_AT,
    roleArn: roleArn(),
    networkIsolation: true,
    interContainerEncryption: true,
    vpc: { subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroupIds: ['sg-0123456789abcdef0'] },
    outputKmsKeyId: kmsKeyArn(),
    volumeKmsKeyId: kmsKeyArn(),
    instanceCount: 1,
    instanceType: 'ml.m5.xlarge',
    usesInstanceGroups: false,
    managedSpot: true,
    checkpointS3Uri: 's3://ml-checkpoints-111122223333/churn/',
    maxRuntimeSeconds: 86_400,
    maxWaitSeconds: 172_800,
    trainingTimeSeconds: 3_600,
    billableTimeSeconds: 1_200,
    experiment: { experimentName: 'churn', trialName: 'churn-xgb', runName: 'run-1' },
    debugHook: true,
    debugRuleCount: 1,
    profilerEnabled: true,
    ...overrides,
  };
  return withArn(item, overrides, (j) => sagemakerArn('training-job', j.name, j.region));
}

export function model(overrides: Overrides<Model> = {}): Model {
  const item: Model = {
    arn: '',
    name: 'model-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::Model',
    tags: { project: 'churn', owner: 'ml-team' },
    creationTime: CREATED_AT,
    executionRoleArn: roleArn(),
    networkIsolation: true,
    vpc: { subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroupIds: ['sg-0123456789abcdef0'] },
    containers: [
      {
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn-xgb:1.7-1`,
        repositoryAccessMode: 'Vpc',
        modelPackageName: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`,
        modelDataUrl: 's3://ml-models-111122223333/churn/model.tar.gz',
      },
    ],
    ...overrides,
  };
  return withArn(item, overrides, (m) => sagemakerArn('model', m.name, m.region));
}

export function monitoringSchedule(overrides: Overrides<MonitoringSchedule> = {}): MonitoringSchedule {
  const item: MonitoringSchedule = {
    arn: '',
    name: 'ms-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::MonitoringSchedule',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'Scheduled',
    monitoringType: 'DataQuality',
    endpointName: 'ep-pass',
    jobDefinitionName: 'dq-churn',
    lastExecutionStatus: 'Completed',
    networkIsolation: true,
    interContainerEncryption: true,
    ...overrides,
  };
  return withArn(item, overrides, (s) => sagemakerArn('monitoring-schedule', s.name, s.region));
}

export function featureGroup(overrides: Overrides<FeatureGroup> = {}): FeatureGroup {
  const item: FeatureGroup = {
    arn: '',
    name: 'fg-pass',
    region: REGION,
    resourceType: 'AWS::SageMaker::FeatureGroup',
    tags: { project: 'churn', owner: 'ml-team' },
    status: 'Created',
    creationTime: CREATED_AT,
    offlineStore: { kmsKeyId: kmsKeyArn(), s3Uri: 's3://ml-features-111122223333/churn' },
    onlineStore: { enabled: true, kmsKeyId: kmsKeyArn(), storageType: 'Standard' },
    roleArn: roleArn(),
    ...overrides,
  };
  return withArn(item, overrides, (fg) => sagemakerArn('feature-group', fg.name, fg.region));
}

/**
 * A KMS key as DescribeKey + GetKeyRotationStatus report it. `aliases` (e.g. `alias/ml-data`) are added to
 * `references` as alias ARNs, which is how the collector records the forms a key was referenced by.
 */
export function kmsKey(overrides: Overrides<KmsKey> & { aliases?: string[] } = {}): KmsKey {
  const { aliases = [], ...rest } = overrides;
  const keyId = rest.keyId ?? KEY_ID;
  const region = rest.region ?? REGION;
  const arn = rest.arn ?? kmsKeyArn(keyId, region);
  return {
    arn,
    name: keyId,
    region,
    resourceType: 'AWS::KMS::Key',
    tags: {},
    keyId,
    manager: 'CUSTOMER',
    state: 'Enabled',
    keySpec: 'SYMMETRIC_DEFAULT',
    rotationEnabled: true,
    references: [arn, ...aliases.map((a) => kmsAliasArn(a, region))],
    ...rest,
  };
}

/** The AWS-managed `aws/sagemaker` key: KeyManager AWS, rotation not reported. */
export function awsManagedKmsKey(overrides: Overrides<KmsKey> & { aliases?: string[] } = {}): KmsKey {
  return kmsKey({
    keyId: AWS_MANAGED_KEY_ID,
    manager: 'AWS',
    rotationEnabled: undefined,
    aliases: ['alias/aws/sagemaker'],
    ...overrides,
  });
}

export const LEAST_PRIVILEGE_DOCUMENT: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadTrainingData',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::ml-data-111122223333', 'arn:aws:s3:::ml-data-111122223333/*'],
    },
    { Sid: 'UseDataKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: kmsKeyArn() },
  ],
};

export function customerPolicy(name: string, document: PolicyDocument = LEAST_PRIVILEGE_DOCUMENT): AttachedPolicy {
  return { arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`, name, awsManaged: false, document };
}

/** AWS-managed policies are attached by ARN only; the collector does not fetch their documents. */
export function awsManagedPolicy(name: string): AttachedPolicy {
  return { arn: `arn:aws:iam::aws:policy/${name}`, name, awsManaged: true };
}

export function iamRole(overrides: Overrides<IamRole> = {}): IamRole {
  const item: IamRole = {
    arn: '',
    name: 'role-pass',
    region: GLOBAL_REGION,
    resourceType: 'AWS::IAM::Role',
    tags: { project: 'churn' },
    roleId: 'AROAEXAMPLEROLEID0001',
    trustPolicy: {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Service: 'sagemaker.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
      },
    },
    attachedPolicies: [customerPolicy('ml-churn-training')],
    inlinePolicies: [],
    ...overrides,
  };
  return withArn(item, overrides, (r) => roleArn(r.name));
}

function operationOf(slice: SliceName, which: 'listOperation' | 'describeOperation'): { operation: string; action: string } {
  const info = SLICES[slice];
  const op = info[which];
  return { operation: op, action: actionFor(info.service, op) };
}

/** A List call denied in a region: the whole slice is incomplete there. */
export function listError(
  slice: SliceName,
  overrides: Partial<Omit<CollectionError, 'slice' | 'resourceArn'>> = {},
): CollectionError {
  const { operation, action } = operationOf(slice, 'listOperation');
  return {
    slice,
    region: SLICES[slice].global ? GLOBAL_REGION : REGION,
    operation,
    action,
    kind: 'access-denied',
    code: 'AccessDeniedException',
    message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/auditor/session is not authorized to perform: ${action}`,
    ...overrides,
  };
}

/** A Describe (or Get) that failed for one listed resource. */
export function describeError(
  slice: SliceName,
  resourceArn: string,
  overrides: Partial<Omit<CollectionError, 'slice' | 'resourceArn'>> = {},
): CollectionError {
  const { operation, action } = operationOf(slice, 'describeOperation');
  const region = resourceArn.split(':')[3] || GLOBAL_REGION;
  return {
    slice,
    region,
    operation,
    action,
    kind: 'throttled',
    code: 'ThrottlingException',
    message: 'Rate exceeded',
    resourceArn,
    ...overrides,
  };
}

export type InventoryInput = { [K in SliceName]?: SliceItems[K][] } & {
  /** Collection errors, filed under their `slice`. */
  errors?: CollectionError[];
  /** Slices to leave out entirely, as if they were never collected. */
  notCollected?: SliceName[];
};

/**
 * An inventory in which every slice was collected (empty unless given), so derived slices' sources are present.
 * Regions are us-east-1 plus any region an item or error names.
 */
export function inventory(input: InventoryInput = {}): Inventory {
  const { errors = [], notCollected = [], ...items } = input;
  const slices: Partial<Slices> = {};
  const regions = new Set<string>([REGION]);
  for (const name of SLICE_NAMES) {
    if (notCollected.includes(name)) continue;
    const sliceItems = (items[name] ?? []) as SliceItems[typeof name][];
    const sliceErrors = errors.filter((e) => e.slice === name);
    for (const r of [...sliceItems, ...sliceErrors]) if (r.region !== GLOBAL_REGION) regions.add(r.region);
    (slices as Record<SliceName, unknown>)[name] = { items: sliceItems, errors: sliceErrors };
  }
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    account: { id: ACCOUNT },
    regions: [...regions].sort(),
    collectedAt: COLLECTED_AT,
    slices,
  };
}
