import type { Finding } from './finding.js';
import { atOrAbove, type Severity } from './taxonomy.js';

/** The one place exit codes are decided. Documented in README.md and `mlaudit scan --help`. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  incomplete: 3,
  interrupted: 130,
} as const;

export interface ExitPolicy {
  /** `none` never fails on findings. */
  failOn: Severity | 'none';
  failOnError: boolean;
}

/**
 * The FAILs that fail the run. A suppressed FAIL is an accepted risk. After a comparison with a baseline, a FAIL
 * `unchanged` since then was already known, so only new ones (and any FAIL the comparison did not mark) count.
 */
export function failingFindings(findings: readonly Finding[], failOn: Severity | 'none'): Finding[] {
  if (failOn === 'none') return [];
  return findings.filter(
    (f) => f.status === 'FAIL' && !f.suppressed && f.baseline !== 'unchanged' && atOrAbove(f.severity, failOn),
  );
}

export function exitCodeFor(findings: readonly Finding[], collectionErrors: number, policy: ExitPolicy): number {
  if (failingFindings(findings, policy.failOn).length > 0) return EXIT.findings;
  const incomplete = collectionErrors > 0 || findings.some((f) => f.status === 'ERROR');
  if (policy.failOnError && incomplete) return EXIT.incomplete;
  return EXIT.ok;
}
