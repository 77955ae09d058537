import type { ScanReport } from './report.js';

/** The JSON report is the report object itself; its shape is versioned by `schemaVersion`. */
export function renderJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
