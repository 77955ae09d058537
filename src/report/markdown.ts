import { failingFindings } from '../engine/exit-code.js';
import type { Finding } from '../engine/finding.js';
import {
  DIMENSION_LABELS,
  DIMENSIONS,
  PHASE_LABELS,
  PHASES,
  SEVERITIES,
  severityRank,
  type Severity,
} from '../engine/taxonomy.js';
import { markdownEscape, truncate } from '../util/sanitize.js';
import type { BaselineComparison } from './baseline.js';
import type { ScanReport, StatusCounts } from './report.js';

export interface MarkdownOptions {
  /** The --fail-on threshold: the report lists the FAILs that fail the run. */
  failOn: Severity | 'none';
  /** Rows per table before "and N more"; halved as needed to stay under `maxChars`. */
  maxRows?: number;
  /**
   * GitHub cuts a PR comment at 65,536 characters (a step summary at 1 MiB): the default leaves room for a bot's
   * own header around the summary.
   */
  maxChars?: number;
}

export const MARKDOWN_DEFAULT_ROWS = 100;
export const MARKDOWN_DEFAULT_MAX_CHARS = 60_000;
const MIN_ROWS = 5;

/** Everything from the account goes through here: escaped for Markdown and cut to a length a table can hold. */
const md = (text: string, max = 200): string => markdownEscape(truncate(text, max));

function table(header: readonly string[], rows: readonly string[][], align?: readonly ('l' | 'r')[]): string[] {
  const rule = header.map((_h, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function capped<T>(items: readonly T[], maxRows: number, row: (t: T) => string[]): { rows: string[][]; more: number } {
  return { rows: items.slice(0, maxRows).map(row), more: Math.max(0, items.length - maxRows) };
}

function bySeverity<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map(({ f }) => f);
}

function countsTable<K extends string>(
  title: string,
  keys: readonly K[],
  labels: Record<K, string>,
  counts: Record<K, StatusCounts>,
): string[] {
  const used = keys.filter((k) => counts[k].FAIL + counts[k].ERROR + counts[k].PASS > 0);
  const unused = keys.filter((k) => !used.includes(k));
  const out = [
    '',
    ...table(
      [title, 'FAIL', 'ERROR', 'PASS'],
      used.map((k) => [labels[k], String(counts[k].FAIL), String(counts[k].ERROR), String(counts[k].PASS)]),
      ['l', 'r', 'r', 'r'],
    ),
  ];
  if (unused.length) out.push('', `No results in: ${unused.map((k) => labels[k]).join(', ')}.`);
  return out;
}

/** Counts since the baseline, and the baseline FAILs that are fixed now. */
function baselineSection(
  baseline: BaselineComparison,
  where: (f: { account: string; region: string }) => string,
  whereHeader: string,
  maxRows: number,
): string[] {
  const { counts } = baseline;
  const out = [
    '',
    '### Since baseline',
    '',
    `Compared with ${md(baseline.source, 200)} (scan finished ${md(baseline.finishedAt, 40)}). Only new FAILs count toward \`--fail-on\`.`,
    '',
    ...table(
      ['New', 'Unchanged', 'Fixed', 'Not checked'],
      [[String(counts.new), String(counts.unchanged), String(counts.fixed), String(counts.unknown)]],
      ['r', 'r', 'r', 'r'],
    ),
  ];
  if (counts.unknown > 0) {
    const erroring = baseline.unknown.filter((u) => u.reason === 'error').length;
    out.push(
      '',
      `Not checked: ${plural(counts.unknown, 'baseline FAIL')} this run could not see (${erroring} ERROR now, ${counts.unknown - erroring} of rules, accounts or regions not scanned); none is counted as fixed.`,
    );
  }
  out.push('', `### Fixed since baseline (${counts.fixed})`, '');
  if (baseline.fixed.length === 0) {
    out.push('None.');
    return out;
  }
  const { rows, more } = capped(bySeverity(baseline.fixed), maxRows, (f) => [f.severity, md(f.ruleId, 80), md(f.resource.arn, 160), where(f)]);
  out.push(...table(['Severity', 'Rule', 'Resource', whereHeader], rows));
  if (more) out.push('', `…and ${more} more: see the JSON report.`);
  return out;
}

function render(report: ScanReport, options: MarkdownOptions, maxRows: number): string {
  const { failOn } = options;
  const { summary, scan } = report;
  const multiAccount = scan.accounts.length > 1;
  const where = (f: { account: string; region: string }): string =>
    md(multiAccount ? `${f.account}/${f.region}` : f.region, 60);
  const unsuppressed = report.findings.filter((f) => f.status === 'FAIL' && !f.suppressed);
  // With a baseline only new FAILs can fail the run, so only they are listed; the persisting ones are counted.
  const { baseline } = report;
  const pool = baseline ? unsuppressed.filter((f) => f.baseline !== 'unchanged') : unsuppressed;
  const persisting = unsuppressed.length - pool.length;
  const failing = failOn === 'none' ? [] : failingFindings(report.findings, failOn);
  const listed = bySeverity(failOn === 'none' ? pool : failing);
  const fresh = baseline ? 'new ' : '';
  const sinceBaseline = baseline ? ' since the baseline' : '';
  const out: string[] = [];

  if (failOn === 'none') {
    out.push(`## mlaudit: ${plural(pool.length, `${fresh}FAIL`)}`, '', '> [!NOTE]', '> `--fail-on none`: findings do not fail the run.');
  } else if (failing.length > 0) {
    out.push(
      `## mlaudit: ${plural(failing.length, `${fresh}FAIL`)} at or above ${failOn}`,
      '',
      '> [!CAUTION]',
      `> ${plural(failing.length, 'unsuppressed FAIL')}${sinceBaseline ? ' new' : ''}${sinceBaseline} at or above **${failOn}**: the run fails.`,
    );
  } else {
    out.push(
      `## mlaudit: no ${fresh}FAIL at or above ${failOn}`,
      '',
      '> [!TIP]',
      `> No unsuppressed FAIL at or above **${failOn}**${sinceBaseline}${pool.length ? ` (${plural(pool.length, `${fresh}FAIL`)} below it)` : ''}.`,
    );
  }
  out.push(
    '',
    [
      `${scan.accounts.length > 1 ? 'Accounts' : 'Account'} ${scan.accounts.map((a) => md(a, 40)).join(', ') || '-'}`,
      `${scan.regions.length > 1 ? 'regions' : 'region'} ${scan.regions.map((r) => md(r, 40)).join(', ') || '-'}`,
      plural(summary.rulesEvaluated, 'rule'),
      plural(summary.total, 'result'),
      `mlaudit ${md(report.tool.version, 40)}`,
    ].join(' · '),
  );

  out.push(
    '',
    ...table(
      ['Status', 'Results'],
      [
        ['FAIL', `${summary.byStatus.FAIL}${summary.suppressed ? ` (${summary.suppressed} suppressed)` : ''}`],
        ['ERROR', `${summary.byStatus.ERROR}${summary.byStatus.ERROR ? ' (could not be evaluated)' : ''}`],
        ['PASS', String(summary.byStatus.PASS)],
      ],
      ['l', 'r'],
    ),
  );

  const suppressedBy = (s: Severity): number =>
    report.findings.filter((f) => f.status === 'FAIL' && f.suppressed && f.severity === s).length;
  const newBy = (s: Severity): number => report.findings.filter((f) => f.baseline === 'new' && f.severity === s).length;
  out.push(
    '',
    '### FAIL by severity',
    '',
    ...table(
      ['Severity', 'FAIL', ...(baseline ? ['New'] : []), 'Suppressed', 'Fails the run'],
      SEVERITIES.map((s) => [
        s,
        String(summary.failBySeverity[s]),
        ...(baseline ? [String(newBy(s))] : []),
        String(suppressedBy(s)),
        failOn !== 'none' && severityRank(s) <= severityRank(failOn) ? (baseline ? 'if new' : 'yes') : 'no',
      ]),
      ['l', 'r', ...(baseline ? (['r'] as const) : []), 'r', 'l'],
    ),
  );
  out.push('', '### By lifecycle phase', ...countsTable('Phase', PHASES, PHASE_LABELS, summary.byPhase));
  out.push(
    '',
    '### By responsible-AI dimension',
    ...countsTable('Dimension', DIMENSIONS, DIMENSION_LABELS, summary.byDimension),
  );

  if (baseline) out.push(...baselineSection(baseline, where, multiAccount ? 'Account/region' : 'Region', maxRows));

  const heading = `${baseline ? 'New FAILs' : 'FAILs'}${failOn === 'none' ? '' : ` at or above ${failOn}`}`;
  out.push('', `### ${heading} (${listed.length})`, '');
  if (listed.length === 0) {
    out.push(failOn === 'none' ? `No ${baseline ? 'new ' : ''}unsuppressed FAIL.` : `None.`);
  } else {
    const { rows, more } = capped(listed, maxRows, (f) => [
      f.severity,
      md(f.ruleId, 80),
      md(f.resource.arn, 160),
      where(f),
      md(f.message, 300),
    ]);
    out.push(...table(['Severity', 'Rule', 'Resource', multiAccount ? 'Account/region' : 'Region', 'Finding'], rows));
    if (more) out.push('', `…and ${more} more: see the JSON, SARIF or HTML report.`);
  }
  const below = pool.length - listed.length;
  if (below > 0) {
    const failingSet = new Set(failing);
    const bands = SEVERITIES.map((s) => [s, pool.filter((f) => f.severity === s && !failingSet.has(f)).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`);
    out.push('', `${plural(below, `more ${fresh}FAIL`)} below the threshold (${bands.join(', ')}).`);
  }
  if (persisting > 0) {
    out.push('', `${plural(persisting, 'unsuppressed FAIL')} unchanged since the baseline ${persisting === 1 ? 'is' : 'are'} not listed: ${persisting === 1 ? 'it does' : 'they do'} not fail the run.`);
  }

  const suppressed = report.findings.filter((f) => f.status === 'FAIL' && f.suppressed);
  if (suppressed.length > 0) {
    out.push('', `### Suppressed (${suppressed.length})`, '', 'Accepted risks: still FAIL, but they do not fail the run.', '');
    const { rows, more } = capped(bySeverity(suppressed), maxRows, (f) => [
      f.severity,
      md(f.ruleId, 80),
      md(f.resource.arn, 160),
      md(f.suppressed?.reason ?? '', 200),
      md(f.suppressed?.expires ?? '-', 20),
      f.suppressed?.source === 'tag' ? 'resource tag' : 'config',
    ]);
    out.push(...table(['Severity', 'Rule', 'Resource', 'Reason', 'Expires', 'Source'], rows));
    if (more) out.push('', `…and ${more} more.`);
  }

  const expired = report.suppressions.expired;
  if (expired.length > 0) {
    out.push('', `### Expired suppressions (${expired.length})`, '', 'No longer applied: renew them or fix the findings.', '');
    const { rows, more } = capped(expired, maxRows, (s) => [
      md(s.rule, 80),
      md(s.resource, 160),
      md(s.reason, 200),
      md(s.expires ?? '-', 20),
    ]);
    out.push(...table(['Rule', 'Resource', 'Reason', 'Expired'], rows));
    if (more) out.push('', `…and ${more} more.`);
  }

  if (report.errors.length > 0 || summary.byStatus.ERROR > 0) {
    out.push(
      '',
      `### Could not read (${report.errors.length})`,
      '',
      `${plural(summary.byStatus.ERROR, 'result')} could not be evaluated and ${summary.byStatus.ERROR === 1 ? 'is' : 'are'} ERROR, never PASS.`,
    );
    if (report.errors.length > 0) {
      const { rows, more } = capped(report.errors, maxRows, (e) => [
        md(e.operation, 80),
        where(e),
        e.resourceArn ? md(e.resourceArn, 160) : `all ${md(e.slice, 60)}`,
        md(e.code, 80),
        e.kind === 'access-denied'
          ? `grant ${md(e.action, 80)}`
          : e.kind === 'throttled'
            ? 'retry (throttled); a lower --concurrency helps'
            : md(e.kind, 40),
      ]);
      out.push('', ...table(['Operation', multiAccount ? 'Account/region' : 'Region', 'Scope', 'Error', 'What to do'], rows));
      if (more) out.push('', `…and ${more} more.`);
    }
  }

  if (scan.notes.length > 0) {
    out.push('', '### Scope', '', ...scan.notes.slice(0, maxRows).map((n) => `- ${md(n, 300)}`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A summary for `$GITHUB_STEP_SUMMARY` and pull-request comments: counts, then the FAILs that fail the run, the
 * accepted risks and what could not be read. Long lists are cut so the whole stays under GitHub's comment limit.
 */
export function renderMarkdown(report: ScanReport, options: MarkdownOptions): string {
  const maxChars = options.maxChars ?? MARKDOWN_DEFAULT_MAX_CHARS;
  let rows = Math.max(MIN_ROWS, options.maxRows ?? MARKDOWN_DEFAULT_ROWS);
  let text = render(report, options, rows);
  while (text.length > maxChars && rows > MIN_ROWS) {
    rows = Math.max(MIN_ROWS, Math.floor(rows / 2));
    text = render(report, options, rows);
  }
  return text;
}
