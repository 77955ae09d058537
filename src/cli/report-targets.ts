import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import type { ScanReport } from '../report/report.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import type { Severity } from '../engine/taxonomy.js';
import type { OutputTarget } from './parse.js';

export interface ScanIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
}

export interface ScanPlan {
  targets: OutputTarget[];
  failOn: Severity | 'none';
  failOnError: boolean;
  colour: boolean;
}

/** A rendered report, and what to tell the user about it on stderr (e.g. SARIF cut to GitHub's limits). */
export function render(report: ScanReport, target: OutputTarget, plan: ScanPlan, showPass: boolean): { text: string; warnings: string[] } {
  switch (target.format) {
    case 'json':
      return { text: renderJson(report), warnings: [] };
    case 'sarif':
      return renderSarif(report);
    case 'markdown':
      return { text: renderMarkdown(report, { failOn: plan.failOn }), warnings: [] };
    case 'html':
      return { text: renderHtml(report, { failOn: plan.failOn }), warnings: [] };
    case 'text':
      return { text: renderText(report, { color: target.path === undefined && plan.colour, showPass }), warnings: [] };
  }
}
