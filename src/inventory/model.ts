/**
 * The inventory: a normalised, JSON-serialisable snapshot of an account's ML estate.
 * Raw SDK shapes (where nearly every field is optional) stop at the collectors; rules only ever see these types.
 */

import type { GovernanceSliceItems } from './model-governance.js';
import type { JobSliceItems } from './model-jobs.js';
import type { MonitoringSliceItems } from './model-monitoring.js';
import type { WorkspaceSliceItems } from './model-workspaces.js';

export const INVENTORY_SCHEMA_VERSION = 1;

/** Region value used for resources that are global to the account (IAM roles, budgets). */
export const GLOBAL_REGION = 'global';

export type Tags = Record<string, string>;

export interface ResourceBase {
  arn: string;
  name: string;
  /** AWS region, or `global` for account-wide resources. */
  region: string;
  /** CloudFormation-style type name, e.g. `AWS::SageMaker::Endpoint`. */
  resourceType: string;
  tags: Tags;
}

export interface EndpointVariant {
  name: string;
  currentInstanceCount?: number;
  desiredInstanceCount?: number;
  currentWeight?: number;
  serverless: boolean;
}

export interface DeploymentGuardrails {
  /** `ALL_AT_ONCE`, `CANARY`, `LINEAR`, or `ROLLING` for a rolling update policy. */
  trafficRouting?: string;
  rollbackAlarms: string[];
}

export interface Endpoint extends ResourceBase {
  status: string;
  endpointConfigName: string;
  creationTime: string;
  lastModifiedTime?: string;
  variants: EndpointVariant[];
  shadowVariantCount: number;
  dataCapture?: {
    enabled: boolean;
    captureStatus?: string;
    currentSamplingPercentage?: number;
    kmsKeyId?: string;
  };
  /** Present only after a Create/UpdateEndpoint that carried a DeploymentConfig. */
  lastDeploymentConfig?: DeploymentGuardrails;
}

export interface EndpointConfigVariant {
  name: string;
  modelName?: string;
  instanceType?: string;
  initialInstanceCount?: number;
  serverless: boolean;
  managedInstanceScaling: boolean;
}

export interface EndpointConfig extends ResourceBase {
  creationTime: string;
  kmsKeyId?: string;
  variants: EndpointConfigVariant[];
  shadowVariantCount: number;
  dataCapture?: {
    enabled: boolean;
    samplingPercentage: number;
    captureInput: boolean;
    captureOutput: boolean;
    kmsKeyId?: string;
    destinationS3Uri?: string;
  };
  asyncInference?: { outputKmsKeyId?: string };
  clarifyExplainer: boolean;
  executionRoleArn?: string;
}

export interface NotebookInstance extends ResourceBase {
  status: string;
  instanceType?: string;
  directInternetAccess: boolean;
  rootAccess: boolean;
  subnetId?: string;
  securityGroups: string[];
  kmsKeyId?: string;
  platformIdentifier?: string;
  lifecycleConfigName?: string;
  roleArn?: string;
  creationTime?: string;
  lastModifiedTime?: string;
  minimumImdsVersion?: string;
}

export interface TrainingJob extends ResourceBase {
  status: string;
  creationTime: string;
  roleArn?: string;
  networkIsolation: boolean;
  interContainerEncryption: boolean;
  vpc?: { subnets: string[]; securityGroupIds: string[] };
  outputKmsKeyId?: string;
  volumeKmsKeyId?: string;
  /** Total instances across ResourceConfig.InstanceCount or all heterogeneous instance groups. */
  instanceCount: number;
  instanceType?: string;
  usesInstanceGroups: boolean;
  managedSpot: boolean;
  checkpointS3Uri?: string;
  maxRuntimeSeconds?: number;
  maxWaitSeconds?: number;
  trainingTimeSeconds?: number;
  billableTimeSeconds?: number;
  experiment?: { experimentName?: string; trialName?: string; runName?: string };
  debugHook: boolean;
  debugRuleCount: number;
  profilerEnabled: boolean;
  tuningJobArn?: string;
  autoMlJobArn?: string;
}

export interface ModelContainer {
  image?: string;
  repositoryAccessMode?: string;
  modelPackageName?: string;
  modelDataUrl?: string;
}

export interface Model extends ResourceBase {
  creationTime: string;
  executionRoleArn?: string;
  networkIsolation: boolean;
  vpc?: { subnets: string[]; securityGroupIds: string[] };
  containers: ModelContainer[];
}

export type MonitoringType = 'DataQuality' | 'ModelQuality' | 'ModelBias' | 'ModelExplainability';

export interface MonitoringSchedule extends ResourceBase {
  status: string;
  monitoringType?: string;
  endpointName?: string;
  jobDefinitionName?: string;
  lastExecutionStatus?: string;
  /** From an inline MonitoringJobDefinition; job-definition-based schedules carry these on the definition. */
  networkIsolation?: boolean;
  interContainerEncryption?: boolean;
}

export interface FeatureGroup extends ResourceBase {
  status: string;
  creationTime: string;
  offlineStore?: { kmsKeyId?: string; s3Uri?: string };
  onlineStore?: { enabled: boolean; kmsKeyId?: string; storageType?: string };
  roleArn?: string;
}

export interface KmsKey extends ResourceBase {
  keyId: string;
  /** `CUSTOMER` or `AWS`. */
  manager: string;
  state: string;
  keySpec?: string;
  /** Undefined when rotation status does not apply (AWS-managed, asymmetric, imported material). */
  rotationEnabled?: boolean;
  /** Every reference seen in the account (key id, alias, ARN) that resolved to this key. */
  references: string[];
}

export interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, unknown>;
  Principal?: unknown;
  Sid?: string;
}

export interface PolicyDocument {
  Version?: string;
  Statement?: PolicyStatement | PolicyStatement[];
}

export interface AttachedPolicy {
  arn: string;
  name: string;
  /** AWS-managed policies are not fetched; customer-managed ones carry their default version's document. */
  awsManaged: boolean;
  document?: PolicyDocument;
}

export interface IamRole extends ResourceBase {
  roleId?: string;
  trustPolicy?: PolicyDocument;
  attachedPolicies: AttachedPolicy[];
  inlinePolicies: { name: string; document: PolicyDocument }[];
}

/** The first slices: endpoints, notebooks, training jobs and what they reference. */
export interface CoreSliceItems {
  endpoints: Endpoint;
  endpointConfigs: EndpointConfig;
  notebookInstances: NotebookInstance;
  trainingJobs: TrainingJob;
  models: Model;
  monitoringSchedules: MonitoringSchedule;
  featureGroups: FeatureGroup;
  kmsKeys: KmsKey;
  iamRoles: IamRole;
}

/** Every slice the collectors can fill, with the item type each holds. Groups live in model-<group>.ts. */
export interface SliceItems
  extends CoreSliceItems,
    WorkspaceSliceItems,
    JobSliceItems,
    MonitoringSliceItems,
    GovernanceSliceItems {}

export type SliceName = keyof SliceItems;

export { SLICE_NAMES } from './slices.js';

export type ErrorKind = 'access-denied' | 'throttled' | 'not-implemented' | 'api-error' | 'not-collected';

/**
 * Something the scan could not read. With `resourceArn` it concerns one resource (a Describe that failed);
 * without, the whole slice in `region` (a List that failed) is incomplete.
 */
export interface CollectionError {
  slice: SliceName;
  region: string;
  /** API operation, e.g. `ListEndpoints`. */
  operation: string;
  /** IAM action the operation needs, e.g. `sagemaker:ListEndpoints`. */
  action: string;
  kind: ErrorKind;
  code: string;
  message: string;
  resourceArn?: string;
}

export interface Slice<T> {
  items: T[];
  errors: CollectionError[];
}

export type Slices = { [K in SliceName]: Slice<SliceItems[K]> };

export interface Inventory {
  schemaVersion: number;
  account: { id: string };
  regions: string[];
  collectedAt: string;
  /** Only the slices the selected rules needed; a slice that is absent was not collected. */
  slices: Partial<Slices>;
  /** Bounds applied while collecting (job history window, caps), so reports can state the scan's scope. */
  notes?: string[];
}
