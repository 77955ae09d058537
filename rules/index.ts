import type { Rule } from '../src/engine/rule.js';
import a2iHumanReview from './a2i-human-review.js';
import automlJobSecure from './automl-job-secure.js';
import budgetCoversSagemaker from './budget-covers-sagemaker.js';
import clarifyPretrainingBias from './clarify-pretraining-bias.js';
import costAllocationTags from './cost-allocation-tags.js';
import domainIdleShutdown from './domain-idle-shutdown.js';
import domainKmsCmk from './domain-kms-cmk.js';
import domainSso from './domain-sso.js';
import domainVpcOnly from './domain-vpc-only.js';
import endpointAsyncOutputKms from './endpoint-async-output-kms.js';
import endpointAutoscaling from './endpoint-autoscaling.js';
import endpointBiasMonitor from './endpoint-bias-monitor.js';
import endpointCloudwatchAlarms from './endpoint-cloudwatch-alarms.js';
import endpointConfigKms from './endpoint-config-kms.js';
import endpointDataCapture from './endpoint-data-capture.js';
import endpointDataCaptureKms from './endpoint-data-capture-kms.js';
import endpointDeploymentGuardrails from './endpoint-deployment-guardrails.js';
import endpointExplainabilityMonitor from './endpoint-explainability-monitor.js';
import endpointIdle from './endpoint-idle.js';
import endpointModelMonitor from './endpoint-model-monitor.js';
import endpointMultiInstance from './endpoint-multi-instance.js';
import endpointShadowOrAb from './endpoint-shadow-or-ab.js';
import featuregroupOfflineKms from './featuregroup-offline-kms.js';
import featuregroupOfflineStore from './featuregroup-offline-store.js';
import featuregroupOnlineKms from './featuregroup-online-kms.js';
import hpoEarlyStopping from './hpo-early-stopping.js';
import hpoResourceLimits from './hpo-resource-limits.js';
import hpoStrategyEfficient from './hpo-strategy-efficient.js';
import hpoTrainingDefSecure from './hpo-training-def-secure.js';
import hpoWarmStart from './hpo-warm-start.js';
import iamExecutionRoleNotAdmin from './iam-execution-role-not-admin.js';
import iamSagemakerRoleConfusedDeputy from './iam-sagemaker-role-confused-deputy.js';
import iamSagemakerRoleNoFullaccess from './iam-sagemaker-role-no-fullaccess.js';
import inferenceExperimentKms from './inference-experiment-kms.js';
import kmsSagemakerKeysHealthy from './kms-sagemaker-keys-healthy.js';
import modelCardForRegistered from './model-card-for-registered.js';
import modelCardKms from './model-card-kms.js';
import modelFromRegistry from './model-from-registry.js';
import modelInVpc from './model-in-vpc.js';
import modelNetworkIsolation from './model-network-isolation.js';
import modelPrivateRegistry from './model-private-registry.js';
import monitorJobIce from './monitor-job-ice.js';
import monitorJobKms from './monitor-job-kms.js';
import monitorJobNetworkIsolation from './monitor-job-network-isolation.js';
import monitorLastRunHealthy from './monitor-last-run-healthy.js';
import notebookIdle from './notebook-idle.js';
import notebookImdsv2 from './notebook-imdsv2.js';
import notebookInVpc from './notebook-in-vpc.js';
import notebookKmsCmk from './notebook-kms-cmk.js';
import notebookLccNoSecrets from './notebook-lcc-no-secrets.js';
import notebookNoDirectInternet from './notebook-no-direct-internet.js';
import notebookRootDisabled from './notebook-root-disabled.js';
import notebookSupportedPlatform from './notebook-supported-platform.js';
import pipelineQualityGates from './pipeline-quality-gates.js';
import pipelinesInUse from './pipelines-in-use.js';
import processingJobKms from './processing-job-kms.js';
import registryInUse from './registry-in-use.js';
import registryManualApproval from './registry-manual-approval.js';
import registryPackageMetrics from './registry-package-metrics.js';
import trainingCheckpointing from './training-checkpointing.js';
import trainingDebuggerProfiler from './training-debugger-profiler.js';
import trainingExperimentTracked from './training-experiment-tracked.js';
import trainingInVpc from './training-in-vpc.js';
import trainingIntercontainerEncryption from './training-intercontainer-encryption.js';
import trainingManagedSpot from './training-managed-spot.js';
import trainingNetworkIsolation from './training-network-isolation.js';
import trainingOutputKms from './training-output-kms.js';
import trainingStoppingCondition from './training-stopping-condition.js';
import trainingVolumeKms from './training-volume-kms.js';
import transformJobKms from './transform-job-kms.js';

/** The explicit, sorted registry of every rule. A meta test checks it against the files in this folder. */
export const RULES: readonly Rule[] = [
  a2iHumanReview,
  automlJobSecure,
  budgetCoversSagemaker,
  clarifyPretrainingBias,
  costAllocationTags,
  domainIdleShutdown,
  domainKmsCmk,
  domainSso,
  domainVpcOnly,
  endpointAsyncOutputKms,
  endpointAutoscaling,
  endpointBiasMonitor,
  endpointCloudwatchAlarms,
  endpointConfigKms,
  endpointDataCapture,
  endpointDataCaptureKms,
  endpointDeploymentGuardrails,
  endpointExplainabilityMonitor,
  endpointIdle,
  endpointModelMonitor,
  endpointMultiInstance,
  endpointShadowOrAb,
  featuregroupOfflineKms,
  featuregroupOfflineStore,
  featuregroupOnlineKms,
  hpoEarlyStopping,
  hpoResourceLimits,
  hpoStrategyEfficient,
  hpoTrainingDefSecure,
  hpoWarmStart,
  iamExecutionRoleNotAdmin,
  iamSagemakerRoleConfusedDeputy,
  iamSagemakerRoleNoFullaccess,
  inferenceExperimentKms,
  kmsSagemakerKeysHealthy,
  modelCardForRegistered,
  modelCardKms,
  modelFromRegistry,
  modelInVpc,
  modelNetworkIsolation,
  modelPrivateRegistry,
  monitorJobIce,
  monitorJobKms,
  monitorJobNetworkIsolation,
  monitorLastRunHealthy,
  notebookIdle,
  notebookImdsv2,
  notebookInVpc,
  notebookKmsCmk,
  notebookLccNoSecrets,
  notebookNoDirectInternet,
  notebookRootDisabled,
  notebookSupportedPlatform,
  pipelineQualityGates,
  pipelinesInUse,
  processingJobKms,
  registryInUse,
  registryManualApproval,
  registryPackageMetrics,
  trainingCheckpointing,
  trainingDebuggerProfiler,
  trainingExperimentTracked,
  trainingInVpc,
  trainingIntercontainerEncryption,
  trainingManagedSpot,
  trainingNetworkIsolation,
  trainingOutputKms,
  trainingStoppingCondition,
  trainingVolumeKms,
  transformJobKms,
];
