/** The fixed vocabularies every rule and report shares. Order here is the display order. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** ML lifecycle phases, in the order of the AWS Well-Architected ML Lens lifecycle. */
export const PHASES = [
  'business-goal',
  'problem-framing',
  'data-processing',
  'model-development',
  'deployment',
  'monitoring',
] as const;
export type Phase = (typeof PHASES)[number];

/** The eight responsible-AI dimensions. */
export const DIMENSIONS = [
  'fairness',
  'explainability',
  'privacy-security',
  'safety',
  'controllability',
  'veracity-robustness',
  'governance',
  'transparency',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Well-Architected pillars, used as an extra tag where it helps. */
export const PILLARS = [
  'security',
  'reliability',
  'performance',
  'cost',
  'sustainability',
  'operational-excellence',
] as const;
export type Pillar = (typeof PILLARS)[number];

/** `security` findings guard the estate; `practice` findings are adoption advisories (low or info). */
export const RULE_KINDS = ['security', 'practice'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const STATUSES = ['FAIL', 'ERROR', 'PASS'] as const;
export type Status = (typeof STATUSES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  'business-goal': 'Business goal',
  'problem-framing': 'Problem framing',
  'data-processing': 'Data processing',
  'model-development': 'Model development',
  deployment: 'Deployment',
  monitoring: 'Monitoring',
};

export const DIMENSION_LABELS: Record<Dimension, string> = {
  fairness: 'Fairness',
  explainability: 'Explainability',
  'privacy-security': 'Privacy & security',
  safety: 'Safety',
  controllability: 'Controllability',
  'veracity-robustness': 'Veracity & robustness',
  governance: 'Governance',
  transparency: 'Transparency',
};

/** Lower rank is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}
export function isDimension(value: string): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value);
}
