import type { Evidence } from './rule.js';
import type { Dimension, Phase, Pillar, RuleKind, Severity, Status } from './taxonomy.js';

export interface FindingResource {
  arn: string;
  type: string;
  name: string;
}

/** One verdict of one rule on one resource: the unit every report is made of. */
export interface Finding {
  ruleId: string;
  title: string;
  status: Status;
  severity: Severity;
  kind: RuleKind;
  phase: Phase;
  dimensions: Dimension[];
  pillars: Pillar[];
  resource: FindingResource;
  account: string;
  region: string;
  message: string;
  messageId?: string;
  evidence?: Evidence;
  remediation: string;
  /** Present on a FAIL whose risk was accepted; it then does not count toward --fail-on. */
  suppressed?: { source: 'config' | 'tag'; reason: string; expires?: string };
  /**
   * Present on a FAIL when the run was compared with a baseline report: `new` since then, or `unchanged` (a FAIL
   * then too). Only new FAILs count toward --fail-on.
   */
  baseline?: BaselineState;
}

export type BaselineState = 'new' | 'unchanged';
