/** Inventory types of the jobs group: see model.ts for the conventions every item follows. */
import type { SliceInfo } from './slice-info.js';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface JobSliceItems {}

export const JOB_SLICES: { [K in keyof JobSliceItems]: SliceInfo } = {};
