import type { Finding } from '../engine/finding.js';
import { DIMENSIONS, PHASES, SEVERITIES, STATUSES } from '../engine/taxonomy.js';
import { UsageError } from '../util/errors.js';
import { findingKey } from './finding-identity.js';
import { REPORT_SCHEMA_VERSION, sortFindings, summarise, type ScanReport } from './report.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const major = (version: string): string => version.split('.')[0] ?? version;

function findingProblem(f: unknown): string | undefined {
  if (!isObject(f)) return 'not an object';
  for (const key of ['ruleId', 'account', 'region', 'message'] as const) {
    if (typeof f[key] !== 'string') return `${key} is missing`;
  }
  if (!isObject(f.resource) || typeof f.resource.arn !== 'string') return 'resource.arn is missing';
  if (!(STATUSES as readonly unknown[]).includes(f.status)) return `unknown status ${JSON.stringify(f.status)}`;
  if (!(SEVERITIES as readonly unknown[]).includes(f.severity)) return `unknown severity ${JSON.stringify(f.severity)}`;
  if (!(PHASES as readonly unknown[]).includes(f.phase)) return `unknown phase ${JSON.stringify(f.phase)}`;
  if (!Array.isArray(f.dimensions) || !f.dimensions.every((d) => (DIMENSIONS as readonly unknown[]).includes(d))) {
    return 'unknown dimensions';
  }
  return undefined;
}

/**
 * Checks that `text` is a JSON report of this major schema version, well enough for a merge to recount it or a
 * baseline comparison to match its findings; one line says what is wrong. A newer minor version only adds fields,
 * which a merge carries over or drops.
 */
export function parseReport(text: string, source: string): ScanReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${source} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const notReport = `${source} is not an mlaudit JSON report (write one with: mlaudit scan --format json)`;
  if (!isObject(data) || typeof data.schemaVersion !== 'string' || !isObject(data.tool) || data.tool.name !== 'mlaudit') {
    throw new UsageError(notReport);
  }
  if (major(data.schemaVersion) !== major(REPORT_SCHEMA_VERSION)) {
    throw new UsageError(
      `${source} has report schemaVersion ${data.schemaVersion}; this mlaudit reads ${major(REPORT_SCHEMA_VERSION)}.x reports`,
    );
  }
  const scan = data.scan;
  if (
    !isObject(scan) ||
    !isStringList(scan.accounts) ||
    !isStringList(scan.regions) ||
    !isStringList(scan.collectedAt) ||
    !isStringList(scan.notes) ||
    typeof scan.startedAt !== 'string' ||
    typeof scan.finishedAt !== 'string'
  ) {
    throw new UsageError(`${source}: 'scan' is missing or malformed`);
  }
  for (const key of ['coverage', 'rules', 'findings', 'errors'] as const) {
    if (!Array.isArray(data[key])) throw new UsageError(`${source}: '${key}' must be a list`);
  }
  if (data.accountErrors !== undefined && !Array.isArray(data.accountErrors)) {
    throw new UsageError(`${source}: 'accountErrors' must be a list`);
  }
  const suppressions = data.suppressions;
  if (!isObject(suppressions) || !Array.isArray(suppressions.expired)) {
    throw new UsageError(`${source}: 'suppressions' is missing or malformed`);
  }
  (data.findings as unknown[]).forEach((f, i) => {
    const problem = findingProblem(f);
    if (problem) throw new UsageError(`${source}: finding ${i} is malformed (${problem})`);
  });
  (data.rules as unknown[]).forEach((r, i) => {
    if (!isObject(r) || typeof r.id !== 'string') throw new UsageError(`${source}: rule ${i} has no id`);
  });
  return data as unknown as ScanReport;
}

/** Keeps the first of each key, in input order. */
function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** An input's comparison with its own baseline says nothing about the merged estate, which may get its own. */
function withoutBaseline(f: Finding): Finding {
  if (f.baseline === undefined) return f;
  const { baseline: _dropped, ...rest } = f;
  return rest;
}

const byAccount = <T extends { account: string }>(items: T[]): T[] => items.sort((a, b) => a.account.localeCompare(b.account));

export { findingKey };

/**
 * One report from many (shards of one scan, split by account or region), as if one scan had produced it: the union
 * of scope, coverage, rules, findings and errors, with the summary counted again. Where two inputs hold the same
 * finding (same rule, resource ARN, account and region), the first input's is kept.
 */
export function mergeReports(reports: readonly ScanReport[], version: string): ScanReport {
  const findings = sortFindings(unique(reports.flatMap((r) => r.findings.map(withoutBaseline)), findingKey));
  const rules = unique(reports.flatMap((r) => r.rules), (r) => r.id).sort((a, b) => a.id.localeCompare(b.id));
  const accountErrors = byAccount(unique(reports.flatMap((r) => r.accountErrors ?? []), (e) => JSON.stringify(e)));
  const startedAt = reports.map((r) => r.scan.startedAt).sort()[0] ?? '';
  const finishedAt = reports.map((r) => r.scan.finishedAt).sort().at(-1) ?? '';
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'mlaudit', version },
    scan: {
      accounts: [...new Set(reports.flatMap((r) => r.scan.accounts))].sort(),
      regions: [...new Set(reports.flatMap((r) => r.scan.regions))].sort(),
      startedAt,
      finishedAt,
      collectedAt: reports.flatMap((r) => r.scan.collectedAt),
      notes: [...new Set(reports.flatMap((r) => r.scan.notes))],
    },
    summary: summarise(findings, rules.length),
    coverage: byAccount(unique(reports.flatMap((r) => r.coverage), (c) => [c.account, c.region, c.slice].join('\u0000'))),
    rules,
    findings,
    errors: byAccount(unique(reports.flatMap((r) => r.errors), (e) => JSON.stringify(e))),
    ...(accountErrors.length ? { accountErrors } : {}),
    suppressions: {
      applied: findings.filter((f) => f.suppressed).length,
      expired: unique(reports.flatMap((r) => r.suppressions.expired), (s) => JSON.stringify(s)),
    },
  };
}
