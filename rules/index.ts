import type { Rule } from '../src/engine/rule.js';
import endpointConfigKms from './endpoint-config-kms.js';
import endpointDataCapture from './endpoint-data-capture.js';
import endpointModelMonitor from './endpoint-model-monitor.js';
import endpointMultiInstance from './endpoint-multi-instance.js';
import featuregroupOfflineKms from './featuregroup-offline-kms.js';
import iamExecutionRoleNotAdmin from './iam-execution-role-not-admin.js';
import kmsSagemakerKeysHealthy from './kms-sagemaker-keys-healthy.js';
import notebookInVpc from './notebook-in-vpc.js';
import notebookKmsCmk from './notebook-kms-cmk.js';
import notebookNoDirectInternet from './notebook-no-direct-internet.js';
import notebookRootDisabled from './notebook-root-disabled.js';
import trainingIntercontainerEncryption from './training-intercontainer-encryption.js';
import trainingNetworkIsolation from './training-network-isolation.js';
import trainingOutputKms from './training-output-kms.js';
import trainingVolumeKms from './training-volume-kms.js';

/** The explicit, sorted registry of every rule. A meta test checks it against the files in this folder. */
export const RULES: readonly Rule[] = [
  endpointConfigKms,
  endpointDataCapture,
  endpointModelMonitor,
  endpointMultiInstance,
  featuregroupOfflineKms,
  iamExecutionRoleNotAdmin,
  kmsSagemakerKeysHealthy,
  notebookInVpc,
  notebookKmsCmk,
  notebookNoDirectInternet,
  notebookRootDisabled,
  trainingIntercontainerEncryption,
  trainingNetworkIsolation,
  trainingOutputKms,
  trainingVolumeKms,
];
