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

/** What a run covered: a baseline FAIL outside it could not have been seen. */
export interface BaselineScope {
  ruleIds: readonly string[];
  accounts: readonly string[];
  regions: readonly string[];
}

export function scopeOf(report: Pick<ScanReport, 'rules' | 'scan'>): BaselineScope {
  return { ruleIds: report.rules.map((r) => r.id), accounts: report.scan.accounts, regions: report.scan.regions };
}

interface Pending {
  /** Position in the baseline report: the comparison lists what it found in that order. */
  index: number;
  finding: Finding;
}

/**
 * Compares a run's findings with a baseline report's FAILs, matched by identity (rule, resource ARN, account,
 * region), as in a merge. Findings are handed over one rule at a time (`mark`), all of a rule's at once; each FAIL
 * comes back marked `new` or `unchanged`, and `comparison` then lists the baseline's FAILs that are fixed or could
 * not be checked. A scan can so compare half a million findings without holding them all.
 */
export class BaselineMatcher {
  /** Baseline FAILs not yet settled, by rule and then identity. */
  private readonly byRule = new Map<string, Map<string, Pending>>();
  private readonly fixed: (BaselineFinding & { index: number })[] = [];
  private readonly unknown: (UnknownBaselineFinding & { index: number })[] = [];
  private readonly counts = { new: 0, unchanged: 0 };
  private readonly ruleIds: ReadonlySet<string>;
  private readonly accounts: ReadonlySet<string>;
  private readonly regions: ReadonlySet<string>;

  constructor(
    private readonly baseline: ScanReport,
    private readonly source: string,
    scope: BaselineScope,
  ) {
    this.ruleIds = new Set(scope.ruleIds);
    this.accounts = new Set(scope.accounts);
    this.regions = new Set(scope.regions);
    baseline.findings.forEach((f, index) => {
      if (f.status !== 'FAIL') return;
      const pending = this.byRule.get(f.ruleId) ?? new Map<string, Pending>();
      const key = findingKey(f);
      if (!pending.has(key)) pending.set(key, { index, finding: f });
      this.byRule.set(f.ruleId, pending);
    });
  }

  /** The findings of whole rules, FAILs marked; the baseline FAILs of those rules are settled. */
  mark(findings: readonly Finding[]): Finding[] {
    const byRule = new Map<string, { now: Map<string, Finding>; broadErrors: Finding[] }>();
    const marked = findings.map((f): Finding => {
      const key = findingKey(f);
      const rule = byRule.get(f.ruleId) ?? { now: new Map<string, Finding>(), broadErrors: [] };
      byRule.set(f.ruleId, rule);
      rule.now.set(key, f);
      if (hidesOthers(f)) rule.broadErrors.push(f);
      if (f.status !== 'FAIL') return f;
      const state = this.byRule.get(f.ruleId)?.has(key) ? 'unchanged' : 'new';
      this.counts[state] += 1;
      return { ...f, baseline: state };
    });
    for (const [ruleId, { now, broadErrors }] of byRule) this.settle(ruleId, now, broadErrors);
    return marked;
  }

  /** The comparison, once every rule's findings have been marked. */
  comparison(): BaselineComparison {
    for (const ruleId of [...this.byRule.keys()]) this.settle(ruleId, new Map(), []);
    const byIndex = (a: { index: number }, b: { index: number }): number => a.index - b.index;
    const fixed = this.fixed.sort(byIndex).map(({ index: _index, ...f }) => f);
    const unknown = this.unknown.sort(byIndex).map(({ index: _index, ...f }) => f);
    return {
      source: this.source,
      finishedAt: this.baseline.scan.finishedAt,
      counts: { new: this.counts.new, unchanged: this.counts.unchanged, fixed: fixed.length, unknown: unknown.length },
      fixed,
      unknown,
    };
  }

  private settle(ruleId: string, now: ReadonlyMap<string, Finding>, broadErrors: readonly Finding[]): void {
    for (const [key, { index, finding: b }] of this.byRule.get(ruleId) ?? []) {
      const current = now.get(key);
      if (current?.status === 'FAIL') continue;
      const reason = current?.status === 'ERROR' ? 'error' : current ? undefined : this.unseenBecause(b, broadErrors);
      if (reason) this.unknown.push({ ...entry(b), reason, index });
      else this.fixed.push({ ...entry(b), index });
    }
    this.byRule.delete(ruleId);
  }

  /**
   * Why a baseline FAIL that is not in this run could not be seen, or undefined when this run would have seen it
   * and so it is gone. A resource absent because its listing was denied, or because this run left out its rule,
   * account or region, is not fixed.
   */
  private unseenBecause(b: Finding, broadErrors: readonly Finding[]): UnknownReason | undefined {
    const inScope =
      this.ruleIds.has(b.ruleId) &&
      this.accounts.has(b.account) &&
      (b.region === GLOBAL_REGION || this.regions.has(b.region));
    if (!inScope) return 'not-scanned';
    const hidden = broadErrors.some((e) => e.account === b.account && regionAffected(e.region, b.region));
    return hidden ? 'error' : undefined;
  }
}

/**
 * The report with each FAIL marked `new` or `unchanged` since the baseline, and the baseline's FAILs that are fixed
 * or could not be checked.
 */
export function compareWithBaseline(report: ScanReport, baseline: ScanReport, source: string): ScanReport {
  const matcher = new BaselineMatcher(baseline, source, scopeOf(report));
  const findings = matcher.mark(report.findings);
  return { ...report, findings, baseline: matcher.comparison() };
}
