import type { Collector } from '../collector.js';
import type { WorkspaceSliceItems } from '../model-workspaces.js';
import { domainsCollector } from './domains.js';
import { notebookLifecycleConfigsCollector } from './notebook-lifecycle-configs.js';

/** One collector per slice of the workspaces group. */
export const WORKSPACE_COLLECTORS: { [K in keyof WorkspaceSliceItems]: Collector<K> } = {
  notebookLifecycleConfigs: notebookLifecycleConfigsCollector,
  domains: domainsCollector,
};
