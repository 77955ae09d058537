import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Suppression } from '../config/config.js';
import { exitCodeFrom, failingFindings } from '../engine/exit-code.js';
import type { Finding } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';
import { findingsByRule } from '../engine/rule-batches.js';
import { Suppressor, tagIndex } from '../engine/suppress.js';
import type { AccountFailure } from '../inventory/collect-accounts.js';
import type { Inventory } from '../inventory/model.js';
import { BaselineMatcher, scopeOf } from '../report/baseline.js';
import { renderJsonChunks } from '../report/json.js';
import { assembleReport, reportFrame, SummaryCounter } from '../report/report.js';
import { FindingsSpool } from './findings-spool.js';
import type { ReportProgress } from './progress.js';
import { writeChunksAtomic, writeFileAtomic } from './output-files.js';
import type { Baseline } from './report-file.js';
import { render, type ScanIo, type ScanPlan } from './report-targets.js';

export interface ScanOutputInput {
  version: string;
  rules: readonly Rule[];
  inventories: readonly Inventory[];
  failures: readonly AccountFailure[];
  ruleOptions: Record<string, Record<string, unknown>> | undefined;
  suppressions: readonly Suppression[];
  baseline: Baseline | undefined;
  startedAt: string;
  plan: ScanPlan;
  showPass: boolean;
  /** Told as each rule is done, and stopped before anything is written (the CLI's progress display). */
  progress?: ReportProgress;
}

/**
 * Evaluates the rules and writes every report the plan asks for; returns the exit code.
 *
 * Rules are evaluated one at a time and each rule's findings are suppressed, compared with the baseline, counted
 * and set aside as JSON text before the next rule runs: a scan of 100,000 resources has over half a million
 * findings, and only the formats read as a whole (text, Markdown, HTML, SARIF) need them all in memory at once.
 * All of this is synchronous, so an interrupt is handled before or after it, never with a report half-written.
 */
export function evaluateAndWrite(input: ScanOutputInput, io: ScanIo): number {
  const { rules, inventories, failures, plan } = input;
  const today = io.now().toISOString().slice(0, 10);
  const suppressor = new Suppressor(input.suppressions, today, tagIndex(inventories));
  const frame = reportFrame({ version: input.version, inventories, rules, startedAt: input.startedAt, finishedAt: '', accountErrors: failures });
  const matcher = input.baseline ? new BaselineMatcher(input.baseline.report, input.baseline.source, scopeOf(frame)) : undefined;
  const wantsJson = plan.targets.some((t) => t.format === 'json');
  const all: Finding[] | undefined = plan.targets.some((t) => t.format !== 'json') ? [] : undefined;
  const spool = wantsJson ? new FindingsSpool(spoolPath(plan)) : undefined;
  try {
    const counter = new SummaryCounter();
    let failing = 0;
    for (const batch of findingsByRule(rules, inventories, failures, { ruleOptions: input.ruleOptions })) {
      const suppressed = suppressor.apply(batch.findings);
      const findings = matcher ? matcher.mark(suppressed) : suppressed;
      counter.add(findings);
      failing += failingFindings(findings, plan.failOn).length;
      spool?.append(findings);
      if (all) for (const f of findings) all.push(f);
      input.progress?.ruleDone();
    }
    // Cleared before anything is written: a report on stdout shares the terminal with the progress line.
    input.progress?.stop();
    const summary = counter.result(rules.length);
    const report = assembleReport(
      { ...frame, scan: { ...frame.scan, finishedAt: io.now().toISOString() } },
      summary,
      all ?? [],
      { applied: summary.suppressed, expired: suppressor.expired },
      matcher?.comparison(),
    );

    for (const target of plan.targets) {
      if (target.format === 'json' && spool) {
        if (target.path) writeChunksAtomic(target.path, renderJsonChunks(report, spool.rendered(true)));
        else for (const chunk of renderJsonChunks(report, spool.rendered(false))) io.stdout.write(chunk);
        continue;
      }
      const { text, warnings } = render(report, target, plan, input.showPass);
      for (const w of warnings) io.stderr.write(`mlaudit: warning: ${w}\n`);
      if (target.path) writeFileAtomic(target.path, text);
      else io.stdout.write(text);
    }
    const unread = report.errors.length + (report.accountErrors?.length ?? 0);
    return exitCodeFrom(failing, unread > 0 || summary.byStatus.ERROR > 0, plan);
  } finally {
    input.progress?.stop();
    spool?.dispose();
  }
}

/** Beside the first JSON report written to a file (the disk the user chose for it), else in the temporary directory. */
function spoolPath(plan: ScanPlan): string {
  const file = plan.targets.find((t) => t.format === 'json' && t.path !== undefined)?.path;
  const dir = file !== undefined ? dirname(resolve(file)) : tmpdir();
  return join(dir, `.mlaudit-findings.${process.pid}.${Date.now()}.tmp`);
}
