import type { Finding } from '../engine/finding.js';
import type { ScanReport } from './report.js';

/** The JSON report is the report object itself; its shape is versioned by `schemaVersion`. */
export function renderJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Pieces of about this many characters are handed to the writer. */
const CHUNK_CHARS = 1 << 20;

// JSON.stringify's layout with an indent of 2: nested lines of a value at depth d are indented by 2d more spaces.
// A JSON text holds no raw newline inside a string, so every newline of a stringified value starts a line.
const nested = (value: unknown, depth: number): string | undefined =>
  JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${'  '.repeat(depth)}`);

/** One element of a top-level array as `renderJson` lays it out; `index` is its position in the array. */
const element = (value: unknown, index: number): string => `${index > 0 ? ',' : ''}\n    ${nested(value, 2) ?? 'null'}`;

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
export function* renderJsonChunks(report: ScanReport, rendered?: RenderedFindings): Generator<string | Uint8Array> {
  let buffer = '';
  const put = function* (text: string): Generator<string> {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  };
  // The keys JSON.stringify keeps, in its order.
  const entries = Object.entries(report as unknown as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
  );
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield* put('{');
  for (const [i, [key, value]] of entries.entries()) {
    yield* put(`${i > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (key === 'findings' && rendered) {
      if (rendered.count === 0) {
        yield* put('[]');
        continue;
      }
      yield* put('[');
      if (buffer) yield buffer;
      buffer = '';
      yield* rendered.chunks();
      yield* put('\n  ]');
    } else if (Array.isArray(value) && value.length > 0) {
      yield* put('[');
      for (const [j, item] of value.entries()) yield* put(element(item, j));
      yield* put('\n  ]');
    } else {
      yield* put(nested(value, 1) ?? 'null');
    }
  }
  yield* put('\n}\n');
  if (buffer) yield buffer;
}
