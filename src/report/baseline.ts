import { accountResource } from '../engine/evaluate.js';
import type { Finding, FindingResource } from '../engine/finding.js';
import type { Severity } from '../engine/taxonomy.js';
import { GLOBAL_REGION } from '../inventory/model.js';
import { findingKey } from './finding-identity.js';
import type { ScanReport } from './report.js';

/** A FAIL of the baseline report, as the comparison lists it. */
export interface BaselineFinding {
  ruleId: string;
  resource: FindingResource;
  account: string;
  region: string;
  severity: Severity;
}

/**
 * Why a baseline FAIL could not be checked: `error`, it (or the whole listing it would be in) is ERROR now;
 * `not-scanned`, this run did not evaluate its rule, account or region.
 */
export type UnknownReason = 'error' | 'not-scanned';

export interface UnknownBaselineFinding extends BaselineFinding {
  reason: UnknownReason;
}

/** What changed since the baseline report: present in a report only when the run was given one. */
export interface BaselineComparison {
  /** The baseline file as it was given. */
  source: string;
  /** When the baseline's scan finished. */
  finishedAt: string;
  counts: { new: number; unchanged: number; fixed: number; unknown: number };
  /** Baseline FAILs that are no longer FAIL: they PASS now, or their resource is gone. */
  fixed: BaselineFinding[];
  /** Baseline FAILs this run could not see, so neither fixed nor still failing. */
  unknown: UnknownBaselineFinding[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The loader checks a baseline finding's identity and severity; its resource's type and name may be missing. */
function entry(f: Finding): BaselineFinding {
  const resource = { arn: f.resource.arn, type: text(f.resource.type), name: text(f.resource.name) };
  return { ruleId: f.ruleId, resource, account: f.account, region: f.region, severity: f.severity };
}

const regionAffected = (a: string, b: string): boolean => a === b || a === GLOBAL_REGION || b === GLOBAL_REGION;

/**
 * An ERROR that stands for more than its own resource: a listing that failed (`…:slice/*`) or the account (or one
 * region of it) as a whole. A resource missing from such a scope may still be there.
 */
const hidesOthers = (f: Finding): boolean =>
  f.status === 'ERROR' && (f.resource.arn.endsWith('/*') || f.resource.type === accountResource(f.account).resourceType);

/**
 * Why a baseline FAIL that is not in this report could not be seen, or undefined when this run would have seen it
 * and so it is gone. A resource absent because its listing was denied, or because this run left out its rule,
 * account or region, is not fixed.
 */
function unseenBecause(b: Finding, report: ScanReport, broadErrors: readonly Finding[]): UnknownReason | undefined {
  const inScope =
    report.rules.some((r) => r.id === b.ruleId) &&
    report.scan.accounts.includes(b.account) &&
    (b.region === GLOBAL_REGION || report.scan.regions.includes(b.region));
  if (!inScope) return 'not-scanned';
  const hidden = broadErrors.some((e) => e.ruleId === b.ruleId && e.account === b.account && regionAffected(e.region, b.region));
  return hidden ? 'error' : undefined;
}

/**
 * The report with each FAIL marked `new` or `unchanged` since the baseline, and the baseline's FAILs that are fixed
 * or could not be checked. Findings are matched by identity (rule, resource ARN, account, region), as in a merge.
 */
export function compareWithBaseline(report: ScanReport, baseline: ScanReport, source: string): ScanReport {
  const before = new Map<string, Finding>();
  for (const f of baseline.findings) {
    const key = findingKey(f);
    if (f.status === 'FAIL' && !before.has(key)) before.set(key, f);
  }
  const findings = report.findings.map((f): Finding => {
    if (f.status !== 'FAIL') return f;
    return { ...f, baseline: before.has(findingKey(f)) ? 'unchanged' : 'new' };
  });

  const now = new Map(report.findings.map((f) => [findingKey(f), f]));
  const broadErrors = report.findings.filter(hidesOthers);
  const fixed: BaselineFinding[] = [];
  const unknown: UnknownBaselineFinding[] = [];
  for (const [key, b] of before) {
    const current = now.get(key);
    if (current?.status === 'FAIL') continue;
    const reason = current?.status === 'ERROR' ? 'error' : current ? undefined : unseenBecause(b, report, broadErrors);
    if (reason) unknown.push({ ...entry(b), reason });
    else fixed.push(entry(b));
  }

  const count = (state: 'new' | 'unchanged'): number => findings.filter((f) => f.baseline === state).length;
  return {
    ...report,
    findings,
    baseline: {
      source,
      finishedAt: baseline.scan.finishedAt,
      counts: { new: count('new'), unchanged: count('unchanged'), fixed: fixed.length, unknown: unknown.length },
      fixed,
      unknown,
    },
  };
}
