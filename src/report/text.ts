import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../engine/finding.js';
import {
  DIMENSION_LABELS,
  DIMENSIONS,
  PHASE_LABELS,
  PHASES,
  SEVERITIES,
  type Severity,
  type Status,
} from '../engine/taxonomy.js';
import { terminalSafe, truncate } from '../util/sanitize.js';
import type { BaselineComparison, BaselineFinding } from './baseline.js';
import type { ScanReport } from './report.js';

export interface TextOptions {
  color: boolean;
  /** List every passing resource, not just a count per rule. */
  showPass?: boolean;
}

const safe = (s: string): string => terminalSafe(truncate(s, 300));

function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

function statusLabel(c: ChalkInstance, status: Status): string {
  const padded = status.padEnd(5);
  if (status === 'FAIL') return c.red.bold(padded);
  if (status === 'ERROR') return c.yellow.bold(padded);
  return c.green(padded);
}

function severityLabel(c: ChalkInstance, severity: Severity): string {
  const padded = severity.padEnd(8);
  if (severity === 'critical' || severity === 'high') return c.red(padded);
  if (severity === 'medium') return c.yellow(padded);
  return c.dim(padded);
}

function ruleStatus(findings: readonly Finding[]): Status {
  if (findings.some((f) => f.status === 'FAIL')) return 'FAIL';
  if (findings.some((f) => f.status === 'ERROR')) return 'ERROR';
  return 'PASS';
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

function where(f: Finding, multiAccount: boolean): string {
  return multiAccount ? `${f.account}/${f.region}` : f.region;
}

/** Past this many, fixed and unchecked baseline FAILs are counted, not listed: the JSON report has them all. */
const MAX_BASELINE_LINES = 50;

function baselineEntry(b: BaselineFinding, multiAccount: boolean): string {
  // A baseline FAIL that was not checked may name a rule, account or region this run does not know: all inert.
  return `${safe(b.ruleId)}  ${safe(multiAccount ? `${b.account}/${b.region}` : b.region)}  ${safe(b.resource.arn)}`;
}

function baselineLines(c: ChalkInstance, baseline: BaselineComparison, multiAccount: boolean): string[] {
  const { counts } = baseline;
  const lines = [
    '',
    c.bold(`Since baseline ${safe(baseline.source)} (scan finished ${safe(baseline.finishedAt)})`),
    `  ${c.red(`${counts.new} new`)}, ${counts.unchanged} unchanged, ${c.green(`${counts.fixed} fixed`)}` +
      `${counts.unknown ? `, ${c.yellow(`${counts.unknown} not checked`)} (ERROR now or not scanned: not counted as fixed)` : ''}` +
      ' — only new FAILs count toward --fail-on',
  ];
  const list = <T extends BaselineFinding>(items: readonly T[], mark: string, extra: (t: T) => string = () => ''): void => {
    for (const b of items.slice(0, MAX_BASELINE_LINES)) lines.push(`  ${mark} ${baselineEntry(b, multiAccount)}${extra(b)}`);
    if (items.length > MAX_BASELINE_LINES) lines.push(`  …and ${items.length - MAX_BASELINE_LINES} more: see the JSON report`);
  };
  list(baseline.fixed, c.green('fixed'));
  // A rule, account or region left out of this run is a choice, not news: counted, not listed.
  list(baseline.unknown.filter((b) => b.reason === 'error'), c.yellow('unchecked'), () => c.dim(' (ERROR now)'));
  const outside = baseline.unknown.filter((b) => b.reason === 'not-scanned').length;
  if (outside) lines.push(`  ${c.dim(`${outside} baseline FAILs are of rules, accounts or regions this run did not scan`)}`);
  return lines;
}

/** The terminal report: by lifecycle phase, then by each finding's primary responsible-AI dimension. */
export function renderText(report: ScanReport, options: TextOptions): string {
  const c = painter(options.color);
  const lines: string[] = [];
  const multiAccount = report.scan.accounts.length > 1;
  const { scan, summary } = report;
  lines.push(
    c.bold(`mlaudit ${report.tool.version}`) +
      c.dim(` · account ${scan.accounts.join(', ') || '-'} · regions ${scan.regions.join(', ') || '-'} · ${summary.rulesEvaluated} rules`),
  );

  const byPhase = groupBy(report.findings, (f) => f.phase);
  for (const phase of PHASES) {
    const inPhase = byPhase.get(phase);
    if (!inPhase) continue;
    lines.push('', c.bold.underline(PHASE_LABELS[phase]));
    const byDimension = groupBy(inPhase, (f) => f.dimensions[0] ?? 'governance');
    for (const dimension of DIMENSIONS) {
      const inDim = byDimension.get(dimension);
      if (!inDim) continue;
      lines.push(`  ${c.bold(DIMENSION_LABELS[dimension])}`);
      for (const [ruleId, findings] of groupBy(inDim, (f) => f.ruleId)) {
        const first = findings[0];
        if (!first) continue;
        const counts = (s: Status): number => findings.filter((f) => f.status === s).length;
        const tally = [
          counts('FAIL') ? c.red(`${counts('FAIL')} fail`) : '',
          counts('ERROR') ? c.yellow(`${counts('ERROR')} error`) : '',
          counts('PASS') ? c.green(`${counts('PASS')} pass`) : '',
        ]
          .filter(Boolean)
          .join(', ');
        lines.push(
          `    ${statusLabel(c, ruleStatus(findings))} ${severityLabel(c, first.severity)} ${c.bold(ruleId)}  ${first.title} ${c.dim('(')}${tally}${c.dim(')')}`,
        );
        for (const f of findings) {
          if (f.status === 'PASS' && !options.showPass) continue;
          // FAIL messages name their resource; an ERROR may stand for a resource or a whole failed scope.
          const subject = f.status === 'ERROR' ? `${safe(f.resource.name)}: ` : '';
          const accepted = f.suppressed
            ? c.dim(` [suppressed: ${safe(f.suppressed.reason)}${f.suppressed.expires ? `, until ${f.suppressed.expires}` : ''}]`)
            : '';
          const isNew = f.baseline === 'new' ? `${c.red.bold('[new]')} ` : '';
          lines.push(`          ${statusLabel(c, f.status)} ${c.dim(where(f, multiAccount))}  ${isNew}${subject}${safe(f.message)}${accepted}`);
        }
      }
    }
  }

  lines.push('', c.bold('Summary'));
  lines.push(
    `  ${summary.total} results: ${c.red(`${summary.byStatus.FAIL} FAIL`)}, ${c.yellow(`${summary.byStatus.ERROR} ERROR`)}, ${c.green(`${summary.byStatus.PASS} PASS`)}`,
  );
  const bySeverity = SEVERITIES.filter((s) => summary.failBySeverity[s] > 0).map(
    (s) => `${summary.failBySeverity[s]} ${s}`,
  );
  lines.push(`  FAIL by severity: ${bySeverity.length ? bySeverity.join(', ') : 'none'}`);
  if (summary.suppressed > 0) lines.push(`  ${summary.suppressed} FAIL suppressed (accepted risks; they do not count toward --fail-on)`);
  for (const s of report.suppressions.expired) {
    lines.push(
      c.yellow(`  ! expired suppression (${s.expires}) no longer applies: ${s.rule} on ${safe(s.resource)} — ${safe(s.reason)}`),
    );
  }

  if (report.baseline) lines.push(...baselineLines(c, report.baseline, multiAccount));

  const accountErrors = report.accountErrors ?? [];
  if (report.errors.length > 0 || accountErrors.length > 0) {
    lines.push('', c.yellow.bold('Could not read (results that depend on these are ERROR, never PASS)'));
    for (const a of accountErrors) {
      const hint =
        a.operation === 'AssumeRole' && a.kind === 'access-denied'
          ? ' — the role must exist and trust the caller, who needs sts:AssumeRole on it'
          : '';
      lines.push(`  ${c.yellow('!')} ${a.operation} (${a.account}) the whole account, ${safe(a.roleArn)}: ${safe(a.code)}${hint}`);
    }
    for (const e of report.errors) {
      const scope = e.resourceArn ? safe(e.resourceArn) : `all ${e.slice}`;
      const place = multiAccount ? `${e.account}/${e.region}` : e.region;
      const denied = e.kind === 'access-denied' ? ` — grant ${e.action}` : '';
      lines.push(`  ${c.yellow('!')} ${e.operation} (${place}) ${scope}: ${safe(e.code)}${denied}`);
    }
  }
  if (scan.notes.length > 0) {
    lines.push('', c.bold('Scope'));
    for (const n of scan.notes) lines.push(`  ${c.dim('-')} ${safe(n)}`);
  }
  return `${lines.join('\n')}\n`;
}
