import { UsageError } from '../util/errors.js';
import type { Rule } from './rule.js';
import { atOrAbove, isDimension, isPhase, isSeverity, type Severity } from './taxonomy.js';

export interface RuleFilter {
  include?: readonly string[];
  exclude?: readonly string[];
  minSeverity?: string;
  phases?: readonly string[];
  dimensions?: readonly string[];
  kinds?: readonly string[];
  services?: readonly string[];
}

function closestId(id: string, rules: readonly Rule[]): string | undefined {
  const parts = id.split('-');
  return rules.map((r) => r.id).find((known) => parts.some((p) => p.length > 3 && known.includes(p)));
}

function checkIds(ids: readonly string[], rules: readonly Rule[], flag: string): void {
  const known = new Set(rules.map((r) => r.id));
  for (const id of ids) {
    if (known.has(id)) continue;
    const hint = closestId(id, rules);
    throw new UsageError(
      `unknown rule id '${id}' in ${flag}${hint ? ` (did you mean '${hint}'?)` : ''}; run 'mlaudit rules' to list them`,
    );
  }
}

function checkValues(values: readonly string[], valid: (v: string) => boolean, what: string, flag: string): void {
  const bad = values.find((v) => !valid(v));
  if (bad !== undefined) throw new UsageError(`unknown ${what} '${bad}' in ${flag}`);
}

/** Applies the user's filters; throws a UsageError naming the first unknown value. */
export function selectRules(rules: readonly Rule[], filter: RuleFilter): Rule[] {
  const include = filter.include ?? [];
  const exclude = filter.exclude ?? [];
  checkIds(include, rules, '--rules');
  checkIds(exclude, rules, '--exclude-rules');
  let minSeverity: Severity | undefined;
  if (filter.minSeverity !== undefined) {
    if (!isSeverity(filter.minSeverity)) {
      throw new UsageError(
        `unknown severity '${filter.minSeverity}' in --min-severity; use critical, high, medium, low or info`,
      );
    }
    minSeverity = filter.minSeverity;
  }
  checkValues(filter.phases ?? [], isPhase, 'phase', '--phase');
  checkValues(filter.dimensions ?? [], isDimension, 'dimension', '--dimension');
  checkValues(filter.kinds ?? [], (k) => k === 'security' || k === 'practice', 'kind', '--kind');

  return rules.filter(
    (r) =>
      (include.length === 0 || include.includes(r.id)) &&
      !exclude.includes(r.id) &&
      (minSeverity === undefined || atOrAbove(r.severity, minSeverity)) &&
      (!filter.phases?.length || filter.phases.includes(r.phase)) &&
      (!filter.dimensions?.length || r.dimensions.some((d) => filter.dimensions?.includes(d))) &&
      (!filter.kinds?.length || filter.kinds.includes(r.kind)),
  );
}
