import { readFileSync } from 'node:fs';
import { parseReport } from '../report/merge.js';
import type { ScanReport } from '../report/report.js';
import { UsageError } from '../util/errors.js';

/**
 * A JSON report from an earlier run, checked as `merge` checks its inputs. `role` names it in the one-line error
 * (`report` for a merge input, `baseline` for --baseline).
 */
export function readReportFile(path: string, role: 'report' | 'baseline'): ScanReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${role} '${path}' (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseReport(text, role === 'baseline' ? `baseline ${path}` : path);
}

export interface Baseline {
  report: ScanReport;
  /** The file as the user named it, for the report. */
  source: string;
}

/** --baseline FILE wins over the config file's `baseline:`; --no-baseline turns either off. */
export function loadBaseline(flag: string | false | undefined, fromConfig: string | undefined): Baseline | undefined {
  if (flag === '') throw new UsageError('--baseline needs a file name (a JSON report of an earlier run)');
  const source = flag === false ? undefined : (flag ?? fromConfig);
  return source === undefined ? undefined : { report: readReportFile(source, 'baseline'), source };
}
