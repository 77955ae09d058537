/** Inventory types of the monitoring group: see model.ts for the conventions every item follows. */
import type { SliceInfo } from './slice-info.js';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MonitoringSliceItems {}

export const MONITORING_SLICES: { [K in keyof MonitoringSliceItems]: SliceInfo } = {};
