import type { Suppression } from '../config/config.js';
import type { Finding } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';
import { sortFindings } from '../engine/finding-order.js';
import { DIMENSIONS, PHASES, SEVERITIES, type Dimension, type Phase, type Severity, type Status } from '../engine/taxonomy.js';
import type { AccountFailure } from '../inventory/collect-accounts.js';
import type { CollectionError, Inventory, SliceName } from '../inventory/model.js';
import type { BaselineComparison } from './baseline.js';

/** Where reports' findings order is defined; merges sort with it too. */
export { sortFindings };

export const REPORT_SCHEMA_VERSION = '1.0';

export type StatusCounts = Record<Status, number>;

export interface Summary {
  total: number;
  byStatus: StatusCounts;
  /** FAIL findings by severity. */
  failBySeverity: Record<Severity, number>;
  byPhase: Record<Phase, StatusCounts>;
  byDimension: Record<Dimension, StatusCounts>;
  rulesEvaluated: number;
  /** FAILs whose risk was accepted by a suppression (still counted in byStatus.FAIL). */
  suppressed: number;
}

export interface CoverageEntry {
  account: string;
  region: string;
  slice: SliceName;
  resources: number;
  errors: number;
}

export interface ReportError extends CollectionError {
  account: string;
}

/**
 * An account a many-account scan could not scan at all: its role could not be assumed (`AssumeRole`) or its
 * credentials were refused (`GetCallerIdentity`). Every selected rule also has an ERROR finding for that account.
 */
export type AccountError = AccountFailure;

export interface RuleSummary {
  id: string;
  title: string;
  severity: Severity;
  kind: string;
  phase: Phase;
  dimensions: Dimension[];
  rationale: string;
  remediation: { summary: string; console?: string; cli?: string };
  references: string[];
}

/** Everything every format renders; the JSON format is this object as it is. */
export interface ScanReport {
  schemaVersion: string;
  tool: { name: string; version: string };
  scan: {
    accounts: string[];
    regions: string[];
    startedAt: string;
    finishedAt: string;
    collectedAt: string[];
    notes: string[];
  };
  summary: Summary;
  coverage: CoverageEntry[];
  rules: RuleSummary[];
  findings: Finding[];
  errors: ReportError[];
  /** Present only when some account could not be scanned; such accounts are also listed in scan.accounts. */
  accountErrors?: AccountError[];
  suppressions: { applied: number; expired: Suppression[] };
  /** Present only when the run was compared with a baseline report (--baseline). */
  baseline?: BaselineComparison;
}

const zeroStatus = (): StatusCounts => ({ FAIL: 0, ERROR: 0, PASS: 0 });
const keyed = <K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> =>
  Object.fromEntries(keys.map((k) => [k, make()])) as Record<K, V>;

/** Counts a report's summary as findings are added, so that no report has to hold all of them to count them. */
export class SummaryCounter {
  private readonly summary: Summary = {
    total: 0,
    byStatus: zeroStatus(),
    failBySeverity: keyed(SEVERITIES, () => 0),
    byPhase: keyed(PHASES, zeroStatus),
    byDimension: keyed(DIMENSIONS, zeroStatus),
    rulesEvaluated: 0,
    suppressed: 0,
  };

  add(findings: readonly Finding[]): void {
    const summary = this.summary;
    summary.total += findings.length;
    for (const f of findings) {
      if (f.suppressed) summary.suppressed += 1;
      summary.byStatus[f.status] += 1;
      if (f.status === 'FAIL') summary.failBySeverity[f.severity] += 1;
      summary.byPhase[f.phase][f.status] += 1;
      for (const d of f.dimensions) summary.byDimension[d][f.status] += 1;
    }
  }

  result(rulesEvaluated: number): Summary {
    return { ...this.summary, rulesEvaluated };
  }
}

export function summarise(findings: readonly Finding[], rulesEvaluated: number): Summary {
  const counter = new SummaryCounter();
  counter.add(findings);
  return counter.result(rulesEvaluated);
}

export function ruleSummary(rule: Rule): RuleSummary {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    kind: rule.kind,
    phase: rule.phase,
    dimensions: [...rule.dimensions],
    rationale: rule.rationale,
    remediation: { ...rule.remediation },
    references: [...rule.references],
  };
}

function coverageOf(inventory: Inventory): CoverageEntry[] {
  const out: CoverageEntry[] = [];
  for (const [slice, data] of Object.entries(inventory.slices) as [SliceName, Inventory['slices'][SliceName]][]) {
    if (!data) continue;
    const regions = new Set<string>([
      ...data.items.map((i) => i.region),
      ...data.errors.map((e) => e.region),
    ]);
    for (const region of [...regions].sort()) {
      out.push({
        account: inventory.account.id,
        region,
        slice,
        resources: data.items.filter((i) => i.region === region).length,
        errors: data.errors.filter((e) => e.region === region).length,
      });
    }
  }
  return out;
}

export interface BuildReportInput {
  version: string;
  inventories: readonly Inventory[];
  rules: readonly Rule[];
  findings: readonly Finding[];
  startedAt: string;
  finishedAt: string;
  expiredSuppressions?: readonly Suppression[];
  /** Accounts that could not be scanned at all (many-account scans). */
  accountErrors?: readonly AccountError[];
}

/** Everything of a report but its findings and what is counted from them. */
export type ReportFrame = Pick<ScanReport, 'schemaVersion' | 'tool' | 'scan' | 'coverage' | 'rules' | 'errors' | 'accountErrors'>;

export function reportFrame(input: Omit<BuildReportInput, 'findings' | 'expiredSuppressions'>): ReportFrame {
  const { inventories } = input;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'mlaudit', version: input.version },
    scan: {
      accounts: [
        ...new Set([...inventories.map((i) => i.account.id), ...(input.accountErrors ?? []).map((e) => e.account)]),
      ].sort(),
      regions: [...new Set(inventories.flatMap((i) => i.regions))].sort(),
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      collectedAt: inventories.map((i) => i.collectedAt),
      notes: [...new Set(inventories.flatMap((i) => i.notes ?? []))],
    },
    coverage: inventories.flatMap(coverageOf),
    rules: [...input.rules].sort((a, b) => a.id.localeCompare(b.id)).map(ruleSummary),
    errors: inventories.flatMap((inv) =>
      Object.values(inv.slices).flatMap((s) => (s?.errors ?? []).map((e) => ({ account: inv.account.id, ...e }))),
    ),
    ...(input.accountErrors?.length ? { accountErrors: [...input.accountErrors] } : {}),
  };
}

/**
 * The report in its keys' order (the JSON report's). `findings` may be empty while `summary` counts them all: a scan
 * that writes findings as they are evaluated passes them separately to the JSON writer.
 */
export function assembleReport(
  frame: ReportFrame,
  summary: Summary,
  findings: Finding[],
  suppressions: ScanReport['suppressions'],
  baseline?: BaselineComparison,
): ScanReport {
  return {
    schemaVersion: frame.schemaVersion,
    tool: frame.tool,
    scan: frame.scan,
    summary,
    coverage: frame.coverage,
    rules: frame.rules,
    findings,
    errors: frame.errors,
    ...(frame.accountErrors ? { accountErrors: frame.accountErrors } : {}),
    suppressions,
    ...(baseline ? { baseline } : {}),
  };
}

export function buildReport(input: BuildReportInput): ScanReport {
  const findings = sortFindings(input.findings);
  return assembleReport(reportFrame(input), summarise(findings, input.rules.length), findings, {
    applied: findings.filter((f) => f.suppressed).length,
    expired: [...(input.expiredSuppressions ?? [])],
  });
}
