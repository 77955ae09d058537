import type { Collector } from '../collector.js';
import type { GovernanceSliceItems } from '../model-governance.js';

/** One collector per slice of the governance group. */
export const GOVERNANCE_COLLECTORS: { [K in keyof GovernanceSliceItems]: Collector<K> } = {};
