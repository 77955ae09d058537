/** Inventory types of the governance group: see model.ts for the conventions every item follows. */
import type { SliceInfo } from './slice-info.js';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface GovernanceSliceItems {}

export const GOVERNANCE_SLICES: { [K in keyof GovernanceSliceItems]: SliceInfo } = {};
