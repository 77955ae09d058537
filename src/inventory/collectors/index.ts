import type { SliceName } from '../model.js';
import { GOVERNANCE_COLLECTORS } from './registry-governance.js';
import { JOB_COLLECTORS } from './registry-jobs.js';
import { MONITORING_COLLECTORS } from './registry-monitoring.js';
import { WORKSPACE_COLLECTORS } from './registry-workspaces.js';
import type { Collector } from '../collector.js';
import { endpointConfigsCollector } from './endpoint-configs.js';
import { endpointsCollector } from './endpoints.js';
import { featureGroupsCollector } from './feature-groups.js';
import { iamRolesCollector } from './iam-roles.js';
import { kmsKeysCollector } from './kms-keys.js';
import { modelsCollector } from './models.js';
import { monitoringSchedulesCollector } from './monitoring-schedules.js';
import { notebookInstancesCollector } from './notebook-instances.js';
import { trainingJobsCollector } from './training-jobs.js';

/** Exactly one collector per slice. */
export const COLLECTORS: { [K in SliceName]: Collector<K> } = {
  endpoints: endpointsCollector,
  endpointConfigs: endpointConfigsCollector,
  notebookInstances: notebookInstancesCollector,
  trainingJobs: trainingJobsCollector,
  models: modelsCollector,
  monitoringSchedules: monitoringSchedulesCollector,
  featureGroups: featureGroupsCollector,
  kmsKeys: kmsKeysCollector,
  iamRoles: iamRolesCollector,
  ...WORKSPACE_COLLECTORS,
  ...JOB_COLLECTORS,
  ...MONITORING_COLLECTORS,
  ...GOVERNANCE_COLLECTORS,
};
