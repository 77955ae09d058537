import type { Finding } from '../engine/finding.js';
import { joinedPieces, jsonParts, skipped, stringifyAt } from '../util/json-pieces.js';
import type { ScanReport } from './report.js';

/** The JSON report is the report object itself; its shape is versioned by `schemaVersion`. */
export function renderJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One element of a top-level array as `renderJson` lays it out; `index` is its position in the array. */
const element = (value: unknown, index: number): string => `${index > 0 ? ',' : ''}\n    ${stringifyAt(value, 2)}`;

/**
 * Findings as they appear inside the report's `"findings": [ … ]`, the first of them at position `start` of the
 * array: the text a scan that writes findings as it evaluates them sets aside, to be put in place by
 * `renderJsonChunks`.
 */
export function findingsText(findings: readonly Finding[], start: number): string {
  let text = '';
  for (let i = 0; i < findings.length; i += 1) text += element(findings[i], start + i);
  return text;
}

/** Findings already rendered with `findingsText`, in pieces, and how many there are. */
export interface RenderedFindings {
  count: number;
  chunks: () => Iterable<string | Uint8Array>;
}

/**
 * The same bytes as `renderJson`, in pieces of about a megabyte: the report of a scan of 100,000 resources (over half
 * a million findings) is longer than the longest string V8 allows, and at 50,000 the one string and its encoded copy
 * would be most of the process's memory. Each top-level array (findings, errors) is written an element at a time.
 * With `rendered`, the findings are those pieces instead of `report.findings`.
 */
export function renderJsonChunks(report: ScanReport, rendered?: RenderedFindings): Generator<string | Uint8Array> {
  return joinedPieces(reportParts(report, rendered));
}

function* reportParts(report: ScanReport, rendered: RenderedFindings | undefined): Generator<string | Uint8Array> {
  if (!rendered) {
    yield* jsonParts(report, 2, 0);
    yield '\n';
    return;
  }
  // The report's keys in their order; in the findings' place, the pieces set aside.
  const entries = Object.entries(report as unknown as Record<string, unknown>).filter(([, v]) => !skipped(v));
  yield '{';
  for (const [i, [key, value]] of entries.entries()) {
    yield `${i > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (key !== 'findings') {
      yield* jsonParts(value, 1, 1);
    } else if (rendered.count === 0) {
      yield '[]';
    } else {
      yield '[';
      yield* rendered.chunks();
      yield '\n  ]';
    }
  }
  yield '\n}\n';
}
