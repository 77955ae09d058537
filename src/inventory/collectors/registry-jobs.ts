import type { Collector } from '../collector.js';
import type { JobSliceItems } from '../model-jobs.js';
import { autoMlJobsCollector } from './auto-ml-jobs.js';
import { processingJobsCollector } from './processing-jobs.js';
import { transformJobsCollector } from './transform-jobs.js';
import { tuningJobsCollector } from './tuning-jobs.js';

/** One collector per slice of the jobs group. */
export const JOB_COLLECTORS: { [K in keyof JobSliceItems]: Collector<K> } = {
  tuningJobs: tuningJobsCollector,
  processingJobs: processingJobsCollector,
  transformJobs: transformJobsCollector,
  autoMlJobs: autoMlJobsCollector,
};
