import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Rule } from '../engine/rule.js';
import { isSeverity, type Severity } from '../engine/taxonomy.js';
import { UsageError } from '../util/errors.js';

export const DEFAULT_CONFIG_FILE = 'mlaudit.config.yaml';

export interface Suppression {
  rule: string;
  /** An ARN, or a glob over ARNs where `*` matches any run of characters. */
  resource: string;
  account?: string;
  region?: string;
  reason: string;
  /** YYYY-MM-DD, inclusive: the suppression applies through that day (UTC). */
  expires?: string;
}

export interface Config {
  regions?: string[];
  rules?: string[];
  excludeRules?: string[];
  minSeverity?: Severity;
  failOn?: Severity | 'none';
  formats?: string[];
  /** A JSON report of an earlier run: only FAILs new since then fail the run (relative to the working directory). */
  baseline?: string;
  ruleOptions: Record<string, Record<string, unknown>>;
  suppressions: Suppression[];
  /** Where the config came from, for messages; undefined when there was none. */
  source?: string;
}

const TOP_KEYS = ['regions', 'rules', 'excludeRules', 'minSeverity', 'failOn', 'formats', 'baseline', 'ruleOptions', 'suppressions'];
const SUPPRESSION_KEYS = ['rule', 'resource', 'account', 'region', 'reason', 'expires'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new UsageError(`${where} must be a list of strings`);
  }
  return value;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(obj).find((k) => !allowed.includes(k));
  if (unknown !== undefined) {
    throw new UsageError(`${where}: unknown key '${unknown}' (allowed: ${allowed.join(', ')})`);
  }
}

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

function parseSuppression(raw: unknown, index: number, source: string, ruleIds: Set<string>): Suppression {
  const where = `${source}: suppressions[${index}]`;
  if (!isObject(raw)) throw new UsageError(`${where} must be a mapping with rule, resource and reason`);
  checkKeys(raw, SUPPRESSION_KEYS, where);
  for (const key of ['rule', 'resource', 'reason']) {
    if (typeof raw[key] !== 'string' || !(raw[key] as string).trim()) throw new UsageError(`${where}: '${key}' is required`);
  }
  const rule = raw.rule as string;
  if (!ruleIds.has(rule)) throw new UsageError(`${where}: unknown rule id '${rule}'`);
  // YAML reads an unquoted 2026-12-31 as a date; accept both forms.
  const expires = raw.expires instanceof Date ? raw.expires.toISOString().slice(0, 10) : raw.expires;
  if (expires !== undefined && (typeof expires !== 'string' || !isValidDate(expires))) {
    throw new UsageError(`${where}: 'expires' must be a date like 2026-12-31`);
  }
  for (const key of ['account', 'region']) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string' && typeof raw[key] !== 'number') {
      throw new UsageError(`${where}: '${key}' must be a string`);
    }
  }
  return {
    rule,
    resource: raw.resource as string,
    reason: (raw.reason as string).trim(),
    ...(raw.account !== undefined ? { account: String(raw.account) } : {}),
    ...(raw.region !== undefined ? { region: String(raw.region) } : {}),
    ...(expires !== undefined ? { expires } : {}),
  };
}

function parseRuleOptions(raw: unknown, source: string, rules: readonly Rule[]): Config['ruleOptions'] {
  if (!isObject(raw)) throw new UsageError(`${source}: ruleOptions must map rule ids to option settings`);
  const out: Config['ruleOptions'] = {};
  for (const [id, options] of Object.entries(raw)) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw new UsageError(`${source}: ruleOptions: unknown rule id '${id}'`);
    const defaults = rule.options ?? {};
    if (!isObject(options)) throw new UsageError(`${source}: ruleOptions.${id} must be a mapping`);
    for (const [name, value] of Object.entries(options)) {
      if (!(name in defaults)) {
        const known = Object.keys(defaults);
        throw new UsageError(
          `${source}: ruleOptions.${id}: unknown option '${name}'${known.length ? ` (options: ${known.join(', ')})` : ' (this rule has no options)'}`,
        );
      }
      const expected = Array.isArray(defaults[name]) ? 'array' : typeof defaults[name];
      const actual = Array.isArray(value) ? 'array' : typeof value;
      if (expected !== actual) throw new UsageError(`${source}: ruleOptions.${id}.${name} must be a ${expected}`);
    }
    out[id] = options;
  }
  return out;
}

/** Parses and validates a config file's text; every problem is one line naming the file and the key. */
export function parseConfig(text: string, source: string, rules: readonly Rule[]): Config {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    const detail = err instanceof YAMLParseError ? err.message.split('\n')[0] : String(err);
    throw new UsageError(`${source} is not valid YAML (${detail})`);
  }
  if (raw === null || raw === undefined) return { ruleOptions: {}, suppressions: [], source };
  if (!isObject(raw)) throw new UsageError(`${source} must be a YAML mapping`);
  checkKeys(raw, TOP_KEYS, source);
  const ruleIds = new Set(rules.map((r) => r.id));
  const config: Config = { ruleOptions: {}, suppressions: [], source };
  if (raw.regions !== undefined) config.regions = stringList(raw.regions, `${source}: regions`);
  if (raw.formats !== undefined) config.formats = stringList(raw.formats, `${source}: formats`);
  if (raw.baseline !== undefined) {
    if (typeof raw.baseline !== 'string' || !raw.baseline.trim()) {
      throw new UsageError(`${source}: baseline must be the file name of a JSON report (from mlaudit scan --format json)`);
    }
    config.baseline = raw.baseline;
  }
  for (const key of ['rules', 'excludeRules'] as const) {
    if (raw[key] === undefined) continue;
    const ids = stringList(raw[key], `${source}: ${key}`);
    const bad = ids.find((id) => !ruleIds.has(id));
    if (bad !== undefined) throw new UsageError(`${source}: ${key}: unknown rule id '${bad}'`);
    config[key] = ids;
  }
  if (raw.minSeverity !== undefined) {
    if (typeof raw.minSeverity !== 'string' || !isSeverity(raw.minSeverity)) {
      throw new UsageError(`${source}: minSeverity must be critical, high, medium, low or info`);
    }
    config.minSeverity = raw.minSeverity;
  }
  if (raw.failOn !== undefined) {
    if (typeof raw.failOn !== 'string' || (raw.failOn !== 'none' && !isSeverity(raw.failOn))) {
      throw new UsageError(`${source}: failOn must be critical, high, medium, low, info or none`);
    }
    config.failOn = raw.failOn;
  }
  if (raw.ruleOptions !== undefined) config.ruleOptions = parseRuleOptions(raw.ruleOptions, source, rules);
  if (raw.suppressions !== undefined) {
    if (!Array.isArray(raw.suppressions)) throw new UsageError(`${source}: suppressions must be a list`);
    config.suppressions = raw.suppressions.map((s, i) => parseSuppression(s, i, source, ruleIds));
  }
  return config;
}

/** `--config FILE`, or mlaudit.config.yaml in the working directory when present. */
export function loadConfig(path: string | undefined, cwd: string, rules: readonly Rule[]): Config {
  const file = path ?? (existsSync(`${cwd}/${DEFAULT_CONFIG_FILE}`) ? `${cwd}/${DEFAULT_CONFIG_FILE}` : undefined);
  if (file === undefined) return { ruleOptions: {}, suppressions: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read config '${file}' (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseConfig(text, path ?? DEFAULT_CONFIG_FILE, rules);
}
