import type { Collector } from '../collector.js';
import type { MonitoringSliceItems } from '../model-monitoring.js';

/** One collector per slice of the monitoring group. */
export const MONITORING_COLLECTORS: { [K in keyof MonitoringSliceItems]: Collector<K> } = {};
