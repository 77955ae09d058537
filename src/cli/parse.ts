import { isSeverity, type Severity } from '../engine/taxonomy.js';
import { UsageError } from '../util/errors.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputTarget {
  format: Format;
  /** Undefined writes to stdout. */
  path?: string;
}

/** Commander collector for repeatable, comma-separable list options. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function parseRegions(values: readonly string[]): string[] {
  for (const r of values) {
    if (!REGION.test(r)) throw new UsageError(`invalid region '${r}' in --region; expected a name like us-east-1`);
  }
  return [...new Set(values)];
}

export function parseSeverityOrNone(value: string, flag: string): Severity | 'none' {
  if (value === 'none' || isSeverity(value)) return value;
  throw new UsageError(`invalid value '${value}' for ${flag}; use critical, high, medium, low, info or none`);
}

export function parsePositiveInt(value: string, flag: string, max = 1_000_000): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new UsageError(`invalid value '${value}' for ${flag}; expected a whole number from 1 to ${max}`);
  }
  return n;
}

/** A positive number of seconds, fractions allowed (`20`, `0.5`). */
export function parseSeconds(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > max) {
    throw new UsageError(`invalid value '${value}' for ${flag}; expected a number of seconds above 0, at most ${max}`);
  }
  return n;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `90d`, `12h`, `2w`, `30m` → milliseconds. */
export function parseDuration(value: string, flag: string): number {
  const m = /^(\d+)([mhdw])$/.exec(value.trim());
  const amount = m ? Number(m[1]) : NaN;
  const unit = m ? UNIT_MS[m[2] ?? ''] : undefined;
  if (!m || unit === undefined || amount <= 0) {
    throw new UsageError(`invalid duration '${value}' for ${flag}; use a number and a unit, e.g. 90d, 12h, 2w`);
  }
  return amount * unit;
}

/**
 * `--format json` and `--format json=report.json`, repeatable. At most one target may go to stdout; `--output`
 * gives the path of the one format that names none.
 */
export function parseFormats(values: readonly string[], output: string | undefined): OutputTarget[] {
  const specs = values.length ? values : ['text'];
  const targets = specs.map((spec): OutputTarget => {
    const eq = spec.indexOf('=');
    const name = eq >= 0 ? spec.slice(0, eq) : spec;
    const path = eq >= 0 ? spec.slice(eq + 1) : undefined;
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown format '${name}' in --format; use ${FORMATS.join(', ')}`);
    }
    if (path === '') throw new UsageError(`empty file name in --format ${spec}`);
    return { format: name as Format, ...(path ? { path } : {}) };
  });
  const toStdout = targets.filter((t) => t.path === undefined);
  if (output !== undefined) {
    if (toStdout.length !== 1) {
      throw new UsageError('--output needs exactly one --format without a file name (use --format FORMAT=FILE for the others)');
    }
    const only = toStdout[0];
    if (only) only.path = output;
  } else if (toStdout.length > 1) {
    throw new UsageError('only one format can go to standard output; give the others a file with --format FORMAT=FILE');
  }
  const paths = targets.map((t) => t.path).filter((p): p is string => p !== undefined);
  if (new Set(paths).size !== paths.length) throw new UsageError('two formats would be written to the same file');
  return targets;
}
