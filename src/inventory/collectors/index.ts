import type { SliceName } from '../model.js';
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
};
