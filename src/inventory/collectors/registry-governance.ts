import type { Collector } from '../collector.js';
import type { GovernanceSliceItems } from '../model-governance.js';
import { budgetsCollector } from './budgets.js';
import { experimentsCollector } from './experiments.js';
import { modelCardsCollector } from './model-cards.js';
import { modelPackageGroupsCollector } from './model-package-groups.js';
import { modelPackagesCollector } from './model-packages.js';
import { pipelinesCollector } from './pipelines.js';
import { resourceTagsCollector } from './resource-tags.js';

/** One collector per slice of the governance group. */
export const GOVERNANCE_COLLECTORS: { [K in keyof GovernanceSliceItems]: Collector<K> } = {
  modelPackageGroups: modelPackageGroupsCollector,
  modelPackages: modelPackagesCollector,
  modelCards: modelCardsCollector,
  pipelines: pipelinesCollector,
  experiments: experimentsCollector,
  budgets: budgetsCollector,
  resourceTags: resourceTagsCollector,
};
