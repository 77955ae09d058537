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
  const incomplete = collectionErrors > 0 || findings.some((f) => f.status === 'ERROR');
  return exitCodeFrom(failingFindings(findings, policy.failOn).length, incomplete, policy);
}

/**
 * `exitCodeFor` from counts, for a run that does not hold its findings: `failing` FAILs that fail the run
 * (`failingFindings`), and whether anything could not be collected or evaluated.
 */
export function exitCodeFrom(failing: number, incomplete: boolean, policy: ExitPolicy): number {
  if (failing > 0) return EXIT.findings;
  if (policy.failOnError && incomplete) return EXIT.incomplete;
  return EXIT.ok;
}
