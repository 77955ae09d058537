import type { Collector } from '../collector.js';
import type { MonitoringSliceItems } from '../model-monitoring.js';
import { cloudwatchAlarmsCollector } from './cloudwatch-alarms.js';
import { endpointMetricsCollector } from './endpoint-metrics.js';
import { flowDefinitionsCollector } from './flow-definitions.js';
import { inferenceExperimentsCollector } from './inference-experiments.js';
import { monitoringJobDefinitionsCollector } from './monitoring-job-definitions.js';
import { scalableTargetsCollector } from './scalable-targets.js';

/** One collector per slice of the monitoring group. */
export const MONITORING_COLLECTORS: { [K in keyof MonitoringSliceItems]: Collector<K> } = {
  monitoringJobDefinitions: monitoringJobDefinitionsCollector,
  scalableTargets: scalableTargetsCollector,
  cloudwatchAlarms: cloudwatchAlarmsCollector,
  endpointMetrics: endpointMetricsCollector,
  inferenceExperiments: inferenceExperimentsCollector,
  flowDefinitions: flowDefinitionsCollector,
};
