import { SLICE_NAMES } from '../inventory/model.js';
import type { Rule } from './rule.js';
import { isDimension, isPhase, isSeverity, PILLARS } from './taxonomy.js';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every problem with the rule set; an empty list means it is sound. The engine refuses to run otherwise. */
export function ruleProblems(rules: readonly Rule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    const at = `rule '${r.id}'`;
    if (!ID_PATTERN.test(r.id)) problems.push(`${at}: id is not kebab-case`);
    if (seen.has(r.id)) problems.push(`${at}: duplicate id`);
    seen.add(r.id);
    if (!r.title.trim()) problems.push(`${at}: empty title`);
    if (!isSeverity(r.severity)) problems.push(`${at}: unknown severity '${r.severity}'`);
    if (!isPhase(r.phase)) problems.push(`${at}: unknown phase '${r.phase}'`);
    if (r.kind !== 'security' && r.kind !== 'practice') problems.push(`${at}: unknown kind '${String(r.kind)}'`);
    if (r.dimensions.length === 0) problems.push(`${at}: no responsible-AI dimension`);
    for (const d of r.dimensions) if (!isDimension(d)) problems.push(`${at}: unknown dimension '${d}'`);
    for (const p of r.pillars ?? []) {
      if (!(PILLARS as readonly string[]).includes(p)) problems.push(`${at}: unknown pillar '${p}'`);
    }
    if (!r.rationale.trim()) problems.push(`${at}: empty rationale`);
    if (!r.remediation.summary.trim()) problems.push(`${at}: empty remediation`);
    if (r.references.length === 0) problems.push(`${at}: no references`);
    if (r.needs.length === 0) problems.push(`${at}: declares no needs`);
    for (const n of r.needs) if (!SLICE_NAMES.includes(n)) problems.push(`${at}: unknown slice '${n}'`);
  }
  return problems;
}

export function assertRulesValid(rules: readonly Rule[]): void {
  const problems = ruleProblems(rules);
  if (problems.length > 0) throw new Error(`invalid rule set:\n  ${problems.join('\n  ')}`);
}
