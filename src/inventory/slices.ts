import type { SliceName } from './model.js';

export interface SliceInfo {
  resourceType: string;
  /** Service prefix used in ARNs and IAM actions. */
  service: string;
  /** Global slices are collected once per account, not once per region. */
  global: boolean;
  /**
   * Derived slices are filled from references found in these slices (the KMS keys and roles that resources use),
   * so asking for a derived slice collects its sources too, and their failures make it incomplete.
   */
  dependsOn: readonly SliceName[];
}

const KEY_SOURCES: readonly SliceName[] = ['endpointConfigs', 'notebookInstances', 'trainingJobs', 'featureGroups'];
const ROLE_SOURCES: readonly SliceName[] = [
  'notebookInstances',
  'trainingJobs',
  'models',
  'featureGroups',
  'endpointConfigs',
];

export const SLICES: Record<SliceName, SliceInfo> = {
  endpoints: { resourceType: 'AWS::SageMaker::Endpoint', service: 'sagemaker', global: false, dependsOn: [] },
  endpointConfigs: { resourceType: 'AWS::SageMaker::EndpointConfig', service: 'sagemaker', global: false, dependsOn: [] },
  notebookInstances: {
    resourceType: 'AWS::SageMaker::NotebookInstance',
    service: 'sagemaker',
    global: false,
    dependsOn: [],
  },
  trainingJobs: { resourceType: 'AWS::SageMaker::TrainingJob', service: 'sagemaker', global: false, dependsOn: [] },
  models: { resourceType: 'AWS::SageMaker::Model', service: 'sagemaker', global: false, dependsOn: [] },
  monitoringSchedules: {
    resourceType: 'AWS::SageMaker::MonitoringSchedule',
    service: 'sagemaker',
    global: false,
    dependsOn: [],
  },
  featureGroups: { resourceType: 'AWS::SageMaker::FeatureGroup', service: 'sagemaker', global: false, dependsOn: [] },
  kmsKeys: { resourceType: 'AWS::KMS::Key', service: 'kms', global: false, dependsOn: KEY_SOURCES },
  iamRoles: { resourceType: 'AWS::IAM::Role', service: 'iam', global: true, dependsOn: ROLE_SOURCES },
};

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
