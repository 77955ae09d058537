import { GOVERNANCE_SLICES } from './model-governance.js';
import { JOB_SLICES } from './model-jobs.js';
import { MONITORING_SLICES } from './model-monitoring.js';
import { WORKSPACE_SLICES } from './model-workspaces.js';
import type { CoreSliceItems, SliceName } from './model.js';
import { sagemakerSlice as sagemaker, type SliceInfo } from './slice-info.js';

export type { SliceInfo } from './slice-info.js';

const KEY_SOURCES: readonly SliceName[] = ['endpointConfigs', 'notebookInstances', 'trainingJobs', 'featureGroups', 'domains'];
const ROLE_SOURCES: readonly SliceName[] = [
  'notebookInstances',
  'trainingJobs',
  'models',
  'featureGroups',
  'endpointConfigs',
];

const CORE_SLICES: { [K in keyof CoreSliceItems]: SliceInfo } = {
  endpoints: sagemaker('AWS::SageMaker::Endpoint', 'Endpoint'),
  endpointConfigs: sagemaker('AWS::SageMaker::EndpointConfig', 'EndpointConfig'),
  notebookInstances: sagemaker('AWS::SageMaker::NotebookInstance', 'NotebookInstance'),
  trainingJobs: sagemaker('AWS::SageMaker::TrainingJob', 'TrainingJob'),
  models: sagemaker('AWS::SageMaker::Model', 'Model'),
  monitoringSchedules: sagemaker('AWS::SageMaker::MonitoringSchedule', 'MonitoringSchedule'),
  featureGroups: sagemaker('AWS::SageMaker::FeatureGroup', 'FeatureGroup'),
  kmsKeys: {
    resourceType: 'AWS::KMS::Key',
    service: 'kms',
    global: false,
    dependsOn: KEY_SOURCES,
    listOperation: 'DescribeKey',
    describeOperation: 'DescribeKey',
  },
  iamRoles: {
    resourceType: 'AWS::IAM::Role',
    service: 'iam',
    global: true,
    dependsOn: ROLE_SOURCES,
    listOperation: 'GetRole',
    describeOperation: 'GetRole',
  },
};

export const SLICES: Record<SliceName, SliceInfo> = {
  ...CORE_SLICES,
  ...WORKSPACE_SLICES,
  ...JOB_SLICES,
  ...MONITORING_SLICES,
  ...GOVERNANCE_SLICES,
};

export const SLICE_NAMES: readonly SliceName[] = Object.keys(SLICES) as SliceName[];

/** The slices to collect for `needs`, including the sources derived slices are built from. */
export function sliceClosure(needs: Iterable<SliceName>): SliceName[] {
  const out = new Set<SliceName>();
  const visit = (name: SliceName): void => {
    if (out.has(name)) return;
    out.add(name);
    for (const dep of SLICES[name].dependsOn) visit(dep);
  };
  for (const n of needs) visit(n);
  return [...out];
}
