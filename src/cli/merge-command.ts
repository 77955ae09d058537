import { RULES } from '../../rules/index.js';
import { loadConfig } from '../config/config.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { applySuppressions } from '../engine/suppress.js';
import { compareWithBaseline } from '../report/baseline.js';
import { renderJsonChunks } from '../report/json.js';
import { mergeReports } from '../report/merge.js';
import type { ScanReport } from '../report/report.js';
import { UsageError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { assertWritable, writeChunksAtomic, writeFileAtomic } from './output-files.js';
import { parseFormats, parseSeverityOrNone } from './parse.js';
import { loadBaseline, readReportFile } from './report-file.js';
import { render, type ScanIo, type ScanPlan } from './report-targets.js';
import type { ReportFlags } from './scan-command.js';

/** The options exactly as commander hands them over: the report options of `scan`. */
export type MergeFlags = ReportFlags;

/**
 * `mlaudit merge a.json b.json …`: JSON reports of shards of one estate (a CI matrix over accounts, AWS Batch array
 * jobs) become one report, in any format, with the same summary and exit code as a single scan of them all. The
 * config file's suppressions apply to the merged findings as they would to a scan's (resource-tag suppressions
 * were already applied by each scan, which read the tags). With a baseline, only FAILs new since then fail the run.
 */
export function mergeCommand(files: readonly string[], flags: MergeFlags, io: ScanIo): number {
  if (files.length === 0) throw new UsageError('merge needs at least one JSON report (from mlaudit scan --format json)');
  const config = loadConfig(flags.config, io.cwd, RULES);
  const plan: ScanPlan = {
    targets: parseFormats(flags.format.length ? flags.format : (config.formats ?? []), flags.output),
    failOn: parseSeverityOrNone(flags.failOn ?? config.failOn ?? 'high', '--fail-on'),
    failOnError: flags.failOnError ?? false,
    colour: flags.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR),
  };
  for (const t of plan.targets) if (t.path) assertWritable(t.path, `--format ${t.format}`);
  const baseline = loadBaseline(flags.baseline, config.baseline);

  const today = io.now().toISOString().slice(0, 10);
  const outcome = (findings: ScanReport['findings']) => applySuppressions(findings, config.suppressions, today);
  const reports = files.map((f) => readReportFile(f, 'report')).map((r) => ({ ...r, findings: outcome(r.findings).findings }));
  const merged = mergeReports(reports, VERSION);
  const expired = outcome([]).expired.filter(
    (s) => !merged.suppressions.expired.some((e) => JSON.stringify(e) === JSON.stringify(s)),
  );
  const withExpired: ScanReport = {
    ...merged,
    suppressions: { ...merged.suppressions, expired: [...merged.suppressions.expired, ...expired] },
  };
  const report = baseline ? compareWithBaseline(withExpired, baseline.report, baseline.source) : withExpired;

  for (const target of plan.targets) {
    if (target.format === 'json') {
      // In pieces, as a scan writes it: the merged report of a large estate is longer than one string may be.
      if (target.path) writeChunksAtomic(target.path, renderJsonChunks(report));
      else for (const chunk of renderJsonChunks(report)) io.stdout.write(chunk);
      continue;
    }
    const { text, warnings } = render(report, target, plan, flags.showPass ?? false);
    for (const w of warnings) io.stderr.write(`mlaudit: warning: ${w}\n`);
    if (target.path) writeFileAtomic(target.path, text);
    else io.stdout.write(text);
  }
  const unread = report.errors.length + (report.accountErrors?.length ?? 0);
  return exitCodeFor(report.findings, unread, { failOn: plan.failOn, failOnError: plan.failOnError });
}
