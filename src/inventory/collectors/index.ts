import type { SliceName } from '../model.js';
import type { Collector } from '../collector.js';
import { notebookInstancesCollector } from './notebook-instances.js';

/** Exactly one collector per slice. */
export const COLLECTORS: Partial<{ [K in SliceName]: Collector<K> }> = {
  notebookInstances: notebookInstancesCollector,
};
