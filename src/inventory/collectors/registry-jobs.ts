import type { Collector } from '../collector.js';
import type { JobSliceItems } from '../model-jobs.js';

/** One collector per slice of the jobs group. */
export const JOB_COLLECTORS: { [K in keyof JobSliceItems]: Collector<K> } = {};
