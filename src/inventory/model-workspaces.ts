/** Inventory types of the workspaces group: see model.ts for the conventions every item follows. */
import type { SliceInfo } from './slice-info.js';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WorkspaceSliceItems {}

export const WORKSPACE_SLICES: { [K in keyof WorkspaceSliceItems]: SliceInfo } = {};
