import { RULES } from '../../rules/index.js';
import type { Rule } from '../engine/rule.js';
import { selectRules } from '../engine/select.js';
import { DIMENSION_LABELS, PHASE_LABELS } from '../engine/taxonomy.js';
import { READ_OPERATIONS } from '../aws/read-operations.js';
import { COLLECTORS } from '../inventory/collectors/index.js';
import { SLICES, sliceClosure } from '../inventory/slices.js';
import { ruleSummary } from '../report/report.js';
import { UsageError } from '../util/errors.js';

export interface RulesFlags {
  format: string;
  phase: string[];
  dimension: string[];
  severity?: string;
  kind: string[];
  service: string[];
}

export function rulesCommand(flags: RulesFlags, write: (s: string) => void): number {
  if (flags.format !== 'text' && flags.format !== 'json') {
    throw new UsageError(`unknown format '${flags.format}' for rules; use text or json`);
  }
  const known = new Set(RULES.flatMap(servicesOf));
  const unknown = flags.service.find((s) => !known.has(s));
  if (unknown !== undefined) {
    throw new UsageError(`unknown service '${unknown}' in --service; use ${[...known].sort().join(', ')}`);
  }
  const rules = selectRules(RULES, {
    phases: flags.phase,
    dimensions: flags.dimension,
    kinds: flags.kind,
    ...(flags.severity ? { minSeverity: flags.severity } : {}),
  }).filter((r) => flags.service.length === 0 || servicesOf(r).some((s) => flags.service.includes(s)));
  if (flags.format === 'json') {
    write(`${JSON.stringify(rules.map((r) => ({ ...ruleSummary(r), services: servicesOf(r), needs: [...r.needs], iamActions: iamActions(r) })), null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(8, ...rules.map((r) => r.id.length));
  write(`${'RULE'.padEnd(idWidth)}  SEVERITY  KIND      PHASE              DIMENSIONS / TITLE\n`);
  for (const r of rules) {
    write(
      `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${r.kind.padEnd(8)}  ${r.phase.padEnd(17)}  ${r.dimensions.join(',')}\n` +
        `${''.padEnd(idWidth + 41)}${r.title}\n`,
    );
  }
  write(`${rules.length} rules\n`);
  return 0;
}

/** The AWS services whose resources a rule reads (not the services merely consulted to collect them). */
export function servicesOf(rule: Rule): string[] {
  return [...new Set(rule.needs.map((n) => SLICES[n].service))].sort();
}

/** The IAM actions a rule's data takes to collect, from the collectors of its slices. */
export function iamActions(rule: Rule): string[] {
  const ops = sliceClosure(rule.needs).flatMap((s) => COLLECTORS[s]?.operations ?? []);
  const actions = ops.map((o) => {
    const [service, operation] = o.split(':');
    return READ_OPERATIONS.find((r) => r.service === service && r.operation === operation)?.action ?? o;
  });
  return [...new Set(['sts:GetCallerIdentity', ...actions])].sort();
}

export function explainCommand(id: string, write: (s: string) => void): number {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new UsageError(`unknown rule id '${id}'; run 'mlaudit rules' to list them`);
  const lines = [
    `${rule.id}: ${rule.title}`,
    '',
    `Severity:    ${rule.severity} (${rule.kind})`,
    `Phase:       ${PHASE_LABELS[rule.phase]}`,
    `Dimensions:  ${rule.dimensions.map((d) => DIMENSION_LABELS[d]).join(', ')}`,
    ...(rule.pillars?.length ? [`Pillars:     ${rule.pillars.join(', ')}`] : []),
    '',
    'Why',
    `  ${rule.rationale}`,
    '',
    'How to fix',
    `  ${rule.remediation.summary}`,
    ...(rule.remediation.console ? [`  Console: ${rule.remediation.console}`] : []),
    ...(rule.remediation.cli ? [`  CLI:     ${rule.remediation.cli}`] : []),
    '',
    'Reads',
    `  ${sliceClosure(rule.needs).join(', ')}`,
    '',
    'IAM actions needed',
    ...iamActions(rule).map((a) => `  ${a}`),
    ...(rule.options && Object.keys(rule.options).length
      ? ['', 'Options (config file)', ...Object.entries(rule.options).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)]
      : []),
    '',
    'References',
    ...rule.references.map((r) => `  ${r}`),
  ];
  write(`${lines.join('\n')}\n`);
  return 0;
}
